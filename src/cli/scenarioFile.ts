/** Loads a scenario for a command, printing located problems when it is not valid. */
import type { Scenario } from '../engine/model';
import { loadScenarioBytes } from '../scenario/load';
import { formatProblem } from '../scenario/problems';
import { readFileOrReport, type CliIO } from './io';

export function loadForCommand(io: CliIO, file: string): Scenario | undefined {
  const bytes = readFileOrReport(io, file);
  if (bytes === undefined) return undefined;
  const result = loadScenarioBytes(file, bytes);
  if (result.ok) return result.scenario;
  for (const p of result.problems) io.err(formatProblem(p));
  return undefined;
}
