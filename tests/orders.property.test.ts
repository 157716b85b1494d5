/**
 * Orders are open-ended input (a class's orders file, a crafted save, a confused player):
 * whatever a side asks for, the engine either plays the turn or refuses it with an
 * IllegalOrderError that names the turn and every problem — never anything else.
 */
import fc from 'fast-check';
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { IllegalOrderError, newGame, orderProblems, randomOrders, resolveTurn, type Orders, type SideOrders } from '../src/engine';
import type { Scenario, Side } from '../src/engine/model';
import { loadScenario } from '../src/scenario/load';
import { scenarioData } from './arbitraries';

function compile(data: Record<string, unknown>): Scenario {
  const result = loadScenario('generated.yaml', stringify(data));
  if (!result.ok) throw new Error('a generated valid scenario did not check clean');
  return result.scenario;
}

/** Anything a side might send: real ids, misspelt ones, repeats, and responses to any event. */
function wildOrders(scenario: Scenario): fc.Arbitrary<SideOrders> {
  const decisionIds = scenario.decisions.map((d) => d.id);
  const eventIds = scenario.events.map((e) => e.id);
  const id = fc.oneof(
    fc.constantFrom(...decisionIds),
    fc.string({ maxLength: 6 }),
    fc.constantFrom(...decisionIds).map((d) => `${d}x`),
  );
  const event = eventIds.length ? fc.oneof(fc.constantFrom(...eventIds), fc.string({ maxLength: 4 })) : fc.string({ maxLength: 4 });
  const choice = fc.oneof(fc.constantFrom('r0', 'r1', 'r2'), fc.string({ maxLength: 3 }));
  return fc.record({
    decisions: fc.array(id, { maxLength: 4 }),
    responses: fc.dictionary(event, choice, { maxKeys: 2 }),
  });
}

describe('orders from anywhere', () => {
  it('are played when orderProblems finds nothing, and refused with an IllegalOrderError naming the turn and each problem otherwise', () => {
    fc.assert(
      fc.property(
        scenarioData.chain((data) => {
          const scenario = compile(data);
          // null: that side plays random legal orders this turn, so legal turns and mixed ones are common too.
          const side = fc.option(wildOrders(scenario), { nil: null, freq: 2 });
          return fc.tuple(fc.constant(scenario), fc.array(fc.record({ tokyo: side, seoul: side }), { minLength: 1, maxLength: 10 }), fc.integer());
        }),
        ([scenario, attempts, playerSeed]) => {
          const random = seedrandom.alea(String(playerSeed));
          let state = newGame(scenario, 'orders');
          for (const attempt of attempts) {
            if (state.ending) break;
            const orders: Orders = {
              tokyo: attempt.tokyo ?? randomOrders(scenario, state, 'tokyo', random),
              seoul: attempt.seoul ?? randomOrders(scenario, state, 'seoul', random),
            };
            const problems = orderProblems(scenario, state, orders);
            let thrown: unknown;
            try {
              state = resolveTurn(scenario, state, orders).state;
            } catch (e) {
              thrown = e;
            }
            if (problems.length === 0) {
              expect(thrown).toBeUndefined();
              continue;
            }
            expect(thrown).toBeInstanceOf(IllegalOrderError);
            const message = (thrown as Error).message;
            expect(message.startsWith(`turn ${state.turn}: `)).toBe(true);
            for (const p of problems) expect(message).toContain(p);
            for (const p of problems) expect(p).toMatch(/^(tokyo|seoul)\b/);
            // The refused turn is then played with legal orders, so later attempts meet later turns.
            const legal = (s: Side) => randomOrders(scenario, state, s, random);
            state = resolveTurn(scenario, state, { tokyo: legal('tokyo'), seoul: legal('seoul') }).state;
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
