/**
 * The states of a game turn by turn, rebuilt from its seed, orders and the instructor's log with the
 * engine itself (which is deterministic): what each side's polls showed on earlier turns is not kept
 * in the session. The instructor's interventions are replayed in the turns they were made in, so the
 * chart and "since last turn" show what the room saw.
 */
import type { GameState, Orders } from '../../engine';
import type { Scenario } from '../../engine/model';
import { replayGame } from '../../store/replay';
import type { InstructorEntry } from '../../store/session';

/** states[0] is turn 1 as it opened; states[i] follows report i (see replayGame): one more than the reports. */
export function replayStates(scenario: Scenario, seed: string, orders: readonly Orders[], log: readonly InstructorEntry[] = []): GameState[] {
  return replayGame(scenario, seed, orders, log).states;
}
