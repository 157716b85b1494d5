/** `scenario check FILE...`: 0 when every file is valid (warnings are said but do not count), 1 when any is not. */
import { loadScenarioBytes } from '../scenario/load';
import { formatProblem, isWarning } from '../scenario/problems';
import { EXIT, readFileOrReport, UsageError, type CliIO } from './io';

export function checkCommand(args: readonly string[], io: CliIO): number {
  const files = args.filter((a) => !a.startsWith('--'));
  const unknown = args.find((a) => a.startsWith('--'));
  if (unknown) throw new UsageError(`unknown option ${unknown}`);
  if (files.length === 0) throw new UsageError('check needs at least one scenario file');
  let invalid = 0;
  for (const file of files) {
    const bytes = readFileOrReport(io, file);
    if (bytes === undefined) {
      invalid++;
      continue;
    }
    const result = loadScenarioBytes(file, bytes);
    if (result.ok) {
      for (const p of result.warnings) io.err(formatProblem(p));
      io.out(
        `${file}: ok${result.warnings.length ? ` with ${result.warnings.length} warning${result.warnings.length === 1 ? '' : 's'}` : ''} (${result.scenario.turns} turns, ${result.scenario.meters.length} meters, ${result.scenario.decisions.length} decisions, ${result.scenario.events.length} events, ${result.scenario.rules.length} rules, ${result.scenario.endings.length} endings)`,
      );
    } else {
      invalid++;
      for (const p of result.problems) io.err(formatProblem(p));
      const errors = result.problems.filter((p) => !isWarning(p)).length;
      const warnings = result.problems.length - errors;
      io.err(`${file}: ${errors} problem${errors === 1 ? '' : 's'}${warnings ? `, ${warnings} warning${warnings === 1 ? '' : 's'}` : ''}`);
    }
  }
  return invalid > 0 ? EXIT.invalid : EXIT.ok;
}
