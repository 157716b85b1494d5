/**
 * The tutorial (scenarios/tutorial.yaml) teaches one idea per turn. These tests play it with
 * fixed orders and check that each lesson is really there to be seen: a guide note on every
 * turn for both sides, a joint summit that happens only when both sides choose it, an event on
 * turn 4 that asks each side for an answer, a poll of the other public whose error band narrows
 * with exchange, and an ending after turn 6. A 10,000-game simulation checks that every ending,
 * decision and event is reachable (the balance report in docs/scenarios/tutorial.md).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseOrdersFile, toOrders, type OrdersFileTurn } from '../../src/cli/orders';
import { simulate } from '../../src/cli/simulate';
import { decisionOptions, newGame, resolveTurn, sideView, type GameState, type TurnReport } from '../../src/engine';
import { SIDES, type Scenario, type Side, type Text } from '../../src/engine/model';
import { loadScenario } from '../../src/scenario/load';
import { formatProblem } from '../../src/scenario/problems';

const FILE = fileURLToPath(new URL('../../scenarios/tutorial.yaml', import.meta.url));
const SEED = 'tutorial-test';

function load(): Scenario {
  const result = loadScenario(FILE, readFileSync(FILE, 'utf8'));
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  return result.scenario;
}
const scenario = load();

/** Parses orders written as the replay command's JSON, so the test uses the same format instructors do. */
function orders(json: string): OrdersFileTurn[] {
  const parsed = parseOrdersFile(json);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.turns;
}

interface Played {
  /** states[0] is turn 1 before any orders; states[k] is the state after k turns. */
  states: GameState[];
  /** reports[k] is the report of turn k + 1. */
  reports: TurnReport[];
}

function play(turns: readonly OrdersFileTurn[], seed = SEED): Played {
  const states = [newGame(scenario, seed)];
  const reports: TurnReport[] = [];
  for (const turn of turns) {
    const { state, report } = resolveTurn(scenario, states[states.length - 1]!, toOrders(scenario, turn));
    states.push(state);
    reports.push(report);
  }
  return { states, reports };
}

/** The change a given cause made to a meter in a report (undefined when it made none). */
function change(report: TurnReport, meter: string, kind: string, id: string): number | undefined {
  const c = report.changes.find((x) => x.target === 'meter' && x.id === meter && x.cause.kind === kind && x.cause.id === id);
  return c === undefined ? undefined : (c.after as number) - (c.before as number);
}

// Two cooperative governments, turn by turn, each turn doing what that turn's note teaches: the
// tutorial's history orders, the ones `scenario calibrate` replays.
const COOPERATIVE = orders(readFileSync(fileURLToPath(new URL('../../scenarios/history/tutorial.orders.json', import.meta.url)), 'utf8'));

// Two hard-line governments: territory in the news every other turn, no dialogue, no answers.
const HARD_LINE = orders(`[
  {"tokyo": ["tk_white_paper"], "seoul": ["sl_dokdo_drill"]},
  {},
  {"tokyo": ["tk_white_paper"], "seoul": ["sl_dokdo_drill"]},
  {},
  {"tokyo": ["tk_white_paper"], "seoul": ["sl_dokdo_drill"]},
  {}
]`);

const IDLE = orders('[{}, {}, {}, {}, {}, {}]');

describe('the tutorial file', () => {
  it('is small and easy: 6 turns, 5 meters, 5 decisions per side, 3 events, 2 rules, 3 endings', () => {
    expect(scenario.turns).toBe(6);
    expect(scenario.difficulty).toBe('easy');
    expect(scenario.meters.map((m) => m.id)).toEqual(['gov_trust', 'jp_view', 'kr_view', 'tokyo_approval', 'seoul_approval']);
    for (const side of SIDES) expect(scenario.decisions.filter((d) => d.side === side || d.side === 'both')).toHaveLength(5);
    expect(scenario.events).toHaveLength(3);
    expect(scenario.rules).toHaveLength(2);
    expect(scenario.endings).toHaveLength(3);
  });

  it('has a guide note for both sides on every turn, one lesson per turn, and none after the last', () => {
    for (let turn = 1; turn <= scenario.turns; turn++) {
      for (const side of SIDES) {
        const notes = scenario.guide.filter((g) => g.turn === turn && (g.side === undefined || g.side === side));
        expect(notes, `turn ${turn}, ${side}`).toHaveLength(1);
        expect(notes[0]!.title, `turn ${turn}, ${side}`).toBeDefined();
      }
    }
    expect(scenario.guide.every((g) => g.turn >= 1 && g.turn <= scenario.turns)).toBe(true);
    // Each note's heading names the lesson of its turn (the order of the issue: meters, costs, joint, event, poll, debrief).
    const heading = (turn: number): string => en(scenario.guide.find((g) => g.turn === turn)!.title!);
    expect([1, 2, 3, 4, 5, 6].map(heading)).toEqual([
      'Turn 1 · The meters',
      'Turn 2 · Political capital',
      'Turn 3 · A joint decision',
      'Turn 4 · An event asks for your answer',
      'Turn 5 · The other public, through a poll',
      'Turn 6 · The debrief',
    ]);
  });

  it('gives every player-facing text in English, Japanese and Korean', () => {
    const missing = untranslated(scenario);
    expect(missing).toEqual([]);
  });

  it('cites an essay and explains the argument for every decision, event and rule', () => {
    const known = new Set(scenario.sources.map((s) => s.id));
    for (const item of [...scenario.decisions, ...scenario.events, ...scenario.rules]) {
      expect(item.source && known.has(item.source), item.id).toBe(true);
      expect(item.explain, item.id).toBeDefined();
    }
  });
});

describe('playing the tutorial', () => {
  it('turn 1: each side sees trust, its own public and both approvals exactly, the other public through a poll', () => {
    const start = newGame(scenario, SEED);
    const tokyo = sideView(scenario, start, 'tokyo').meters;
    const seoul = sideView(scenario, start, 'seoul').meters;
    expect(Object.fromEntries(Object.entries(tokyo).map(([id, v]) => [id, v.seen]))).toEqual({
      gov_trust: 'exact',
      jp_view: 'exact',
      kr_view: 'poll',
      tokyo_approval: 'exact',
      seoul_approval: 'exact',
    });
    expect(Object.fromEntries(Object.entries(seoul).map(([id, v]) => [id, v.seen]))).toEqual({
      gov_trust: 'exact',
      jp_view: 'poll',
      kr_view: 'exact',
      tokyo_approval: 'exact',
      seoul_approval: 'exact',
    });
  });

  it('turn 2: capital comes from approval, and cards show why they are unavailable', () => {
    const { states } = play(COOPERATIVE.slice(0, 1));
    const turn2 = states[1]!;
    expect(turn2.turn).toBe(2);
    for (const side of SIDES) expect(turn2.capital[side]).toBe(3);
    const why = (side: Side, id: string) => decisionOptions(scenario, turn2, side).find((o) => o.decision.id === id)!.unavailable?.kind;
    expect(why('tokyo', 'tk_speak_up')).toBe('cooldown'); // spoken on turn 1: rests a turn
    expect(why('tokyo', 'tk_anniversary_statement')).toBe('condition'); // opens on turn 3 (August)
    expect(why('seoul', 'sl_two_track')).toBe('condition'); // needs trust of 30
    expect(why('seoul', 'exchange')).toBeUndefined();
    // Approval below 36 leaves 2 capital, and the 3-point cards become unaffordable.
    const weak: GameState = { ...turn2, turn: 3, capital: { tokyo: 2, seoul: 2 } };
    expect(decisionOptions(scenario, weak, 'tokyo').find((o) => o.decision.id === 'tk_anniversary_statement')!.unavailable).toEqual({ kind: 'capital', cost: 3, capital: 2 });
  });

  it('turn 3: the summit takes effect when both sides choose it in the same turn', () => {
    const { reports, states } = play(COOPERATIVE.slice(0, 3));
    const turn3 = reports[2]!;
    expect(turn3.joint).toEqual(['summit']);
    expect(turn3.proposed).toEqual([]);
    expect(change(turn3, 'gov_trust', 'joint', 'summit')).toBe(10);
    expect(states[3]!.counters.dialogue).toBe(states[2]!.counters.dialogue! + 3); // the summit and two exchanges
  });

  it('turn 3: chosen by one side only, the summit is a proposal; accepted on turn 4, it takes effect then', () => {
    const proposedByTokyo = [...COOPERATIVE.slice(0, 2), orders('[{"tokyo": ["summit", "exchange"], "seoul": ["exchange"]}]')[0]!];
    const { states, reports } = play(proposedByTokyo);
    expect(reports[2]!.joint).toEqual([]);
    expect(change(reports[2]!, 'gov_trust', 'joint', 'summit')).toBeUndefined();
    expect(reports[2]!.proposed).toEqual([{ decision: 'summit', by: 'tokyo', turn: 3 }]);
    // Seoul's card shows the waiting proposal; choosing it accepts.
    expect(decisionOptions(scenario, states[3]!, 'seoul').find((o) => o.decision.id === 'summit')!.proposal).toEqual({ decision: 'summit', by: 'tokyo', turn: 3 });
    const accepted = resolveTurn(scenario, states[3]!, toOrders(scenario, orders('[{"seoul": ["summit"]}]')[0]!)).report;
    expect(accepted.joint).toEqual(['summit']);
    expect(change(accepted, 'gov_trust', 'joint', 'summit')).toBe(10);
    // Left unanswered, the proposal lapses and the snub costs trust instead.
    const snubbed = resolveTurn(scenario, states[3]!, toOrders(scenario, orders('[{"seoul": ["exchange"]}]')[0]!)).report;
    expect(snubbed.joint).toEqual([]);
    expect(snubbed.declined).toEqual([{ decision: 'summit', by: 'tokyo', turn: 3 }]);
    expect(change(snubbed, 'gov_trust', 'declined', 'summit')).toBe(-4);
  });

  it('turn 4: an event asks each side for a response, and the answer given is applied', () => {
    const { states, reports } = play(COOPERATIVE.slice(0, 4));
    const turn4 = states[3]!;
    expect(turn4.turn).toBe(4);
    expect(turn4.fired).toEqual(['security_laws', 'beijing_parade']);
    expect(turn4.responses).toEqual([
      { event: 'security_laws', side: 'tokyo' },
      { event: 'beijing_parade', side: 'seoul' },
    ]);
    // Whichever side the student plays meets one prompt of its own.
    expect(sideView(scenario, turn4, 'tokyo').responses).toEqual([{ event: 'security_laws', side: 'tokyo' }]);
    expect(sideView(scenario, turn4, 'seoul').responses).toEqual([{ event: 'beijing_parade', side: 'seoul' }]);
    // No event asks for anything before turn 4.
    for (const s of states.slice(0, 3)) expect(s.responses).toEqual([]);
    const report = reports[3]!;
    expect(report.fired).toEqual([
      { event: 'security_laws', response: { side: 'tokyo', choice: 'brief_seoul' } },
      { event: 'beijing_parade', response: { side: 'seoul', choice: 'attend_and_explain' } },
    ]);
    expect(change(report, 'gov_trust', 'response', 'security_laws')).toBe(4);
    // Given no answer, each side gets its event's default.
    const silent = resolveTurn(scenario, turn4, { tokyo: { decisions: [] }, seoul: { decisions: [] } }).report;
    expect(silent.fired.map((f) => f.response?.choice)).toEqual(['domestic_matter', 'attend']);
  });

  it('turn 5: the poll of the other public narrows after exchange, and not without it', () => {
    const margins = (p: Played, side: Side, meter: string) =>
      p.states.slice(0, 6).map((s) => {
        const seen = sideView(scenario, s, side).meters[meter]!;
        if (seen.seen !== 'poll') throw new Error(`${side} should see ${meter} through a poll`);
        // The true value always lies inside the band the side is shown.
        expect(Math.abs(seen.estimate - s.meters[meter]!)).toBeLessThanOrEqual(seen.margin + 1e-9);
        return seen.margin;
      });
    const coop = play(COOPERATIVE);
    // Turns 1..6: no dialogue yet; two exchanges; two more; summit + two exchanges; briefing + explanation + exchanges; the joint poll.
    expect(margins(coop, 'tokyo', 'kr_view')).toEqual([12, 8, 4, 2, 2, 2]);
    expect(margins(coop, 'seoul', 'jp_view')).toEqual([12, 8, 4, 2, 2, 2]);
    const idle = play(IDLE);
    // Without exchange the band stays wide until the joint poll of turn 5 narrows it a step.
    expect(margins(idle, 'tokyo', 'kr_view')).toEqual([12, 12, 12, 12, 10, 10]);
  });

  it('turn 6: the game ends after the last turn with a named ending, not before', () => {
    for (const [line, expected] of [
      [COOPERATIVE, 'fresh_start'],
      [HARD_LINE, 'frozen'],
      [IDLE, 'close_yet_distant'],
    ] as const) {
      const { states } = play(line);
      for (const s of states.slice(0, 6)) expect(s.ending).toBeNull();
      const ending = states[6]!.ending!;
      expect(ending.turn).toBe(6);
      expect(ending.id).toBe(expected);
      expect(scenario.endings.some((e) => e.id === ending.id && en(e.title).length > 0)).toBe(true);
    }
    const coop = play(COOPERATIVE).states[6]!;
    expect(coop.ending!.outcome).toEqual({ tokyo: 'win', seoul: 'win' });
    expect(coop.meters.gov_trust).toBeGreaterThanOrEqual(45);
  });
});

describe('balance', () => {
  it('10,000 random games reach every ending and take every decision and event', () => {
    const report = simulate(scenario, 10_000, '1');
    expect(report.neverReached).toEqual([]);
    expect(report.neverChosen).toEqual([]);
    expect(report.neverFired).toEqual([]);
    // No ending swallows the game: each is at least 3% and none more than 85% (docs/scenarios/tutorial.md).
    for (const [id, n] of Object.entries(report.endings)) {
      expect(n / report.games, id).toBeGreaterThanOrEqual(0.03);
      expect(n / report.games, id).toBeLessThanOrEqual(0.85);
    }
  });
});

// ── text helpers ──────────────────────────────────────────────────────────────────────────

function en(text: Text): string {
  return typeof text === 'string' ? text : text.en;
}

/** Paths of player-facing texts that lack Japanese or Korean. */
function untranslated(s: Scenario): string[] {
  const out: string[] = [];
  const check = (path: string, text: Text | undefined): void => {
    if (text === undefined) return;
    if (typeof text === 'string' || !text.ja || !text.ko) out.push(path);
  };
  const perceived = (path: string, p: Partial<Record<Side, Text>>): void => {
    for (const side of SIDES) check(`${path}.perceived.${side}`, p[side]);
  };
  check('title', s.title);
  check('summary', s.summary);
  check('briefing', s.briefing);
  s.questions.forEach((q, i) => {
    check(`questions.${i}`, q.text);
    check(`questions.${i}.guide`, q.guide);
    q.choices?.forEach((c) => check(`questions.${i}.choices.${c.id}`, c.text));
  });
  s.guide.forEach((g, i) => {
    check(`guide.${i}.title`, g.title);
    check(`guide.${i}.text`, g.text);
  });
  for (const side of SIDES) {
    check(`sides.${side}.name`, s.sides[side].name);
    check(`sides.${side}.goals`, s.sides[side].goals);
  }
  for (const m of s.meters) {
    check(`meters.${m.id}.label`, m.label);
    check(`meters.${m.id}.description`, m.description);
  }
  for (const c of s.counters) check(`counters.${c.id}.label`, c.label);
  for (const d of s.decisions) {
    check(`decisions.${d.id}.title`, d.title);
    check(`decisions.${d.id}.description`, d.description);
    check(`decisions.${d.id}.explain`, d.explain);
    perceived(`decisions.${d.id}`, d.perceived);
  }
  for (const e of s.events) {
    check(`events.${e.id}.title`, e.title);
    check(`events.${e.id}.description`, e.description);
    check(`events.${e.id}.explain`, e.explain);
    perceived(`events.${e.id}`, e.perceived);
    if (e.response) {
      check(`events.${e.id}.response.prompt`, e.response.prompt);
      for (const c of e.response.choices) {
        check(`events.${e.id}.${c.id}.title`, c.title);
        check(`events.${e.id}.${c.id}.description`, c.description);
        check(`events.${e.id}.${c.id}.explain`, c.explain);
        perceived(`events.${e.id}.${c.id}`, c.perceived);
      }
    }
  }
  for (const r of s.rules) {
    check(`rules.${r.id}.title`, r.title);
    check(`rules.${r.id}.explain`, r.explain);
  }
  for (const e of s.endings) {
    check(`endings.${e.id}.title`, e.title);
    check(`endings.${e.id}.text`, e.text);
    check(`endings.${e.id}.explain`, e.explain);
  }
  return out;
}
