/**
 * History replay of "Fifty Years On (2015–2016)": the sides' real decisions, turn by turn
 * (scenarios/history/fifty_years_on.orders.json), must move the meters the way the polls moved
 * (shared/data/opinion-calibration.md, plus the Kyodo and Gallup Korea figures cited in the
 * scenario's comments) and end where history ended: Park impeached in December 2016.
 *
 * Reading the numbers: `after[n]` is the state returned by resolveTurn for turn n. The engine opens
 * the next turn before returning, so `after[n]` already includes the events that fire at the start of
 * turn n + 1 (e.g. after[2] includes the MERS outbreak of turn 3). `after[0]` is the start.
 *
 * Tolerances: a poll's sampling error is about ±3 points, the polls' fieldwork months do not line up
 * with our two-month turns, and the replay includes chance events drawn from the seed. So sizes are
 * checked to within ±2.5 to ±3 points of the real change (stated per check), directions always.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseOrdersFile, toOrders } from '../../src/cli/orders';
import { newGame, resolveTurn, type GameState } from '../../src/engine';
import type { Scenario } from '../../src/engine/model';
import { loadScenario } from '../../src/scenario/load';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SCENARIO = 'scenarios/fifty_years_on.yaml';
const ORDERS = 'scenarios/history/fifty_years_on.orders.json';

let scenario: Scenario;
/** after[0] is the opening state; after[n] the state after turn n (see the note above). */
const after: GameState[] = [];
const jointByTurn: string[][] = [];

beforeAll(() => {
  const loaded = loadScenario(SCENARIO, readFileSync(ROOT + SCENARIO, 'utf8'));
  if (!loaded.ok) throw new Error(`${SCENARIO} does not load: ${loaded.problems.map((p) => p.message).join('; ')}`);
  scenario = loaded.scenario;
  const parsed = parseOrdersFile(readFileSync(ROOT + ORDERS, 'utf8'));
  if (!parsed.ok) throw new Error(`${ORDERS}: ${parsed.message}`);
  let state = newGame(scenario, '1');
  after.push(state);
  for (const turn of parsed.turns) {
    if (state.ending) break;
    const { state: next, report } = resolveTurn(scenario, state, toOrders(scenario, turn));
    jointByTurn.push(report.joint.slice());
    after.push(next);
    state = next;
  }
});

const meter = (turn: number, id: string): number => after[turn]!.meters[id]!;
const change = (from: number, to: number, id: string): number => meter(to, id) - meter(from, id);

describe('Fifty Years On: the history replay', () => {
  it('starts from the polls as they stood in February 2015', () => {
    // Between two Genron NPO/EAI fieldworks, June 2014 and May 2015, 8 of the 11 months on:
    // Japanese 20.5 → 23.8 gives 22.9, Koreans 17.5 → 15.7 gives 16.2.
    expect(meter(0, 'jp_view')).toBe(22.9);
    expect(meter(0, 'kr_view')).toBe(16.2);
  });

  it('plays the real joint decisions on their real turns: summit in turn 5, the agreement in turn 6, GSOMIA in turn 11', () => {
    expect(jointByTurn[4]).toEqual(expect.arrayContaining(['summit', 'trilateral_cjk']));
    expect(jointByTurn[5]).toContain('comfort_women_agreement');
    expect(jointByTurn[10]).toContain('gsomia');
  });

  it('Abe Cabinet: the security bills cost about 10 points, the 70th-anniversary statement won back about 5', () => {
    // Kyodo: 47.4% (June 2015) → 37.7% (July): −9.7. Tolerance ±3.
    expect(change(2, 3, 'tokyo_approval')).toBeLessThan(0);
    expect(Math.abs(change(2, 3, 'tokyo_approval') - -9.7)).toBeLessThanOrEqual(3);
    // Kyodo: 37.7% (July) → 43.2% (after the statement, August): +5.5. Tolerance ±3.
    expect(change(3, 4, 'tokyo_approval')).toBeGreaterThan(0);
    expect(Math.abs(change(3, 4, 'tokyo_approval') - 5.5)).toBeLessThanOrEqual(3);
  });

  it('Park: MERS pulls her down, the August inter-Korean accord lifts her sharply', () => {
    // Gallup Korea: 39–40% (May 2015) → 29% (mid-June) → 33% (late June): a fall of 7 to 11. after[2] includes MERS.
    const mers = change(1, 2, 'seoul_approval');
    expect(mers).toBeLessThan(0);
    expect(mers).toBeGreaterThanOrEqual(-11 - 3);
    expect(mers).toBeLessThanOrEqual(-7 + 3);
    // Gallup Korea: 34% → 49% in the week of the 25 August accord (+15), higher still after the parade. Tolerance: at least +10.
    expect(change(2, 4, 'seoul_approval')).toBeGreaterThanOrEqual(10);
  });

  it('the agreement: 59% of Japanese approve, most Koreans call it a mistake, and Park pays at home', () => {
    // Japanese approval of the deal: 59%. Tolerance ±5 (polls on the deal ranged from about 50 to 60).
    expect(meter(5, 'deal_support_jp')).toBe(0);
    expect(Math.abs(meter(6, 'deal_support_jp') - 59)).toBeLessThanOrEqual(5);
    // Gallup Korea, 5–7 January 2016: 26% 'well done', 54% 'a mistake'. Tolerance ±5, and under half.
    expect(Math.abs(meter(6, 'deal_support_kr') - 26)).toBeLessThanOrEqual(5);
    expect(meter(6, 'deal_support_kr')).toBeLessThan(50);
    // The gap between the two publics' verdicts is the lesson: about 33 points.
    expect(meter(6, 'deal_support_jp') - meter(6, 'deal_support_kr')).toBeGreaterThan(20);
    // Park's approval: 43% (mid-December) → 40% (early January): −3. Tolerance: a fall of 1 to 8.
    const park = change(5, 6, 'seoul_approval');
    expect(park).toBeLessThanOrEqual(-1);
    expect(park).toBeGreaterThanOrEqual(-8);
    // Trust between the governments jumps with the summit and the agreement (an index, direction only).
    expect(change(4, 6, 'gov_trust')).toBeGreaterThan(15);
  });

  it('both publics warm between the 2015 and 2016 polls (Genron NPO/EAI), and the Cabinet Office series agrees', () => {
    // Genron NPO/EAI 2015 → 2016 (the 2015 report is dated May 2015, the end of turn 2; fieldwork around
    // mid-2016, turn 9): Japanese 23.8 → 29.1 (+5.3), Koreans 15.7 → 21.3 (+5.6). Tolerance ±2.5.
    expect(Math.abs(change(2, 9, 'jp_view') - 5.3)).toBeLessThanOrEqual(2.5);
    expect(Math.abs(change(2, 9, 'kr_view') - 5.6)).toBeLessThanOrEqual(2.5);
    // Cabinet Office affinity, January 2016 → October 2016: 33.0 → 38.1 (+5.1). (The survey reported as
    // 2015 was fielded in January 2016, after the agreement: Yomiuri, 13 March 2016.) Ours is the Genron
    // scale, so only the size of the change is compared: turn 6 ends in January 2016, turn 10 in
    // September 2016. Tolerance ±2.5.
    expect(Math.abs(change(6, 10, 'jp_view') - 5.1)).toBeLessThanOrEqual(2.5);
  });

  it('Japanese approval of the deal wears down while the statue stays (Yomiuri–Hankook, mid-2016: 49% positive)', () => {
    expect(meter(9, 'deal_support_jp')).toBeLessThan(meter(6, 'deal_support_jp'));
    expect(Math.abs(meter(9, 'deal_support_jp') - 49)).toBeLessThanOrEqual(5);
  });

  it('ends as history did: Park impeached after the Choi Soon-sil scandal, in the last turn (December 2016)', () => {
    const final = after[after.length - 1]!;
    expect(final.ending?.id).toBe('park_impeached');
    expect(final.ending?.turn).toBe(12);
    // Gallup Korea: 5% in early November, 4% later that month: the scandal and the candlelight protests
    // (both in turn 11) take her there, and the Assembly votes the turn after (9 December).
    expect(meter(11, 'seoul_approval')).toBeLessThan(10);
  });
});
