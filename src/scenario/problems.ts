/** A problem found in a scenario file, located for editors (1-based line and column). */
export interface Problem {
  readonly file: string;
  readonly line: number;
  readonly col: number;
  readonly message: string;
  /** Which pass found it: root causes (file, YAML) come before structure, structure before meaning. */
  readonly stage: 'file' | 'yaml' | 'structure' | 'meaning';
}

const STAGE_ORDER: Record<Problem['stage'], number> = { file: 0, yaml: 1, structure: 2, meaning: 3 };

/** Root causes first, then in reading order. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort((a, b) => STAGE_ORDER[a.stage] - STAGE_ORDER[b.stage] || a.line - b.line || a.col - b.col);
}

/** The compiler convention editors jump to: FILE:LINE:COL: error: MESSAGE (one line). */
export function formatProblem(p: Problem): string {
  return `${p.file}:${p.line}:${p.col}: error: ${p.message.replace(/\s*\n\s*/g, ' ')}`;
}
