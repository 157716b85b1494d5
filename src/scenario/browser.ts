/**
 * The scenario checker in the browser, for a file an instructor brings. It is the command line's
 * checker itself (loadScenario: the same passes, problems, positions and did-you-means), so it
 * carries the YAML parser and the zod schema. The page runs it in a Web Worker of its own
 * (src/ui/library/checkWorker.ts), so checking a large file never holds the page, and the parser and
 * the schema travel in the worker's script, fetched when a file is loaded.
 */
import { stateHash } from '../engine/hash';
import type { Scenario } from '../engine/model';
import { loadScenario } from './load';
import { Locator } from './locate';
import { decodeScenarioBytes, parseScenarioText } from './parse';
import type { Problem } from './problems';
import type { ScenarioFile } from './schema';
import { checkStructure } from './structure';

/** A problem with the line of the file it points into, to show with a caret under its column. */
export interface ShownProblem extends Problem {
  /** The file's line `line` as written (cut around the column when very long); absent for a problem about the whole file. */
  readonly source?: string;
  /** The column within `source` (differs from `col` only when the line was cut). */
  readonly sourceCol?: number;
  /** The lines around it (up to two before and two after, each cut when very long), the problem's own line marked. */
  readonly excerpt?: readonly ExcerptLine[];
}

export interface ExcerptLine {
  readonly line: number;
  readonly text: string;
  readonly marked: boolean;
}

/** Lines shown before and after a problem's line. */
const AROUND = 2;

export interface CheckedFile {
  readonly ok: true;
  /** The name the problems and the list use (e.g. "my_scenario.yaml"). */
  readonly file: string;
  /** The file's text as decoded: what the library remembers. */
  readonly text: string;
  readonly scenario: Scenario;
  /** The validated data (defaults filled in): what the scenario is compiled from, as a shipped file's is. */
  readonly data: ScenarioFile;
  /** The fingerprint of the validated data, computed as for shipped files (src/store/catalog.ts). */
  readonly hash: string;
  /** Where the file sets its `id:` (to point at it when the id is already taken). */
  readonly idAt: ShownProblemPlace;
}

export type ShownProblemPlace = Pick<ShownProblem, 'line' | 'col' | 'source' | 'sourceCol' | 'excerpt'>;

export type FailedCheck = { readonly ok: false; readonly file: string; readonly problems: readonly ShownProblem[] };

export type BrowserCheck = CheckedFile | FailedCheck;

/** A check as a worker can send it: plain data, no compiled scenario (its expressions are closures); the page compiles `data` as it compiles a shipped file. */
export type DataCheck = Omit<CheckedFile, 'scenario'> | FailedCheck;

/** Longest source line shown whole; longer lines are cut to a window around the column. */
const MAX_SHOWN = 160;

/**
 * Checks a file as `npm run scenario -- check` would: bytes are decoded as the command line
 * decodes a file (UTF-8 only, no binary), a string is taken as already decoded text.
 */
export function checkScenarioFile(file: string, input: string | Uint8Array): BrowserCheck {
  const decoded = typeof input === 'string' ? ({ ok: true, text: input } as const) : decodeScenarioBytes(file, input);
  if (!decoded.ok) return { ok: false, file, problems: decoded.problems };
  const text = decoded.text;
  const loaded = loadScenario(file, text);
  if (!loaded.ok) return { ok: false, file, problems: withSource(loaded.problems, text) };
  // A file that loads also parses and validates; this second pass gives the data the hash is made of.
  const parsed = parseScenarioText(file, text);
  if (!parsed.ok) return { ok: false, file, problems: withSource(parsed.problems, text) };
  const locate = new Locator(parsed.parsed.doc, parsed.parsed.lines);
  const structure = checkStructure(file, parsed.parsed.value, locate);
  if (!structure.ok) return { ok: false, file, problems: withSource(structure.problems, text) };
  const at = locate.value(['id']);
  return { ok: true, file, text, scenario: loaded.scenario, data: structure.data, hash: stateHash(structure.data), idAt: place(sourceLines(text), at.line, at.col) };
}

/** The same check, as plain data to send from a worker. */
export function checkScenarioData(file: string, input: string | Uint8Array): DataCheck {
  const result = checkScenarioFile(file, input);
  if (!result.ok) return result;
  const { scenario: _compiled, ...data } = result;
  return data;
}

/** Adds to each problem the line it points at. */
export function withSource(problems: readonly Problem[], text: string): ShownProblem[] {
  const lines = sourceLines(text);
  return problems.map((p) => ({ ...p, ...place(lines, p.line, p.col) }));
}

/** The file's lines as the parser counts them (a byte-order mark is not part of the first line). */
function sourceLines(text: string): string[] {
  return text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
}

function place(lines: readonly string[], line: number, col: number): ShownProblemPlace {
  const source = lines[line - 1];
  if (source === undefined || source.trim() === '') return { line, col };
  const excerpt: ExcerptLine[] = [];
  for (let n = Math.max(1, line - AROUND); n <= Math.min(lines.length, line + AROUND); n++) {
    excerpt.push({ line: n, text: cutAround(lines[n - 1]!, n === line ? col : 1).text, marked: n === line });
  }
  const { text, start } = cutAround(source, col);
  return { line, col, source: text, sourceCol: col - start + (start > 0 ? 1 : 0), excerpt };
}

/** A line whole, or a window of it around `col` with … where it was cut; `start`: where the window begins. */
function cutAround(source: string, col: number): { text: string; start: number } {
  if (source.length <= MAX_SHOWN) return { text: source, start: 0 };
  const start = Math.max(0, Math.min(col - 1 - MAX_SHOWN / 2, source.length - MAX_SHOWN));
  return { text: `${start > 0 ? '…' : ''}${source.slice(start, start + MAX_SHOWN)}${start + MAX_SHOWN < source.length ? '…' : ''}`, start };
}
