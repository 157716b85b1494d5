/** A problem found in a scenario file, located for editors (1-based line and column). */
export interface Problem {
  readonly file: string;
  readonly line: number;
  readonly col: number;
  readonly message: string;
  /** Which pass found it: root causes (file, YAML) come before structure, structure before meaning. */
  readonly stage: 'file' | 'yaml' | 'structure' | 'meaning';
  /** An error stops the file from loading; a warning is said and the file still loads. Absent: an error. */
  readonly severity?: 'error' | 'warning';
}

const STAGE_ORDER: Record<Problem['stage'], number> = { file: 0, yaml: 1, structure: 2, meaning: 3 };

/** Root causes first, then in reading order. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort((a, b) => STAGE_ORDER[a.stage] - STAGE_ORDER[b.stage] || a.line - b.line || a.col - b.col);
}

export function isWarning(p: Problem): boolean {
  return p.severity === 'warning';
}

/** The compiler convention editors jump to: FILE:LINE:COL: error: MESSAGE (one line), or `warning:`. */
export function formatProblem(p: Problem): string {
  return `${p.file}:${p.line}:${p.col}: ${p.severity ?? 'error'}: ${p.message.replace(/\s*\n\s*/g, ' ')}`;
}

/** Longest written value a message quotes whole; longer ones are cut with an ellipsis. */
const MAX_QUOTED = 40;

/** A value from the file as a message quotes it: 'text' (cut when long), numbers and true/false as written. */
export function quoted(value: unknown): string {
  if (typeof value === 'string') return `'${value.length > MAX_QUOTED ? `${value.slice(0, MAX_QUOTED)}…` : value}'`;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : value > 0 ? '.inf' : value < 0 ? '-.inf' : '.nan';
  return String(value);
}
