/**
 * The random player builds only legal orders, and the check of a turn's orders, which takes
 * the player's own orders on trust when they come back unchanged with the state they were
 * built for, still finds every problem in orders changed since or shown another state.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../scenario/load';
import { newGame, orderProblems, randomOrders, resolveTurn, type GameState, type Orders, type SideOrders } from './index';
import type { Scenario } from './model';

const SCENARIOS = fileURLToPath(new URL('../../scenarios/', import.meta.url));

function shipped(): Scenario[] {
  return readdirSync(SCENARIOS)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => {
      const result = loadScenario(f, readFileSync(SCENARIOS + f, 'utf8'));
      if (!result.ok) throw new Error(`${f} does not load: ${result.problems.map((p) => p.message).join('; ')}`);
      return result.scenario;
    });
}

/** Orders with the same choices in new objects: nothing the player made, so checked in full. */
function copied(o: SideOrders): SideOrders {
  return { decisions: o.decisions.slice(), ...(o.responses && { responses: { ...o.responses } }) };
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
        expect(orderProblems(scenario, state, { tokyo: copied(orders.tokyo), seoul: copied(orders.seoul) }), `${scenario.id} turn ${state.turn}`).toEqual([]);
      }
    }
  });

  it('has its orders checked in full once they are changed after it made them', () => {
    const scenario = shipped().find((s) => s.id === 'template')!;
    const state = newGame(scenario, 'changed');
    const random = seedrandom.alea('changed/players');
    const seoulOnly = scenario.decisions.find((d) => d.side === 'seoul')!;

    const unknown = randomOrders(scenario, state, 'tokyo', random);
    (unknown.decisions as string[]).push('no_such_decision');
    expect(orderProblems(scenario, state, { tokyo: unknown, seoul: { decisions: [] } })).toEqual([expect.stringMatching(/^tokyo chose 'no_such_decision', which is not a decision/)]);

    const otherSide = randomOrders(scenario, state, 'tokyo', random);
    (otherSide.decisions as string[]).push(seoulOnly.id);
    expect(orderProblems(scenario, state, { tokyo: otherSide, seoul: { decisions: [] } })).toContain(`tokyo cannot take '${seoulOnly.id}' now: it belongs to the other side`);

    const answered = randomOrders(scenario, state, 'tokyo', random);
    (answered.responses as Record<string, string>)['no_such_event'] = 'yes';
    expect(orderProblems(scenario, state, { tokyo: answered, seoul: { decisions: [] } })).toEqual([
      "tokyo answered 'no_such_event', but no event of this turn asks tokyo for a response to it",
    ]);
  });

  it('has its orders checked in full when they come back with another state than the one they were made for', () => {
    const scenario = shipped().find((s) => s.id === 'template')!;
    const random = seedrandom.alea('moved/players');
    // Find orders that take a once-only decision, then show them to the state after that turn.
    const once = new Set(scenario.decisions.filter((d) => d.once).map((d) => d.id));
    for (let g = 0; g < 200; g++) {
      const state = newGame(scenario, `moved/${g}`);
      const tokyo = randomOrders(scenario, state, 'tokyo', random);
      const taken = tokyo.decisions.find((id) => once.has(id));
      if (!taken) continue;
      const next = resolveTurn(scenario, state, { tokyo, seoul: { decisions: [] } }).state;
      if (next.ending) continue;
      const problems = orderProblems(scenario, next, { tokyo, seoul: { decisions: [] } });
      expect(problems).toContain(`tokyo cannot take '${taken}' now: it can be taken only once and was taken already`);
      return;
    }
    throw new Error('no random game of the template took a once-only decision on turn 1');
  });
});
