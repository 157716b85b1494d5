/**
 * The one way into a scenario: text (or bytes) in, a compiled Scenario or located
 * problems out. Never throws for a bad file.
 */
import type { Scenario } from '../engine/model';
import { compileScenario } from './compile';
import { internIds } from './intern';
import { Locator } from './locate';
import { decodeScenarioBytes, parseScenarioText } from './parse';
import { sortProblems, type Problem } from './problems';
import type { ScenarioFile } from './schema';
import { checkStructure } from './structure';

/** `warnings`: said, but the file loads (e.g. goals that name a threshold the ending does not check). */
export type LoadResult = { ok: true; scenario: Scenario; warnings: Problem[] } | { ok: false; problems: Problem[] };

export function loadScenario(file: string, text: string): LoadResult {
  try {
    const parsed = parseScenarioText(file, text);
    if (!parsed.ok) return { ok: false, problems: sortProblems(parsed.problems) };
    const locate = new Locator(parsed.parsed.doc, parsed.parsed.lines);
    const structure = checkStructure(file, parsed.parsed.value, locate);
    if (!structure.ok) return { ok: false, problems: sortProblems(structure.problems) };
    const compiled = compileScenario(file, internIds(structure.data), locate);
    return compiled.ok ? { ok: true, scenario: compiled.scenario, warnings: sortProblems(compiled.warnings) } : { ok: false, problems: sortProblems(compiled.problems) };
  } catch (e) {
    // A bug of ours must still reach the author as a message, not a crash.
    const reason = e instanceof RangeError ? 'the file is nested too deeply to read' : `internal error while reading the file (${(e as Error).message}); please report it`;
    return { ok: false, problems: [{ file, line: 1, col: 1, stage: 'file', message: reason }] };
  }
}

/** The validated file data (defaults filled in) of a file that checks clean: what the build ships. */
export function validatedScenarioData(file: string, text: string): { ok: true; data: ScenarioFile } | { ok: false; problems: Problem[] } {
  const loaded = loadScenario(file, text);
  if (!loaded.ok) return loaded;
  const parsed = parseScenarioText(file, text);
  if (!parsed.ok) return { ok: false, problems: parsed.problems };
  const locate = new Locator(parsed.parsed.doc, parsed.parsed.lines);
  const structure = checkStructure(file, parsed.parsed.value, locate);
  return structure.ok ? { ok: true, data: structure.data } : { ok: false, problems: structure.problems };
}

export function loadScenarioBytes(file: string, bytes: Uint8Array): LoadResult {
  const decoded = decodeScenarioBytes(file, bytes);
  return decoded.ok ? loadScenario(file, decoded.text) : decoded;
}
