/**
 * Replays a game from its seed, its turns' orders and the instructor's log: how a save is read
 * and how a turn is undone. Throws the engine's IllegalOrderError or InterventionError when the
 * log does not fit the scenario.
 */
import { intervene, InterventionError, newGame, resolveTurn, type GameState, type Orders, type TurnReport } from '../engine';
import type { Scenario } from '../engine/model';
import { changesTheGame, type InstructorEntry } from './session';

/**
 * The game's end state, its reports, and its states turn by turn: states[0] is turn 1 as it opened;
 * states[i] is the state right after reports[i - 1] (a resolved turn, as the next turn opened,
 * before that turn's interventions; or the game the instructor ended), one more than the reports.
 */
export function replayGame(scenario: Scenario, seed: string, orders: readonly Orders[], log: readonly InstructorEntry[]): { state: GameState; reports: TurnReport[]; states: GameState[] } {
  const acts = log.filter((e) => changesTheGame(e) && !e.undone);
  let state = newGame(scenario, seed);
  const reports: TurnReport[] = [];
  const states: GameState[] = [state];
  let next = 0;
  for (let turn = 0; ; turn++) {
    while (next < acts.length && acts[next]!.turn === state.turn && !state.ending) {
      const act = acts[next++]!;
      const done = intervene(
        scenario,
        state,
        act.kind === 'adjust' ? { kind: 'adjust', meter: act.meter, value: act.value, reason: act.reason } : act.kind === 'fire' ? { kind: 'fire', event: act.event } : { kind: 'end' },
      );
      state = done.state;
      if (done.report) {
        reports.push(done.report);
        states.push(state);
      }
    }
    if (turn >= orders.length) break;
    const resolved = resolveTurn(scenario, state, orders[turn]!);
    state = resolved.state;
    reports.push(resolved.report);
    states.push(state);
  }
  if (next < acts.length) throw new InterventionError(`the instructor's log has an entry for turn ${acts[next]!.turn}, which the game never reached in that order`);
  return { state, reports, states };
}
