/** The random player builds only legal orders: the simulator relies on it (it resolves them unchecked). */
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { loadShippedScenarios } from '../server/scenarios';
import { newGame, orderProblems, randomOrders, resolveTurn, type GameState, type Orders } from './index';
import type { Scenario } from './model';

function shipped(): Scenario[] {
  return [...loadShippedScenarios().values()];
}

/** Every state of a few random games, with the orders the random player gave in each. */
function randomTurns(scenario: Scenario, games: number): { state: GameState; orders: Orders }[] {
  const turns: { state: GameState; orders: Orders }[] = [];
  for (let g = 0; g < games; g++) {
    let state = newGame(scenario, `legal/${g}`);
    const random = seedrandom.alea(`legal/${g}/players`);
    while (!state.ending) {
      const orders = { tokyo: randomOrders(scenario, state, 'tokyo', random), seoul: randomOrders(scenario, state, 'seoul', random) };
      turns.push({ state, orders });
      state = resolveTurn(scenario, state, orders).state;
    }
  }
  return turns;
}

describe('the random player', () => {
  it('gives orders that pass the full check, on every turn of random games of every shipped scenario', () => {
    for (const scenario of shipped()) {
      for (const { state, orders } of randomTurns(scenario, 40)) {
        expect(orderProblems(scenario, state, orders), `${scenario.id} turn ${state.turn}`).toEqual([]);
      }
    }
  });
});
