/**
 * Reads scenario text into a YAML document with positions, wrapped so that no input
 * can throw past it: binary data, empty files, huge files, alias bombs, deep nesting
 * and prototype-polluting keys all come back as located problems.
 */
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node } from 'yaml';
import { unfoldJapanese } from './folding';
import type { Problem } from './problems';

export const MAX_FILE_BYTES = 2 * 1024 * 1024;
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
  const problems: Problem[] = [];
  const seenCodes = new Set<string>();
  for (const err of doc.errors) {
    // Deep nesting produces one error per level; one line says it.
    const code = /call stack|too much recursion/i.test(err.message) ? 'RESOURCE_EXHAUSTION' : err.code;
    if (code === 'RESOURCE_EXHAUSTION' && seenCodes.has(code)) continue;
    seenCodes.add(code);
    const { line, col } = lines.linePos(err.pos[0]);
    problems.push({ file, line, col, stage: 'yaml', message: yamlMessage(code, err.message) });
  }
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
