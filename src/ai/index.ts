/**
 * The computer opponent. It plays a side with the engine itself: for this turn's
 * candidate orders it simulates the next turns in sampled futures and keeps the orders
 * whose futures are worth most to its side (the ending's outcome, then its score, then
 * the scenario's `ai` personality). It reasons only about what its side may know (see
 * belief.ts). Pure and deterministic: the same state, side and difficulty give the same
 * orders, and the game's own generator is never drawn from.
 */
import seedrandom from 'seedrandom';
import type { SideOrders } from '../engine';
import type { Scenario, Side } from '../engine/model';
import type { GameState } from '../engine/state';
import { believedState } from './belief';
import { LEVELS, type Difficulty } from './levels';
import { futures } from './lookahead';
import { bestOrders } from './search';
import { judge } from './value';

export { DIFFICULTIES, LEVELS, type Difficulty, type Level } from './levels';
export { believedState } from './belief';

export function computerOrders(scenario: Scenario, state: GameState, side: Side, difficulty: Difficulty): SideOrders {
  if (state.ending) return { decisions: [] };
  const level = LEVELS[difficulty];
  const base = `${state.seed}/ai/${state.turn}/${side}/${difficulty}`;
  const believed = believedState(scenario, state, side);
  return bestOrders({
    scenario,
    state,
    believed,
    side,
    level,
    judge: judge(scenario, side, believed),
    futures: futures(scenario, believed, side, base, level.samples),
    random: seedrandom.alea(`${base}/own`),
  });
}
