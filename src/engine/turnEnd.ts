/**
 * The world as a turn left it. The state resolveTurn returns has already opened the next turn (its
 * events fired), so a turn's end is rebuilt from the turn report: the last value every change left,
 * on top of the state the turn was played from. The replay table, the calibrator and the history
 * tests all read turn ends this way.
 */
import type { GameState } from './state';
import type { TurnReport } from './report';

export interface TurnEnd {
  readonly meters: Readonly<Record<string, number>>;
  readonly counters: Readonly<Record<string, number>>;
  readonly flags: Readonly<Record<string, boolean>>;
}

export function turnEnd(before: GameState, report: TurnReport): TurnEnd {
  const meters: Record<string, number> = { ...before.meters };
  const counters: Record<string, number> = { ...before.counters };
  const flags: Record<string, boolean> = { ...before.flags };
  for (const c of report.changes) {
    if (c.target === 'flag') flags[c.id] = c.after as boolean;
    else if (c.target === 'counter') counters[c.id] = c.after as number;
    else meters[c.id] = c.after as number;
  }
  return { meters, counters, flags };
}
