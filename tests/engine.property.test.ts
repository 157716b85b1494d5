/**
 * Properties of the whole pipeline over random valid scenarios and random legal orders:
 * generated files check clean, games never throw, meters stay in bounds, and replaying
 * the seed and the orders reproduces the same final state hash.
 */
import fc from 'fast-check';
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { newGame, orderProblems, randomOrders, resolveTurn, stateHash, type GameState, type Orders } from '../src/engine';
import type { Scenario } from '../src/engine/model';
import { loadScenario } from '../src/scenario/load';
import { formatProblem } from '../src/scenario/problems';
import { scenarioData } from './arbitraries';

function compile(data: Record<string, unknown>): Scenario {
  const result = loadScenario('generated.yaml', stringify(data));
  if (!result.ok) throw new Error(`a generated valid scenario did not check clean:\n${result.problems.map(formatProblem).join('\n')}\n${stringify(data)}`);
  return result.scenario;
}

function assertInBounds(scenario: Scenario, state: GameState): void {
  for (const m of scenario.meters) {
    const v = state.meters[m.id]!;
    expect(Number.isFinite(v), `${m.id} is finite`).toBe(true);
    expect(v).toBeGreaterThanOrEqual(m.min);
    expect(v).toBeLessThanOrEqual(m.max);
  }
  for (const c of scenario.counters) expect(Number.isFinite(state.counters[c.id]!)).toBe(true);
  for (const [side, polls] of Object.entries(state.polls)) {
    for (const [id, poll] of Object.entries(polls)) {
      const m = scenario.meters.find((x) => x.id === id)!;
      expect(m.visibility[side as 'tokyo' | 'seoul']).toBe('poll');
      expect(poll.estimate).toBeGreaterThanOrEqual(m.min);
      expect(poll.estimate).toBeLessThanOrEqual(m.max);
    }
  }
}

function play(scenario: Scenario, seed: string, playerSeed: number): { final: GameState; orders: Orders[] } {
  const random = seedrandom.alea(String(playerSeed));
  let state = newGame(scenario, seed);
  assertInBounds(scenario, state);
  const orders: Orders[] = [];
  while (!state.ending) {
    const turn: Orders = { tokyo: randomOrders(scenario, state, 'tokyo', random), seoul: randomOrders(scenario, state, 'seoul', random) };
    expect(orderProblems(scenario, state, turn)).toEqual([]);
    orders.push(turn);
    state = resolveTurn(scenario, state, turn).state;
    assertInBounds(scenario, state);
    expect(orders.length).toBeLessThanOrEqual(scenario.turns);
  }
  return { final: state, orders };
}

describe('the engine over random valid scenarios and random legal orders', () => {
  it('never throws, keeps every meter within its bounds, and replays to the same state hash', () => {
    fc.assert(
      fc.property(scenarioData, fc.string({ maxLength: 8 }), fc.integer(), (data, seed, playerSeed) => {
        const scenario = compile(data);
        const { final, orders } = play(scenario, seed, playerSeed);
        // Replay the recorded orders against a freshly compiled copy of the same file.
        const again = compile(data);
        let state = newGame(again, seed);
        for (const turn of orders) state = resolveTurn(again, JSON.parse(JSON.stringify(state)) as GameState, turn).state;
        expect(stateHash(state)).toBe(stateHash(final));
        expect(state.ending).toEqual(final.ending);
      }),
      { numRuns: 200 },
    );
  });
});
