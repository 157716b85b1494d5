/**
 * Shipped scenarios in the browser. Their YAML is parsed and validated at build time (tools/
 * vite-scenarios.ts), so the game carries the validated data and compiles it here: the YAML parser
 * and the zod schema (about 120 KB gzip together) stay out of the page. Positions are not needed:
 * a file that reached the build already checked clean.
 */
import type { Scenario } from '../engine/model';
import { compileScenario } from './compile';
import { internIds } from './intern';
import type { PositionFinder } from './locate';
import type { ScenarioFile } from './schema';

/** One shipped file as the build hands it over. */
export interface ShippedScenario {
  /** The file name in scenarios/, e.g. "linkage.yaml". */
  readonly file: string;
  readonly data: ScenarioFile;
}

/** Where the page fetches one shipped file's data (relative to the page). */
export interface ShippedScenarioFile {
  readonly file: string;
  readonly url: string;
}

/** Checks that fetched JSON has the shape the build wrote; anything else is a broken deployment. */
export function isShippedScenario(value: unknown): value is ShippedScenario {
  if (value === null || typeof value !== 'object') return false;
  const v = value as Record<string, unknown>;
  return typeof v.file === 'string' && v.data !== null && typeof v.data === 'object' && typeof (v.data as Record<string, unknown>).id === 'string';
}

const NOWHERE: PositionFinder = {
  value: () => ({ line: 1, col: 1, offset: 0 }),
  inside: () => ({ line: 1, col: 1, offset: 0 }),
};

/** Compiles a build-validated file; throws only if the build and this compiler disagree (a bug of ours). */
export function compileShipped(entry: ShippedScenario): Scenario {
  const result = compileScenario(entry.file, internIds(entry.data), NOWHERE);
  if (!result.ok) throw new Error(`${entry.file} passed the build check but not the compiler: ${result.problems.map((p) => p.message).join('; ')}`);
  return result.scenario;
}
