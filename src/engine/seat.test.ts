/** A seat's copy of the game carries nothing the seat may not know, and everything its screens draw. */
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { loadShippedScenarios } from '../server/scenarios';
import { newGame, randomOrders, resolveTurn, type GameState, type TurnReport } from './index';
import type { Scenario, Side } from './model';
import { seatReport, seatState, type Seat } from './seat';

const SEATS: readonly Seat[] = ['tokyo', 'seoul', 'observer'];

function visibility(scenario: Scenario, meter: string, seat: Seat): 'exact' | 'poll' | 'hidden' {
  const v = scenario.meters.find((m) => m.id === meter)!.visibility;
  if (seat !== 'observer') return v[seat];
  return v.tokyo === 'exact' && v.seoul === 'exact' ? 'exact' : 'hidden';
}

/** Every state and report of one random game. */
function playRandomly(scenario: Scenario, seed: string): { state: GameState; report: TurnReport | null }[] {
  const random = seedrandom.alea(`${seed}/players`);
  let state = newGame(scenario, seed);
  const seen: { state: GameState; report: TurnReport | null }[] = [{ state, report: null }];
  while (!state.ending) {
    const orders = { tokyo: randomOrders(scenario, state, 'tokyo', random), seoul: randomOrders(scenario, state, 'seoul', random) };
    const next = resolveTurn(scenario, state, orders);
    state = next.state;
    seen.push({ state, report: next.report });
  }
  return seen;
}

/** The same state with every value a seat may not know changed: a seat's copy must not move. */
function perturbHidden(scenario: Scenario, state: GameState, seat: Seat): GameState {
  const meters = { ...state.meters };
  for (const m of scenario.meters) if (visibility(scenario, m.id, seat) !== 'exact') meters[m.id] = m.min + (m.max - m.min) * 0.37;
  const otherPolls = (side: Side) => (seat === side ? state.polls[side] : Object.fromEntries(Object.keys(state.polls[side]).map((k) => [k, { estimate: -1, margin: 99 }])));
  return {
    ...state,
    seed: 'another seed',
    rng: { c: 1, s0: 0.5, s1: 0.25, s2: 0.125 },
    meters,
    polls: { tokyo: otherPolls('tokyo'), seoul: otherPolls('seoul') },
    capital: { tokyo: seat === 'tokyo' ? state.capital.tokyo : 999, seoul: seat === 'seoul' ? state.capital.seoul : 999 },
    fireNext: ['anything'],
    scheduled: [],
  };
}

describe("a seat's copy of the game", () => {
  const scenarios = [...loadShippedScenarios().values()];

  it('uses shipped scenarios that hide and poll meters (else the checks below would check nothing)', () => {
    const kinds = new Set(scenarios.flatMap((s) => s.meters.flatMap((m) => [m.visibility.tokyo, m.visibility.seoul])));
    expect(kinds).toEqual(new Set(['exact', 'poll', 'hidden']));
  });

  for (const scenario of scenarios) {
    it(`${scenario.id}: keeps no seed, generator, other side's polls or capital, nor a true value it may not see`, () => {
      for (const { state } of playRandomly(scenario, `seat/${scenario.id}`)) {
        for (const seat of SEATS) {
          const copy = seatState(scenario, state, seat);
          // What changes with the hidden values never reaches the copy.
          expect(seatState(scenario, perturbHidden(scenario, state, seat), seat)).toEqual(copy);
          expect(copy.seed).toBe('');
          for (const m of scenario.meters) {
            if (visibility(scenario, m.id, seat) === 'exact') expect(copy.meters[m.id]).toBe(state.meters[m.id]);
          }
          if (seat !== 'observer') {
            expect(copy.polls[seat]).toEqual(state.polls[seat]);
            expect(copy.capital[seat]).toBe(state.capital[seat]);
          }
          // Everything public is kept: the screens draw the copy as they draw the state.
          expect(copy.turn).toBe(state.turn);
          expect(copy.history).toEqual(state.history);
          expect(copy.proposals).toEqual(state.proposals);
          expect(copy.responses).toEqual(state.responses);
          expect(copy.ending).toEqual(state.ending);
        }
      }
    });

    it(`${scenario.id}: a report keeps a polled meter's direction and cause, and drops what the seat cannot see`, () => {
      for (const { report } of playRandomly(scenario, `seat-report/${scenario.id}`)) {
        if (!report) continue;
        for (const seat of SEATS) {
          const copy = seatReport(scenario, report, seat);
          const kept = report.changes.filter((c) => c.target !== 'meter' || visibility(scenario, c.id, seat) !== 'hidden');
          expect(copy.changes).toHaveLength(kept.length);
          copy.changes.forEach((c, i) => {
            const original = kept[i]!;
            expect(c.cause).toEqual(original.cause);
            if (c.target === 'meter' && visibility(scenario, c.id, seat) === 'poll') {
              expect(c.before).toBe(0);
              expect(c.after).toBe(Math.sign((original.after as number) - (original.before as number)));
            } else {
              expect(c).toEqual(original);
            }
          });
          expect(copy.decisions).toEqual(report.decisions);
        }
      }
    });
  }
});
