/**
 * Replays a game from its seed, its turns' orders and the instructor's log: how a save is read
 * and how a turn is undone. Throws the engine's IllegalOrderError or InterventionError when the
 * log does not fit the scenario.
 */
import { replayGame as replayEngine, type GameState, type Intervention, type Orders, type TurnReport } from '../engine';
import type { Scenario } from '../engine/model';
import { changesTheGame, type InstructorEntry } from './session';

/** The game replayed from its seed, orders and the log's entries that change it (src/engine/replay.ts). */
export function replayGame(scenario: Scenario, seed: string, orders: readonly Orders[], log: readonly InstructorEntry[]): { state: GameState; reports: TurnReport[]; states: GameState[] } {
  const acts = log
    .filter((e) => changesTheGame(e) && !e.undone)
    .map((act) => ({
      turn: act.turn,
      action: (act.kind === 'adjust'
        ? { kind: 'adjust', meter: act.meter, value: act.value, reason: act.reason }
        : act.kind === 'fire'
          ? { kind: 'fire', event: act.event }
          : { kind: 'end' }) satisfies Intervention,
    }));
  return replayEngine(scenario, seed, orders, acts);
}
