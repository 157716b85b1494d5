/**
 * Reads scenario text into a YAML document with positions, wrapped so that no input
 * can throw past it: binary data, empty files, huge files, alias bombs, deep nesting
 * and prototype-polluting keys all come back as located problems.
 */
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node } from 'yaml';
import { unfoldJapanese } from './folding';
import { MAX_FILE_BYTES } from './limits';
import type { Problem } from './problems';

export { MAX_FILE_BYTES };
export const MAX_ALIAS_COUNT = 100;
export const MAX_DEPTH = 48;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export interface ParsedFile {
  readonly doc: Document.Parsed;
  readonly lines: LineCounter;
  /** Plain data (maps become objects); only present when the document had no problems. */
  readonly value: unknown;
}

export type ParseResult = { ok: true; parsed: ParsedFile } | { ok: false; problems: Problem[] };

/** Decodes file bytes as UTF-8 text, refusing binary data. */
export function decodeScenarioBytes(file: string, bytes: Uint8Array): { ok: true; text: string } | { ok: false; problems: Problem[] } {
  if (bytes.length > MAX_FILE_BYTES) {
    return fail(file, 1, 1, 'file', `the file is ${(bytes.length / 1048576).toFixed(1)} MB; a scenario file may be at most ${MAX_FILE_BYTES / 1048576} MB. Is this the right file?`);
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) return fail(file, 1, 1, 'file', `this is not a text file (it contains a NUL byte at byte ${nul}); a scenario is a YAML text file`);
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return fail(file, 1, 1, 'file', 'this file is not UTF-8 text; save it as UTF-8 (the usual choice in any editor)');
  }
}

export function parseScenarioText(file: string, text: string): ParseResult {
  if (text.length > MAX_FILE_BYTES) {
    return fail(file, 1, 1, 'file', `the file has ${text.length} characters; a scenario file may be at most ${MAX_FILE_BYTES / 1048576} MB`);
  }
  const nul = text.indexOf('\u0000');
  if (nul >= 0) return fail(file, 1, 1, 'file', 'this is not a text file (it contains a NUL character); a scenario is a YAML text file');
  const lines = new LineCounter();
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text.replace(/^\uFEFF/, ''), { lineCounter: lines, uniqueKeys: true, version: '1.2', prettyErrors: false, strict: true });
  } catch (e) {
    // The parser reports its own failures as errors; this guards against anything it throws instead.
    return fail(file, 1, 1, 'yaml', `could not read this file as YAML (${(e as Error).message})`);
  }
  const problems = syntaxProblems(file, text.replace(/^\uFEFF/, ''), doc, lines);
  if (problems.length > 0) return { ok: false, problems };
  if (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null)) {
    return fail(file, 1, 1, 'file', 'the file is empty; a scenario starts with "format: 1" (copy scenarios/template.yaml to begin)');
  }
  problems.push(...shapeProblems(file, doc, lines));
  if (problems.length > 0) return { ok: false, problems };
  unfoldJapanese(doc, text);
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    const at = firstAlias(doc);
    const { line, col } = at === undefined ? { line: 1, col: 1 } : lines.linePos(at);
    const message =
      e instanceof ReferenceError && /alias/i.test(e.message)
        ? `too many aliases (*name) expand here: a scenario may use at most ${MAX_ALIAS_COUNT} alias expansions; write the values out instead`
        : `could not read this file as YAML (${(e as Error).message})`;
    return fail(file, line, col, 'yaml', message);
  }
  return { ok: true, parsed: { doc, lines, value } };
}

/**
 * The parser's errors as the author should hear them. One slip of indentation makes the parser
 * misread everything after it, so its errors come in a cascade that points past the slip; when
 * the lines around the first error show a line indented unlike its neighbours, that one line is
 * the whole message. Otherwise the first syntax error is said (the rest follow from it), and every
 * duplicate key, which stands on its own; a tab used as indentation is said alone.
 */
function syntaxProblems(file: string, text: string, doc: Document.Parsed, lines: LineCounter): Problem[] {
  const problems: Problem[] = [];
  let syntax: Problem | undefined;
  let deep = false;
  // A tab is the root cause of everything the parser says after it (and it counts as one space of indentation).
  let tab = false;
  for (const err of doc.errors) {
    // Deep nesting produces one error per level; one line says it.
    const code = /call stack|too much recursion/i.test(err.message) ? 'RESOURCE_EXHAUSTION' : err.code;
    const { line, col } = lines.linePos(err.pos[0]);
    const problem: Problem = { file, line, col, stage: 'yaml', message: yamlMessage(code, err.message) };
    if (code === 'RESOURCE_EXHAUSTION') {
      if (!deep) problems.push(problem);
      deep = true;
    } else if (code === 'DUPLICATE_KEY' || code === 'TAB_AS_INDENT') {
      problems.push(problem);
      tab ||= code === 'TAB_AS_INDENT';
    } else if (!syntax || line < syntax.line) syntax = problem;
  }
  if (syntax && !deep && !tab) {
    const odd = oddIndentation(text, syntax.line);
    problems.push(
      odd
        ? {
            file,
            line: odd.line,
            col: 1,
            stage: 'yaml',
            message: `line ${odd.line} is indented ${spaces(odd.indent)}; the lines around it use ${odd.expected}. YAML reads indentation as structure: indent it by ${spaces(odd.expected)} like its neighbours`,
          }
        : syntax,
    );
  }
  return problems;
}

const spaces = (n: number): string => `${n} space${n === 1 ? '' : 's'}`;

interface SourceLine {
  /** 1-based. */
  readonly line: number;
  readonly indent: number;
  /** Starts with "- ": a list item. */
  readonly dash: boolean;
  /** Where the item's own text starts: after the dashes of a list item, else the indent. */
  readonly content: number;
  /** Ends with "key:" or "-" and nothing after: the lines under it are its contents. */
  readonly opens: boolean;
  /** A line of block text (after "key: >" or "|") indented less than the block's first line: the indent that line sets. */
  readonly bodyExpected?: number;
}

/** The lines whose indentation is structure: no blank lines, comments, block-text bodies or flow continuations. */
function structuralLines(text: string): SourceLine[] {
  const out: SourceLine[] = [];
  let blockText = -1;
  let body1 = -1;
  let flow = 0;
  text.split(/\r\n|\r|\n/).forEach((raw, i) => {
    const indent = raw.length - raw.trimStart().length;
    const body = raw.trim();
    if (blockText >= 0) {
      if (body === '') return;
      if (indent > blockText) {
        if (body1 < 0) body1 = indent;
        else if (indent < body1) out.push({ line: i + 1, indent, dash: false, content: indent, opens: false, bodyExpected: body1 });
        return;
      }
      blockText = -1;
      body1 = -1;
    }
    if (flow > 0) {
      flow = Math.max(0, flow + depthChange(body));
      return;
    }
    if (body === '' || body.startsWith('#') || body === '---' || body === '...') return;
    const code = body.replace(/\s+#.*$/, '');
    const dashes = /^(?:-(?:\s+|$))+/.exec(code)?.[0] ?? '';
    // Only an item that starts a mapping ("- id: x") has lines of its own under it, at its text's column.
    const mapping = /^[^\s{["'!&*][^:]*:(\s|$)/.test(code.slice(dashes.length));
    out.push({ line: i + 1, indent, dash: dashes !== '', content: indent + (mapping ? dashes.length : 0), opens: /:$/.test(code) || /^-$/.test(code.trimEnd()) });
    if (/(?::|^-)\s*[|>][-+0-9]*$/.test(code) || /^[|>][-+0-9]*$/.test(code)) blockText = indent;
    flow = Math.max(0, depthChange(code));
  });
  return out;
}

/** How many flow brackets a line leaves open, outside quotes. */
function depthChange(code: string): number {
  let depth = 0;
  let quote = '';
  for (const ch of code) {
    if (quote) {
      if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '[' || ch === '{') depth++;
    else if (ch === ']' || ch === '}') depth--;
  }
  return depth;
}

/**
 * A line near `errorLine` (the three before it, it, or the one after) indented unlike its neighbours, with the
 * indentation they use; undefined when every line there sits at a level its context allows.
 */
export function oddIndentation(text: string, errorLine: number): { line: number; indent: number; expected: number } | undefined {
  const all = structuralLines(text);
  const top = all[0];
  // The file's own keys start at the left edge.
  if (top && top.indent > 0 && top.line <= errorLine + 1) return { line: top.line, indent: top.indent, expected: 0 };
  for (let i = 1; i < all.length; i++) {
    const l = all[i]!;
    // The parser may stumble on the line before the slip too (a key it now reads as unfinished).
    if (l.line < errorLine - 3 || l.line > errorLine + 1) continue;
    if (l.bodyExpected !== undefined) return { line: l.line, indent: l.indent, expected: l.bodyExpected };
    const p = all[i - 1]!;
    const inner = p.dash ? p.content : p.indent;
    if (l.indent > p.indent && p.opens) {
      // The first line under "key:": the block's other lines of its kind (items, or keys) say what its indentation is.
      const end = all.findIndex((m, j) => j > i && m.indent <= p.indent);
      const block = all.slice(i, end < 0 ? all.length : end).filter((m) => m.dash === l.dash);
      const count = new Map<number, SourceLine[]>();
      for (const m of block) count.set(m.indent, [...(count.get(m.indent) ?? []), m]);
      const [first, second] = [...count.keys()].sort((a, b) => a - b);
      if (first === undefined || second === undefined || (l.indent !== first && l.indent !== second)) continue;
      const other = l.indent === first ? second : first;
      const mine = count.get(l.indent)!.length;
      const theirs = count.get(other)!;
      if (mine === 1 && theirs.length > 1) return { line: l.line, indent: l.indent, expected: other };
      // One line each: the later one is the slip.
      if (mine === 1 && theirs.length === 1) return { line: theirs[0]!.line, indent: other, expected: l.indent };
      continue;
    }
    if (l.indent > inner && !p.opens) return { line: l.line, indent: l.indent, expected: inner };
    if (l.indent < inner) {
      // A step back out must land on a level some enclosing line opened.
      const levels = new Set([p.indent, inner]);
      let floor = p.indent;
      for (let j = i - 2; j >= 0 && floor > 0; j--) {
        const q = all[j]!;
        if (q.indent < floor) {
          levels.add(q.indent);
          if (q.dash && q.content <= floor) levels.add(q.content);
          floor = q.indent;
        }
      }
      if (!levels.has(l.indent)) {
        const expected = [...levels].sort((a, b) => Math.abs(a - l.indent) - Math.abs(b - l.indent) || b - a)[0]!;
        return { line: l.line, indent: l.indent, expected };
      }
    }
  }
  return undefined;
}

function yamlMessage(code: string, message: string): string {
  const first = message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  switch (code) {
    case 'DUPLICATE_KEY':
      return `${first}: this key appears twice in the same mapping; remove or rename one`;
    case 'RESOURCE_EXHAUSTION':
      return `the file nests too deeply to be a scenario (${first}); check for runaway [ or { brackets`;
    case 'TAB_AS_INDENT':
      return `${first}: indent with spaces, not tabs`;
    default:
      return `YAML syntax: ${first}`;
  }
}

/** Forbidden keys, non-string keys and excessive depth, found on the syntax tree before any conversion. */
function shapeProblems(file: string, doc: Document.Parsed, lines: LineCounter): Problem[] {
  const problems: Problem[] = [];
  const at = (node: Node | null | undefined): { line: number; col: number } => (node?.range ? lines.linePos(node.range[0]) : { line: 1, col: 1 });
  let tooDeep = false;
  visit(doc, {
    Pair(_key, pair, path) {
      const key = pair.key;
      if (isScalar(key) && typeof key.value === 'string' && FORBIDDEN_KEYS.has(key.value)) {
        problems.push({ file, ...at(key), stage: 'yaml', message: `the key '${key.value}' is not allowed in a scenario file` });
      } else if (key !== null && !isScalar(key)) {
        problems.push({ file, ...at(key as Node), stage: 'yaml', message: 'a key must be a plain name, not a list or mapping' });
      }
      const depth = path.filter((p) => isMap(p) || isSeq(p)).length;
      if (depth > MAX_DEPTH && !tooDeep) {
        tooDeep = true;
        problems.push({ file, ...at(key as Node), stage: 'yaml', message: `the file nests more than ${MAX_DEPTH} levels deep here; a scenario never needs that many` });
        return visit.BREAK;
      }
      return undefined;
    },
    Seq(_key, seq, path) {
      if (path.length > MAX_DEPTH * 2 && !tooDeep) {
        tooDeep = true;
        problems.push({ file, ...at(seq), stage: 'yaml', message: `the file nests more than ${MAX_DEPTH} levels deep here; a scenario never needs that many` });
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return problems;
}

function firstAlias(doc: Document.Parsed): number | undefined {
  let offset: number | undefined;
  visit(doc, {
    Alias(_key, node) {
      if (isAlias(node) && node.range) offset = node.range[0];
      return visit.BREAK;
    },
  });
  return offset;
}

function fail(file: string, line: number, col: number, stage: Problem['stage'], message: string): { ok: false; problems: Problem[] } {
  return { ok: false, problems: [{ file, line, col, stage, message }] };
}
