/**
 * The capital rule, once: what a side's orders cost (ordersCost) is what orderProblems checks
 * against its capital, and what a draft has left (capitalLeft) says whether that check passes.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../scenario/load';
import { capitalLeft, newGame, orderProblems, ordersCost, resolveTurn, type Orders, type SideOrders } from './index';
import type { Scenario, Side } from './model';

function compile(file: string, text: string): Scenario {
  const result = loadScenario(file, text);
  if (!result.ok) throw new Error(`${file} does not check clean`);
  return result.scenario;
}

const small = compile(
  'capital.yaml',
  `format: 1
id: capital
title: Capital
turns: 2
sides:
  tokyo: {name: Tokyo, goals: G, capital: 3, score: 0}
  seoul: {name: Seoul, goals: G, capital: 2, score: 0}
meters:
  - {id: m, label: M, start: 50}
decisions:
  - {id: act, side: seoul, category: other, title: Act, cost: 1, effects: []}
  - {id: big, side: tokyo, category: other, title: Big, cost: 2, effects: []}
events:
  - id: demand
    title: Demand
    trigger: {turn: 1}
    response:
      side: seoul
      prompt: What now?
      choices:
        - {id: ignore, title: Ignore, effects: []}
        - {id: concede, title: Concede, cost: 2, effects: []}
      default: ignore
endings:
  - {id: end, kind: final, title: End, text: End}
`,
);

const capitalProblem = (side: Side) => new RegExp(`^${side}'s orders cost \\d+ but ${side} has \\d+ capital this turn$`);

describe('what orders cost', () => {
  it('adds the decisions and the answers chosen; an id the scenario lacks costs nothing', () => {
    expect(ordersCost(small, { decisions: [] })).toBe(0);
    expect(ordersCost(small, { decisions: ['act'], responses: { demand: 'concede' } })).toBe(3);
    expect(ordersCost(small, { decisions: ['act'], responses: { demand: 'ignore' } })).toBe(1);
    expect(ordersCost(small, { decisions: ['acte', 'act'], responses: { demand: 'concde', nothing: 'x' } })).toBe(1);
  });

  it('leaves the capital a draft has not committed, below zero when it is too much', () => {
    const start = newGame(small, 's');
    expect(capitalLeft(small, start, 'seoul', { decisions: ['act'] })).toBe(1);
    expect(capitalLeft(small, start, 'seoul', { decisions: ['act'], responses: { demand: 'concede' } })).toBe(-1);
    expect(capitalLeft(small, start, 'tokyo', { decisions: ['big'] })).toBe(1);
  });

  it('is the sum orderProblems checks: a draft that leaves nothing below zero passes, one that does is refused', () => {
    const start = newGame(small, 's');
    const fits: Orders = { tokyo: { decisions: ['big'] }, seoul: { decisions: [], responses: { demand: 'concede' } } };
    expect(orderProblems(small, start, fits)).toEqual([]);
    expect(() => resolveTurn(small, start, fits)).not.toThrow();
    const over: Orders = { tokyo: { decisions: [] }, seoul: { decisions: ['act'], responses: { demand: 'concede' } } };
    expect(orderProblems(small, start, over)).toEqual(["seoul's orders cost 3 but seoul has 2 capital this turn"]);
  });

  // The template asks for no answer on its first turn; the small scenario above does.
  it.each([
    ['the template', () => compile('template.yaml', readFileSync('scenarios/template.yaml', 'utf8'))],
    ['a scenario with an answer to pay for', () => small],
  ])('on %s, for any choice of decisions and answers: refused for capital exactly when capitalLeft is below zero', (_, load) => {
    const scenario = load();
    const start = newGame(scenario, 'capital');
    const pick = (s: Side): fc.Arbitrary<SideOrders> => {
      const own = scenario.decisions.filter((d) => d.side === s || d.side === 'both').map((d) => d.id);
      const asked = start.responses.filter((r) => r.side === s);
      const answer = (event: string) => fc.option(fc.constantFrom(...scenario.events.find((e) => e.id === event)!.response!.choices.map((c) => c.id)), { nil: undefined });
      return fc.record({
        decisions: fc.subarray(own),
        responses: fc.tuple(...asked.map((r) => answer(r.event))).map((answers) => Object.fromEntries(asked.flatMap((r, i) => (answers[i] === undefined ? [] : [[r.event, answers[i]]])))),
      });
    };
    fc.assert(
      fc.property(fc.constantFrom<Side>('tokyo', 'seoul'), pick('tokyo'), pick('seoul'), (who, tokyo, seoul) => {
        const orders: Orders = { tokyo, seoul };
        const left = capitalLeft(scenario, start, who, orders[who]);
        expect(left).toBe(start.capital[who] - ordersCost(scenario, orders[who]));
        expect(orderProblems(scenario, start, orders).some((p) => capitalProblem(who).test(p))).toBe(left < 0);
      }),
      { numRuns: 200 },
    );
  });
});
