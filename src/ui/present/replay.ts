/**
 * The states of a game turn by turn, rebuilt from its seed and orders with the engine itself (which
 * is deterministic): what each side's polls showed on earlier turns is not kept in the session.
 */
import { newGame, resolveTurn, type GameState, type Orders } from '../../engine';
import type { Scenario } from '../../engine/model';

/** states[0] is turn 1 as it opened; states[i] is the state after turn i was resolved. */
export function replayStates(scenario: Scenario, seed: string, orders: readonly Orders[]): GameState[] {
  const states: GameState[] = [newGame(scenario, seed)];
  for (const o of orders) states.push(resolveTurn(scenario, states[states.length - 1]!, o).state);
  return states;
}
