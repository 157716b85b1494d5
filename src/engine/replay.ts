/**
 * A game replayed from its seed, its turns' orders and the instructor's interventions: how a save is
 * read, how a turn is undone, and how the class server restores a game. One loop for all three.
 */
import { intervene, InterventionError, type Intervention } from './intervene';
import type { Scenario } from './model';
import type { Orders } from './orders';
import type { TurnReport } from './report';
import type { GameState } from './state';
import { newGame, resolveTurn } from './turn';

/** An intervention and the turn it was made at (before that turn's orders). */
export interface TimedIntervention {
  readonly turn: number;
  readonly action: Intervention;
}

/**
 * The game's end state, its reports, and its states turn by turn: states[0] is turn 1 as it opened;
 * states[i] is the state right after reports[i - 1] (a resolved turn, as the next turn opened,
 * before that turn's interventions; or the game the instructor ended), one more than the reports.
 * `check` sees the state after each resolved turn (the server compares it with the hash it stored).
 * Throws IllegalOrderError or InterventionError when the orders or interventions do not fit.
 */
export function replayGame(
  scenario: Scenario,
  seed: string,
  orders: readonly Orders[],
  acts: readonly TimedIntervention[],
  check?: (turnIndex: number, state: GameState) => void,
): { state: GameState; reports: TurnReport[]; states: GameState[] } {
  let state = newGame(scenario, seed);
  const reports: TurnReport[] = [];
  const states: GameState[] = [state];
  let next = 0;
  for (let turn = 0; ; turn++) {
    while (next < acts.length && acts[next]!.turn === state.turn && !state.ending) {
      const done = intervene(scenario, state, acts[next++]!.action);
      state = done.state;
      if (done.report) {
        reports.push(done.report);
        states.push(state);
      }
    }
    if (turn >= orders.length) break;
    const resolved = resolveTurn(scenario, state, orders[turn]!);
    state = resolved.state;
    check?.(turn, state);
    reports.push(resolved.report);
    states.push(state);
  }
  if (next < acts.length) throw new InterventionError(`the instructor's log has an entry for turn ${acts[next]!.turn}, which the game never reached in that order`);
  return { state, reports, states };
}
