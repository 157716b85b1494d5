/**
 * 'Different Roads to Pyongyang' (January 2018 – February 2019) replayed with the sides' real
 * decisions (scenarios/history/different_roads.orders.json) and checked against the calibration
 * figures of shared/data/opinion-calibration.md; then Song's premise of similarity and Togashi's
 * exchanges, the two mechanics the scenario is built around, each checked on its own.
 *
 * One turn is one month: turn 1 = Jan 2018, 3 = Mar, 4 = Apr (Panmunjom), 10 = Oct (the labor
 * ruling), 12 = Dec (the radar incident), 14 = Feb 2019 (Hanoi). "End of turn N" means after turn
 * N has resolved, before turn N+1's events fire (the view `scenario replay` prints).
 *
 * The Genron NPO/EAI poll is yearly (fieldwork June 2017, spring 2018, May 2019), so only its 2018
 * figure falls inside the game, and `scenario calibrate` (scenarios/history/different_roads.polls.yaml)
 * holds the level there. This test holds the path around it: the start values interpolated to
 * January 2018, the end (February 2019) against the 2019 poll three months later, and the months in
 * which each view moves. Tolerances are stated beside each check.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseOrdersFile, toOrders, type OrdersFileTurn } from '../../src/cli/orders';
import { newGame, resolveTurn, turnEnd, type GameState } from '../../src/engine';
import type { Scenario } from '../../src/engine/model';
import { loadScenario } from '../../src/scenario/load';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SEED = '1';

function loadDifferentRoads(): Scenario {
  const file = `${ROOT}scenarios/different_roads.yaml`;
  const result = loadScenario(file, readFileSync(file, 'utf8'));
  if (!result.ok) throw new Error(`different_roads.yaml does not load: ${result.problems.map((p) => `${p.line}:${p.col} ${p.message}`).join('; ')}`);
  return result.scenario;
}

function historyOrders(): OrdersFileTurn[] {
  const parsed = parseOrdersFile(readFileSync(`${ROOT}scenarios/history/different_roads.orders.json`, 'utf8'));
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.turns;
}

// The meter ids this test reads: named, so that a misspelt id is a type error rather than undefined.
type MeterId = 'gov_trust' | 'jp_view' | 'kr_view' | 'tokyo_approval' | 'seoul_approval' | 'dprk_threat' | 'peace_momentum' | 'us_confidence' | 'jp_premise' | 'kr_premise';

interface TurnEnd {
  readonly meters: Readonly<Record<MeterId, number>>;
  readonly fired: readonly string[];
}

interface Played {
  /** ends[n - 1] is the end of turn n. */
  readonly ends: readonly TurnEnd[];
  readonly final: GameState;
}

/**
 * Plays the orders from a new game. resolveTurn's state has already opened the next turn, so
 * each turn's end is rebuilt from the turn report: the last value every change left, on top of
 * the state the turn was played from.
 */
function play(scenario: Scenario, turns: readonly OrdersFileTurn[]): Played {
  let state = newGame(scenario, SEED);
  const ends: TurnEnd[] = [];
  for (const turn of turns) {
    const { state: next, report } = resolveTurn(scenario, state, toOrders(scenario, turn));
    const { meters } = turnEnd(state, report);
    ends.push({ meters: meters, fired: report.fired.map((f) => f.event) });
    state = next;
  }
  return { ends, final: state };
}

const scenario = loadDifferentRoads();
const history = play(scenario, historyOrders());
const start = (id: MeterId): number => scenario.meters.find((m) => m.id === id)!.start;
const endOf = (turn: number, id: MeterId): number => history.ends[turn - 1]!.meters[id];
const LAST = 14;

describe('different_roads: the history replay against the calibration polls', () => {
  it('plays all fourteen months of the real orders and reaches the ending history reached: estranged neighbours', () => {
    expect(history.ends).toHaveLength(LAST);
    expect(history.final.ending?.id).toBe('estrangement');
    expect(history.final.ending?.turn).toBe(LAST);
  });

  it('fires the real beats in their real months', () => {
    const firedIn = (turn: number): readonly string[] => history.ends[turn - 1]!.fired;
    expect(firedIn(2)).toContain('pyeongchang_opening');
    expect(firedIn(6)).toContain('singapore_summit');
    expect(firedIn(10)).toContain('labor_ruling');
    expect(firedIn(12)).toContain('radar_incident');
    // The legal clock set by the October ruling runs out in January 2019, as the Daegu court's seizure did.
    expect(firedIn(13)).toContain('asset_seizure');
    expect(firedIn(14)).toContain('hanoi_summit');
    // No missile was fired during the 2018 thaw: the scenario's random launch must stay quiet too.
    expect(history.ends.flatMap((e) => e.fired)).not.toContain('dprk_missile_test');
  });

  it('the Japanese view of Korea falls: Genron NPO/EAI good impression 26.9 (2017) → 22.9 (2018) → 20.0 (2019)', () => {
    // Start: January 2018 on the line from June 2017 to June 2018, seven months of twelve.
    expect(start('jp_view')).toBeCloseTo(26.9 - 4.0 * (7 / 12), 1);
    // End (February 2019) within 1.5 points of the May 2019 poll: by then the rulings, the foundation's
    // dissolution, the radar row and the seizure had all landed.
    expect(Math.abs(endOf(LAST, 'jp_view') - 20.0)).toBeLessThanOrEqual(1.5);
    // The late-2018 fall comes from those quarrels: at least 2.5 points between September and February,
    // more than the 0.8 the spring and summer of summits cost after the spring poll.
    expect(endOf(9, 'jp_view') - endOf(LAST, 'jp_view')).toBeGreaterThanOrEqual(2.5);
    expect(Math.abs(endOf(9, 'jp_view') - endOf(6, 'jp_view'))).toBeLessThanOrEqual(0.8);
  });

  it('the Korean view of Japan rises over the same months: Genron NPO/EAI 26.8 (2017) → 28.3 (2018) → 31.7 (2019)', () => {
    expect(start('kr_view')).toBeCloseTo(26.8 + 1.5 * (7 / 12), 1);
    // The "different roads" of the two publics: the Korean view rose while the Japanese view fell.
    // End within 1.5 points of 30.8, the line from June 2018 to May 2019 read at February 2019.
    expect(Math.abs(endOf(LAST, 'kr_view') - (28.3 + 3.4 * (8 / 11)))).toBeLessThanOrEqual(1.5);
    expect(endOf(LAST, 'jp_view') - start('jp_view')).toBeLessThan(0);
    // It rises through the rulings and the radar row rather than turning down after October: the
    // rise comes from the peace process (rule peace_looks_outward), not from drift to a fixed level.
    expect(endOf(12, 'kr_view')).toBeGreaterThan(endOf(9, 'kr_view'));
    expect(endOf(9, 'kr_view')).toBeGreaterThan(endOf(3, 'kr_view') + 2);
  });

  it('trust between the governments falls about as far as the share of Japanese calling relations bad rose: 40.6% → 63.5%', () => {
    // gov_trust is an index, so the poll is read as a ratio: the share NOT calling relations bad
    // fell from 59.4% to 36.5%, to 61% of itself, which from a start of 50 means about 30.7.
    // Tolerance ±9 points: the index also carries the governments' own moves, which no poll measures.
    const expected = start('gov_trust') * (36.5 / 59.4);
    expect(endOf(LAST, 'gov_trust')).toBeLessThan(start('gov_trust'));
    expect(Math.abs(endOf(LAST, 'gov_trust') - expected)).toBeLessThanOrEqual(9);
    // And the fall comes after October's ruling, not before: trust at the end of September is still near its start.
    expect(endOf(9, 'gov_trust')).toBeGreaterThanOrEqual(start('gov_trust') - 5);
  });

  it("President Moon's approval rises with Panmunjom and slides with the economy by December", () => {
    // Gallup Korea (from press reports, not the calibration file): ~73% in January, 83% after
    // Panmunjom, mid-40s in December 2018: a slide of about 38 points from the peak. The rule
    // summits_and_jobs now reproduces most of it (docs/scenarios.md, Different Roads): the rise must be
    // at least 8 points over the month, the fall from the spring peak at least 30 by December, and
    // December within 4 points of 45.
    expect(endOf(4, 'seoul_approval') - endOf(3, 'seoul_approval')).toBeGreaterThanOrEqual(8);
    const springPeak = Math.max(endOf(4, 'seoul_approval'), endOf(5, 'seoul_approval'), endOf(6, 'seoul_approval'));
    expect(springPeak - endOf(12, 'seoul_approval')).toBeGreaterThanOrEqual(30);
    expect(Math.abs(endOf(12, 'seoul_approval') - 45)).toBeLessThanOrEqual(4);
    // Moon was never a lame duck in this period: approval never below the 38% that ends the game.
    for (const e of history.ends) expect(e.meters.seoul_approval).toBeGreaterThanOrEqual(38);
  });

  it('the Abe Cabinet dips with the Moritomo documents in March 2018 and recovers by February 2019', () => {
    // NHK and other pollsters (press reports): mid-40s in February, high 30s in spring 2018; in
    // February 2019 pollsters ranged from about 44% to 53%. Dip of at least 5 points in March;
    // end within 40–55 (the range of pollsters, widened by 3 points each side).
    expect(endOf(2, 'tokyo_approval') - endOf(3, 'tokyo_approval')).toBeGreaterThanOrEqual(5);
    expect(endOf(LAST, 'tokyo_approval')).toBeGreaterThanOrEqual(40);
    expect(endOf(LAST, 'tokyo_approval')).toBeLessThanOrEqual(55);
  });

  it('the peace process builds through 2018 and loses more than half its momentum at Hanoi', () => {
    expect(endOf(9, 'peace_momentum')).toBeGreaterThan(start('peace_momentum') + 40);
    expect(endOf(LAST, 'peace_momentum')).toBeLessThan(endOf(13, 'peace_momentum') / 2);
    expect(history.final.flags.talks_stalled).toBe(true);
    // And the North's threat, as both publics felt it, fell with the thaw.
    expect(endOf(9, 'dprk_threat')).toBeLessThan(start('dprk_threat') - 30);
  });
});

describe("different_roads: Song's premise of similarity and Togashi's exchanges", () => {
  /** Both sides spend `exchangeTurns` months on exchanges, then diverge on the North the month after: what that divergence costs. */
  function divergenceCost(exchangeTurns: number): { jp: number; kr: number; trust: number } {
    const turns: OrdersFileTurn[] = [];
    for (let t = 0; t < exchangeTurns; t++) turns.push({ tokyo: ['tk_exchange'], seoul: ['sl_exchange'], responses: {} });
    // The diverging month: Tokyo presses, Seoul engages.
    turns.push({ tokyo: ['tk_max_pressure'], seoul: ['sl_engage_north'], responses: {} });
    let state = newGame(scenario, SEED);
    for (let i = 0; i < turns.length - 1; i++) state = resolveTurn(scenario, state, toOrders(scenario, turns[i]!)).state;
    const { report } = resolveTurn(scenario, state, toOrders(scenario, turns[turns.length - 1]!));
    const byRule = (meter: string): number =>
      report.changes
        .filter((c) => c.target === 'meter' && c.id === meter && c.cause.kind === 'rule' && c.cause.id === 'premise_north')
        .reduce((sum, c) => sum + (c.after as number) - (c.before as number), 0);
    return { jp: byRule('jp_view'), kr: byRule('kr_view'), trust: byRule('gov_trust') };
  }

  it('the same divergence on the North costs more when each public expects the other to think alike', () => {
    const naive = divergenceCost(0);
    const seasoned = divergenceCost(3);
    // The rule fired in both games, and cost opinion and trust each time…
    for (const cost of [naive, seasoned]) {
      expect(cost.jp).toBeLessThan(0);
      expect(cost.kr).toBeLessThan(0);
      expect(cost.trust).toBeLessThan(0);
    }
    // …but after three months of exchanges the premise is lower, and so is the disappointment.
    expect(Math.abs(seasoned.jp)).toBeLessThan(Math.abs(naive.jp) * 0.85);
    expect(Math.abs(seasoned.kr)).toBeLessThan(Math.abs(naive.kr) * 0.85);
    expect(Math.abs(seasoned.trust)).toBeLessThan(Math.abs(naive.trust) * 0.85);
  });

  it("exchanges narrow the error band of each side's poll of the other public", () => {
    let state = newGame(scenario, SEED);
    const before = { tokyo: state.polls.tokyo.kr_view!.margin, seoul: state.polls.seoul.jp_view!.margin };
    for (let t = 0; t < 3; t++) state = resolveTurn(scenario, state, toOrders(scenario, { tokyo: ['tk_exchange'], seoul: ['sl_exchange'], responses: {} })).state;
    const after = { tokyo: state.polls.tokyo.kr_view!.margin, seoul: state.polls.seoul.jp_view!.margin };
    expect(after.tokyo).toBeLessThan(before.tokyo - 3);
    expect(after.seoul).toBeLessThan(before.seoul - 3);
    // Each side still sees its own public exactly and the other's only through a poll.
    expect(state.polls.tokyo.jp_view).toBeUndefined();
    expect(state.polls.seoul.kr_view).toBeUndefined();
  });
});
