/**
 * The 'thaw' scenario (July 2022 – June 2024) replayed with the sides' real decisions
 * (scenarios/history/thaw.orders.json): the real ending, the real beats on their turns, and the
 * directions the essays' arguments predict for the two publics. The rules are the essays', not a
 * fit to the polls after the start (Genron NPO/EAI 2022 is the start value; later figures are the
 * forward test of scenarios/history/thaw.polls.yaml). Then the mechanic itself: Seoul's plan is half
 * of a compromise, and what Tokyo answers decides the ending.
 *
 * Turns are two months: turn 1 = Jul–Aug 2022, 3 = Nov–Dec 2022, 5 = Mar–Apr 2023,
 * 7 = Jul–Aug 2023, 9 = Nov–Dec 2023, 11 = Mar–Apr 2024, 12 = May–Jun 2024.
 * "End of turn N" below means after turn N has resolved, before turn N+1's events fire.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseOrdersFile, toOrders, type OrdersFileTurn } from '../../src/cli/orders';
import { newGame, resolveTurn, turnEnd, type GameState } from '../../src/engine';
import type { Scenario } from '../../src/engine/model';
import type { Change, CauseKind } from '../../src/engine/report';
import { loadScenario } from '../../src/scenario/load';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SEED = '1';

function loadThaw(): Scenario {
  const file = `${ROOT}scenarios/thaw.yaml`;
  const result = loadScenario(file, readFileSync(file, 'utf8'));
  if (!result.ok) throw new Error(`thaw.yaml does not load: ${result.problems.map((p) => p.message).join('; ')}`);
  return result.scenario;
}

function historyOrders(): OrdersFileTurn[] {
  const parsed = parseOrdersFile(readFileSync(`${ROOT}scenarios/history/thaw.orders.json`, 'utf8'));
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.turns;
}

// The ids this test reads: named, so that a misspelt id is a type error rather than undefined.
type MeterId = 'gov_trust' | 'jp_view' | 'kr_view' | 'tokyo_approval' | 'seoul_approval' | 'us_confidence';
type CounterId = 'linked_open' | 'court_clock' | 'japan_response' | 'summits' | 'consultations';
type FlagId = 'plan_announced' | 'controls_on' | 'wto_case' | 'gsomia_conditional' | 'camp_david' | 'firms_contribute' | 'assets_sold' | 'data_sharing';

/** The world at the end of one turn. */
interface TurnEnd {
  readonly meters: Readonly<Record<MeterId, number>>;
  readonly counters: Readonly<Record<CounterId, number>>;
  readonly flags: Readonly<Record<FlagId, boolean>>;
  readonly fired: readonly string[];
  readonly joint: readonly string[];
  readonly changes: readonly Change[];
}

interface Played {
  /** ends[n - 1] is the end of turn n. */
  readonly ends: readonly TurnEnd[];
  readonly final: GameState;
}

/**
 * Plays the orders from a new game, reading each turn's end with the engine's turnEnd (the state
 * resolveTurn returns has already opened the next turn).
 */
function play(scenario: Scenario, turns: readonly OrdersFileTurn[]): Played {
  let state = newGame(scenario, SEED);
  const ends: TurnEnd[] = [];
  for (const turn of turns) {
    if (state.ending) break;
    const { state: next, report } = resolveTurn(scenario, state, toOrders(scenario, turn));
    const { meters, counters, flags } = turnEnd(state, report);
    ends.push({
      meters: meters,
      counters: counters,
      flags: flags,
      fired: report.fired.map((f) => f.event),
      joint: report.joint,
      changes: report.changes,
    });
    state = next;
  }
  return { ends, final: state };
}

/** How far one cause (a decision, an event, a rule) moved a meter in the turn. */
function movedBy(end: TurnEnd, meter: MeterId, kind: CauseKind, id: string): number {
  return end.changes.filter((c) => c.target === 'meter' && c.id === meter && c.cause.kind === kind && c.cause.id === id).reduce((sum, c) => sum + (c.after as number) - (c.before as number), 0);
}

/** History with one turn's orders replaced for one side. */
function withOrders(base: readonly OrdersFileTurn[], turn: number, side: 'tokyo' | 'seoul', decisions: string[]): OrdersFileTurn[] {
  return base.map((t, i) => (i === turn - 1 ? { ...t, [side]: decisions } : t));
}

/** History with a decision struck from every turn of one side. */
function without(base: readonly OrdersFileTurn[], side: 'tokyo' | 'seoul', ...ids: string[]): OrdersFileTurn[] {
  return base.map((t) => ({ ...t, [side]: t[side].filter((d) => !ids.includes(d)) }));
}

const scenario = loadThaw();
{
  const names = new Set([...scenario.meters, ...scenario.counters, ...scenario.flags].map((x) => x.id));
  const used: string[] = [
    'gov_trust',
    'jp_view',
    'kr_view',
    'tokyo_approval',
    'seoul_approval',
    'us_confidence',
    'linked_open',
    'court_clock',
    'japan_response',
    'summits',
    'consultations',
    'plan_announced',
    'controls_on',
    'wto_case',
    'gsomia_conditional',
    'camp_david',
    'firms_contribute',
    'assets_sold',
    'data_sharing',
  ];
  for (const id of used) if (!names.has(id)) throw new Error(`thaw.yaml has no meter, counter or flag '${id}'`);
}
const start = (id: MeterId): number => scenario.meters.find((m) => m.id === id)!.start;
const history = historyOrders();
const real = play(scenario, history);
const at = (turn: number): TurnEnd => real.ends[turn - 1]!;

describe('thaw: the history replay', () => {
  it('starts from the 2022 polls (Genron NPO/EAI: 30.4 and 30.6) on a calendar from July 2022', () => {
    expect(start('jp_view')).toBe(30.4);
    expect(start('kr_view')).toBe(30.6);
    expect(scenario.calendar).toMatchObject({ start: '2022-07', monthsPerTurn: 2 });
  });

  it('plays all twelve turns and ends, as mid-2024 did, in a thaw between governments: Tokyo wins, Seoul draws', () => {
    expect(real.ends).toHaveLength(12);
    expect(real.final.ending?.id).toBe('thaw_from_above');
    expect(real.final.ending?.outcome).toEqual({ tokyo: 'win', seoul: 'draw' });
    const last = at(12);
    expect(last.flags.plan_announced).toBe(true);
    expect(last.flags.firms_contribute).toBe(false); // no Japanese firm gave to the foundation
    expect(last.counters.japan_response).toBe(2); // the remorse restated and the controls lifted
    expect(last.flags.assets_sold).toBe(false);
    expect(last.counters.linked_open).toBe(0);
  });

  it('the plan comes in March 2023 (turn 5), after three rounds of consultation, and the court never reaches the sale', () => {
    for (let turn = 1; turn <= 4; turn++) expect(at(turn).flags.plan_announced).toBe(false);
    expect(at(4).counters.consultations).toBe(3);
    expect(at(5).flags.plan_announced).toBe(true);
    // Seoul's opinion to the court (July 2022) kept the clock from running out before the plan.
    for (let turn = 1; turn <= 4; turn++) expect(at(turn).counters.court_clock).toBeGreaterThan(0);
    expect(real.ends.some((e) => e.fired.includes('court_deadline'))).toBe(false);
  });

  it('the knot of 2019 comes undone in the same turn as the plan: controls, WTO case, GSOMIA (March 2023)', () => {
    expect(at(4).counters.linked_open).toBe(4);
    const march = at(5);
    expect(march.flags.controls_on).toBe(false);
    expect(march.flags.wto_case).toBe(false);
    expect(march.flags.gsomia_conditional).toBe(false);
    expect(march.counters.linked_open).toBe(0);
    expect(march.counters.japan_response).toBe(2);
    // Tokyo's answers came in the turn of the plan, so the plan never stood alone.
    expect(real.ends.every((e) => e.counters.japan_response !== 1)).toBe(true);
  });

  it('shuttle diplomacy: the first formal summit at Phnom Penh (turn 3), then a meeting every turn from March to December 2023', () => {
    expect(at(2).counters.summits).toBe(0);
    expect(at(3).joint).toContain('summit');
    for (let turn = 5; turn <= 9; turn++) expect(at(turn).joint, `turn ${turn}`).toContain('summit');
    expect(at(9).counters.summits - at(4).counters.summits).toBeGreaterThanOrEqual(6); // five summits and Camp David
  });

  it('Camp David (August 2023, turn 7) and real-time missile data (December 2023, turn 9)', () => {
    expect(at(6).flags.camp_david).toBe(false);
    expect(at(7).joint).toContain('camp_david_summit');
    expect(at(7).flags.camp_david).toBe(true);
    expect(at(9).flags.data_sharing).toBe(true);
    // No poll stands behind Washington's confidence: direction only, up from the start by Camp David.
    expect(at(7).meters.us_confidence).toBeGreaterThan(start('us_confidence') + 20);
  });

  it('Japanese views: flat while Korea has no answer, rising once it has (Nishino: the fatigue eases)', () => {
    // Before the plan, nothing in the rules lifts Japanese opinion: within a point of the start.
    expect(at(4).meters.jp_view).toBeLessThan(start('jp_view') + 1);
    // After it, up: by the end of 2023 at least three points above the 2022 poll, and still up at the end.
    expect(at(9).meters.jp_view).toBeGreaterThan(start('jp_view') + 3);
    expect(at(12).meters.jp_view).toBeGreaterThan(at(4).meters.jp_view);
  });

  it('Korean views: the plan does not warm them, the treated water cools them, and they end near where they began (Brito, Song)', () => {
    // Brito: a settlement between governments does not carry the public with it: the plan itself
    // lowers Korean views, and they are no higher at the end of its turn than before it.
    expect(movedBy(at(5), 'kr_view', 'decision', 'sl_plan')).toBeLessThan(0);
    expect(at(5).meters.kr_view).toBeLessThan(at(4).meters.kr_view + 1);
    // Song: the release (August 2023, turn 7) is read in Korea as the neighbour's bad faith. The
    // Korean inspection of May 2023 halves the loss (1.5 points instead of 3).
    expect(at(7).fired).toContain('treated_water');
    expect(movedBy(at(7), 'kr_view', 'event', 'treated_water')).toBeCloseTo(-1.5, 5);
    // Over the two years the thaw from above leaves the Korean public within three points of 2022.
    expect(Math.abs(at(12).meters.kr_view - start('kr_view'))).toBeLessThan(3);
    // The essays predict a wider gap in 2024 than in 2022: Japanese views move, Korean views lag.
    expect(at(12).meters.jp_view - at(12).meters.kr_view).toBeGreaterThan(start('jp_view') - start('kr_view') + 5);
  });
});

describe('thaw: what Tokyo answers decides the ending', () => {
  it('with no answer from Tokyo (no restated remorse, controls kept) the plan stands alone: Seoul loses', () => {
    // A President left alone with the plan does not praise Japan at home either (and could not afford to).
    const alone = play(scenario, without(without(history, 'tokyo', 'tk_restate_apology', 'tk_lift_controls'), 'seoul', 'sl_speak_up'));
    expect(alone.ends.at(-1)!.counters.japan_response).toBe(0);
    expect(alone.ends.at(-1)!.flags.controls_on).toBe(true);
    // The half glass keeps costing the President: below history's approval by the end of 2023.
    expect(alone.ends[8]!.meters.seoul_approval).toBeLessThan(at(9).meters.seoul_approval);
    expect(alone.final.ending?.outcome.seoul).toBe('loss');
    expect(alone.final.ending?.outcome.tokyo).not.toBe('win');
  });

  it("with Japanese firms giving to the foundation (Tokyo's third answer), both can win", () => {
    // Counterfactual: in May 2023 (turn 6) Tokyo asks the firms to give, instead of its chip curbs.
    const orders = withOrders(history, 6, 'tokyo', ['summit', 'tk_heart_aches', 'tk_firms_contribute']);
    const filled = play(scenario, orders);
    expect(filled.ends[5]!.counters.japan_response).toBe(3);
    expect(filled.ends[5]!.meters.tokyo_approval).toBeLessThan(at(6).meters.tokyo_approval);
    expect(filled.ends[5]!.meters.kr_view).toBeGreaterThan(at(6).meters.kr_view);
    expect(filled.final.ending?.outcome.seoul).toBe('win');
  });

  it('without a Korean plan the court clock runs out and the sale goes ahead: no thaw', () => {
    // Counterfactual: Seoul neither asks the court to wait nor announces a plan.
    const noPlan = play(scenario, without(history, 'seoul', 'sl_ask_court_to_wait', 'sl_plan'));
    const fired = noPlan.ends.findIndex((e) => e.fired.includes('court_deadline'));
    expect(fired).toBeGreaterThanOrEqual(0);
    expect(fired + 1).toBeLessThanOrEqual(5); // by March–April 2023 at the latest
    expect(noPlan.ends.at(-1)!.flags.assets_sold).toBe(true);
    expect(noPlan.final.ending?.id).not.toMatch(/^(thaw_from_above|partners|glass_filled|new_era)$/);
  });

  it('Camp David needs a working bilateral: at trust below 45 it is refused as an order', () => {
    let state = newGame(scenario, SEED);
    for (const turn of history.slice(0, 6)) state = resolveTurn(scenario, state, toOrders(scenario, turn)).state;
    expect(state.flags.invited).toBe(true);
    const cold: GameState = { ...state, meters: { ...state.meters, gov_trust: 40 } };
    expect(() => resolveTurn(scenario, cold, { tokyo: { decisions: ['camp_david_summit'] }, seoul: { decisions: ['camp_david_summit'] } })).toThrow(/camp_david_summit/);
  });
});
