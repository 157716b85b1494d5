import { readFileSync } from 'node:fs';
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { newGame, randomOrders, resolveTurn, stateHash, type GameState, type Orders, type TurnReport } from '../../engine';
import type { Scenario } from '../../engine/model';
import { loadScenario } from '../../scenario/load';
import {
  decisionTimeline,
  drivingArguments,
  endingModel,
  explainChanges,
  formatDelta,
  guideNotes,
  keyEvents,
  meterReadings,
  meterSeries,
  reflectionQuestions,
  replayStates,
  revealedMeters,
  tickerItems,
  type ChangeLine,
} from './index';

function load(path: string): Scenario {
  const result = loadScenario(path, readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8'));
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
  return result.scenario;
}

const template = load('scenarios/template.yaml');
const mini = load('tests/fixtures/mini.yaml');
const NONE = { decisions: [] };

/** Plays a whole game with random legal orders; returns every state, report and order. */
function playRandom(scenario: Scenario, seed: string): { states: GameState[]; reports: TurnReport[]; orders: Orders[] } {
  const rng = seedrandom.alea(`${seed}/players`);
  const states = [newGame(scenario, seed)];
  const reports: TurnReport[] = [];
  const orders: Orders[] = [];
  while (!states[states.length - 1]!.ending) {
    const state = states[states.length - 1]!;
    const o = { tokyo: randomOrders(scenario, state, 'tokyo', rng), seoul: randomOrders(scenario, state, 'seoul', rng) };
    const next = resolveTurn(scenario, state, o);
    states.push(next.state);
    reports.push(next.report);
    orders.push(o);
  }
  return { states, reports, orders };
}

function allLines(e: ReturnType<typeof explainChanges>): ChangeLine[] {
  return e.groups.flatMap((g) => g.changes);
}

describe('explainChanges', () => {
  it('names a decision, who took it, its argument, its source and how each public read it', () => {
    const s0 = newGame(template, 'apology');
    const { state, report } = resolveTurn(template, s0, { tokyo: { decisions: ['tk_reaffirm_apology'] }, seoul: NONE });
    const forTokyo = explainChanges(template, report, 'tokyo', 'en', { before: s0, after: state });
    const group = forTokyo.groups.find((g) => g.cause.kind === 'decision' && g.cause.id === 'tk_reaffirm_apology')!;
    expect(group.cause).toMatchObject({
      title: 'Reaffirm past apologies (1995, 1998)',
      side: 'tokyo',
      source: { author: 'Junya Nishino', year: 2015 },
      perceived: 'How many more times must we apologise?',
    });
    expect(group.cause.explain).toMatch(/mutual compromise/);
    // Tokyo sees its Cabinet approval exactly, and the Korean public only through a poll.
    expect(group.changes).toContainEqual(expect.objectContaining({ id: 'tokyo_approval', seen: 'exact', delta: -5, before: 45, after: 40 }));
    const krLine = group.changes.find((l) => l.id === 'kr_view')!;
    expect(krLine).toEqual({ target: 'meter', id: 'kr_view', label: 'Koreans favorable to Japan', unit: '%', seen: 'poll', direction: 'up' });

    // Seoul reads the same decision with its own public's words, and sees kr_view exactly.
    const forSeoul = explainChanges(template, report, 'seoul', 'ja');
    const seen = forSeoul.groups.find((g) => g.cause.id === 'tk_reaffirm_apology')!;
    expect(seen.cause.perceived).toBe('Words again — but welcome words.');
    expect(seen.cause.title).toBe('村山談話・日韓共同宣言を継承すると表明');
    expect(seen.changes).toContainEqual(expect.objectContaining({ id: 'kr_view', seen: 'exact', delta: 6 }));
    expect(forSeoul.other.decisions).toEqual([{ id: 'tk_reaffirm_apology', title: '村山談話・日韓共同宣言を継承すると表明', joint: false, status: 'taken' }]);
  });

  it('never shows a hidden meter, nor a true value or amount behind a poll', () => {
    for (const seed of ['a', 'b', 'c', 'd']) {
      const { states, reports } = playRandom(template, seed);
      reports.forEach((report, i) => {
        for (const side of ['tokyo', 'seoul'] as const) {
          const e = explainChanges(template, report, side, 'en', { before: states[i]!, after: states[i + 1]! });
          const lines = allLines(e);
          expect(lines.some((l) => l.id === 'china_pressure')).toBe(false);
          expect(e.meters.some((m) => m.id === 'china_pressure')).toBe(false);
          const polled = side === 'tokyo' ? 'kr_view' : 'jp_view';
          for (const l of lines.filter((x) => x.id === polled)) expect(Object.keys(l).sort()).toEqual(expect.arrayContaining(['id', 'label', 'seen', 'target']));
          for (const l of lines.filter((x) => x.id === polled)) expect(l).not.toHaveProperty('after');
          for (const m of e.meters.filter((x) => x.id === polled)) {
            expect(m.seen).toBe('poll');
            expect(m).not.toHaveProperty('delta');
            if (m.seen === 'poll' && m.before) expect(m.before).toEqual(states[i]!.polls[side][polled]);
          }
        }
      });
    }
  });

  it("shows the human nothing through the other capital's account that the human may not see", () => {
    const { states, reports } = playRandom(template, 'other-column');
    reports.forEach((report, i) => {
      // Tokyo reads Seoul's account: Seoul sees kr_view exactly, Tokyo only through its poll.
      const e = explainChanges(template, report, 'seoul', 'en', { before: states[i]!, after: states[i + 1]! }, 'tokyo');
      for (const l of allLines(e).filter((x) => x.id === 'kr_view')) expect(l).not.toHaveProperty('after');
      for (const m of e.meters.filter((x) => x.id === 'kr_view')) {
        expect(m.seen).toBe('poll');
        if (m.seen === 'poll' && m.before) expect(m.before).toEqual(states[i]!.polls.tokyo.kr_view);
      }
      // Seoul polls jp_view, Tokyo sees it exactly: Seoul's account still shows Seoul's poll.
      for (const m of e.meters.filter((x) => x.id === 'jp_view')) expect(m.seen).toBe('poll');
    });
  });

  it('accounts for every visible exact change: the lines add up to the turn', () => {
    const { reports } = playRandom(template, 'sum');
    for (const report of reports) {
      const e = explainChanges(template, report, 'tokyo', 'en');
      for (const m of e.meters) {
        if (m.seen !== 'exact') continue;
        const sum = allLines(e)
          .filter((l) => l.target === 'meter' && l.id === m.id)
          .reduce((t, l) => t + (l.target === 'meter' && l.seen === 'exact' ? l.delta : 0), 0);
        expect(sum).toBeCloseTo(m.delta, 9);
      }
    }
  });

  it('tells a joint decision taken together, a proposal, and a proposal left to lapse', () => {
    const s0 = newGame(mini, 'joint');
    const both = resolveTurn(mini, s0, { tokyo: { decisions: ['summit'] }, seoul: { decisions: ['summit'] } });
    const together = explainChanges(mini, both.report, 'tokyo', 'en');
    expect(together.groups.find((g) => g.cause.kind === 'joint')?.cause).toMatchObject({ id: 'summit', title: 'Summit', source: { author: 'Junya Nishino' } });
    expect(together.other.decisions).toEqual([{ id: 'summit', title: 'Summit', joint: true, status: 'together' }]);

    const alone = resolveTurn(mini, s0, { tokyo: NONE, seoul: { decisions: ['summit'] } });
    expect(explainChanges(mini, alone.report, 'tokyo', 'en').other.decisions[0]?.status).toBe('proposed');
    const lapsed = resolveTurn(mini, alone.state, { tokyo: NONE, seoul: NONE });
    const seenByTokyo = explainChanges(mini, lapsed.report, 'tokyo', 'en');
    expect(seenByTokyo.weDeclined).toEqual([{ id: 'summit', title: 'Summit', by: 'seoul' }]);
    expect(explainChanges(mini, lapsed.report, 'seoul', 'en').other.declinedOurs).toEqual([{ id: 'summit', title: 'Summit', by: 'seoul' }]);
    // The delayed dialogue from no summit, the fatigue rule, drift: each its own cause.
    expect(seenByTokyo.groups.map((g) => g.cause.kind)).toEqual(expect.arrayContaining(['rule', 'drift']));
  });

  it('marks a delayed effect with what scheduled it, and keeps drift of a polled meter directionless', () => {
    const s0 = newGame(mini, 'delay');
    const t1 = resolveTurn(mini, s0, { tokyo: { decisions: ['summit'] }, seoul: { decisions: ['summit'] } });
    const t2 = resolveTurn(mini, t1.state, { tokyo: NONE, seoul: NONE });
    const delayed = explainChanges(mini, t2.report, 'tokyo', 'en').groups.find((g) => g.cause.kind === 'delayed')!;
    expect(delayed.cause).toMatchObject({ id: 'summit', origin: 'joint', title: 'Summit' });
    expect(delayed.changes).toEqual([{ target: 'counter', id: 'dialogue', label: 'Dialogue', before: 0, after: 1, delta: 1, direction: 'up' }]);
    const drift = explainChanges(mini, t2.report, 'seoul', 'en').groups.find((g) => g.cause.kind === 'drift')!;
    expect(drift.changes).toEqual([{ target: 'meter', id: 'trust', label: 'Trust', seen: 'poll' }]);
  });
});

describe('meterReadings', () => {
  it('shows exact values, polls as estimate and margin, and leaves hidden meters out', () => {
    const { states } = playRandom(template, 'readings');
    const state = states[2]!;
    const tokyo = meterReadings(template, state, 'tokyo', 'en', states[1]);
    expect(tokyo.map((r) => r.id)).not.toContain('china_pressure');
    const kr = tokyo.find((r) => r.id === 'kr_view')!;
    expect(kr).toMatchObject({ seen: 'poll', value: state.polls.tokyo.kr_view!.estimate, margin: state.polls.tokyo.kr_view!.margin, previous: states[1]!.polls.tokyo.kr_view!.estimate });
    const trust = tokyo.find((r) => r.id === 'gov_trust')!;
    expect(trust).toMatchObject({ seen: 'exact', value: state.meters.gov_trust, margin: 0, change: state.meters.gov_trust! - states[1]!.meters.gov_trust! });
    expect(meterReadings(template, states[0]!, 'seoul', 'en').every((r) => r.change === 0 && r.previous === undefined)).toBe(true);
  });
});

describe('tickerItems', () => {
  it('lists the events of the turn, the other side’s proposals and last turn’s public moves', () => {
    const s0 = newGame(template, 'ticker');
    const t1 = resolveTurn(template, s0, { tokyo: { decisions: ['tk_dprk_pressure'] }, seoul: { decisions: ['summit'] } });
    const items = tickerItems(template, t1.state, 'tokyo', 'en', t1.report);
    expect(items).toContainEqual({ kind: 'proposal', id: 'summit', title: "Leaders' summit", by: 'seoul' });
    expect(items.filter((i) => i.kind === 'move')).toEqual([]); // Seoul's only move was the proposal
    const seoulItems = tickerItems(template, t1.state, 'seoul', 'en', t1.report);
    expect(seoulItems).toContainEqual({ kind: 'move', id: 'tk_dprk_pressure', title: 'Maximum pressure on Pyongyang', by: 'tokyo', joint: false });
    expect(seoulItems.some((i) => i.kind === 'proposal')).toBe(false);
    const events = tickerItems(template, s0, 'tokyo', 'en').filter((i) => i.kind === 'event');
    expect(events.map((e) => e.id)).toEqual([...s0.fired]);
  });
});

describe('debrief models', () => {
  const seed = 'debrief';
  const { states, reports, orders } = playRandom(template, seed);
  const last = states[states.length - 1]!;

  it('rebuilds the states of a game from its seed and orders', () => {
    const replayed = replayStates(template, seed, orders);
    expect(replayed.length).toBe(states.length);
    expect(stateHash(replayed[replayed.length - 1]!)).toBe(stateHash(last));
  });

  it('names the ending with its outcome and scores', () => {
    const ending = endingModel(template, last, 'en')!;
    const declared = template.endings.find((e) => e.id === last.ending!.id)!;
    expect(ending).toMatchObject({ id: declared.id, outcome: declared.outcome, scores: last.ending!.scores, turn: reports.length });
    expect(ending.title).toBe(typeof declared.title === 'string' ? declared.title : declared.title.en);
    expect(endingModel(template, states[0]!, 'en')).toBeNull();
  });

  it('draws each visible meter over the turns as the side saw it', () => {
    const series = meterSeries(template, states, 'seoul', 'en');
    expect(series.map((s) => s.id)).not.toContain('china_pressure');
    const trust = series.find((s) => s.id === 'gov_trust')!;
    expect(trust.points.map((p) => p.value)).toEqual(states.map((s) => s.meters.gov_trust));
    const jp = series.find((s) => s.id === 'jp_view')!;
    expect(jp.seen).toBe('poll');
    expect(jp.points.map((p) => p.value)).toEqual(states.filter((s) => !s.ending).map((s) => s.polls.seoul.jp_view!.estimate));
  });

  it('reveals, once the game is over, the true values behind the polls and the hidden meters', () => {
    const revealed = revealedMeters(template, states, 'seoul', 'en');
    const lastOpen = states.filter((s) => !s.ending).pop()!;
    expect(revealed.map((r) => r.id)).toEqual(['jp_view', 'china_pressure']);
    expect(revealed[0]).toMatchObject({ seen: 'poll', value: last.meters.jp_view, lastPoll: lastOpen.polls.seoul.jp_view });
    expect(revealed[1]).toMatchObject({ seen: 'hidden', value: last.meters.china_pressure });
    // While the game runs, nothing is revealed.
    expect(revealedMeters(template, states.slice(0, -1), 'seoul', 'en')).toEqual([]);
  });

  it('marks the turns’ events and the ending for the chart', () => {
    const marks = keyEvents(template, reports, 'en');
    expect(marks.filter((m) => m.kind === 'event').length).toBe(reports.reduce((n, r) => n + r.fired.length, 0));
    expect(marks[marks.length - 1]).toMatchObject({ kind: 'ending', id: last.ending!.id, turn: reports.length });
  });

  it('ranks the essays by how far their causes moved the visible meters', () => {
    const args = drivingArguments(template, reports, 'tokyo', 'en');
    expect(args.length).toBeGreaterThan(0);
    for (let i = 1; i < args.length; i++) expect(args[i - 1]!.weight).toBeGreaterThanOrEqual(args[i]!.weight);
    const top = args[0]!;
    let expected = 0;
    for (const r of reports)
      for (const c of r.changes) if (c.target === 'meter' && c.cause.source === top.source.id && c.id !== 'china_pressure') expected += Math.abs((c.after as number) - (c.before as number));
    expect(top.weight).toBeCloseTo(expected, 9);
    expect(top.causes.reduce((t, c) => t + c.weight, 0)).toBeCloseTo(top.weight, 9);
  });

  it('lists every turn’s decisions with the effects they had', () => {
    const timeline = decisionTimeline(template, reports, 'tokyo', 'en');
    expect(timeline.map((t) => t.turn)).toEqual(reports.map((r) => r.turn));
    timeline.forEach((t, i) => {
      expect(t.decisions.tokyo.map((d) => d.id)).toEqual(reports[i]!.decisions.tokyo);
      for (const g of t.effects) expect(['decision', 'joint', 'declined', 'response', 'delayed']).toContain(g.cause.kind);
    });
  });

  it('asks the scenario’s questions and shows its guide notes', () => {
    const asked = reflectionQuestions(template, 'en');
    expect(asked.map((q) => q.text)).toEqual(template.questions.map((q) => q.text));
    expect(asked[0]).toEqual({ text: template.questions[0]!.text, choices: [] });
    // A multiple-choice question shows its choices in file order, lettered; the guide and the key stay the instructor's.
    expect(asked[2]!.choices.map((c) => c.label)).toEqual(['a', 'b', 'c']);
    expect(asked[2]!.choices[0]!.text).toMatch(/^It wore trust down every turn/);
    expect(template.questions[1]!.guide).toMatch(/^A good answer/);
    expect(template.questions[2]!.key).toBe('eroded');
    const shown = JSON.stringify(asked);
    expect(shown).not.toContain('A good answer');
    expect(shown).not.toContain('eroded');
    expect(guideNotes(template, 1, 'seoul', 'en')[0]?.text).toMatch(/Three issues are linked/);
    expect(guideNotes(template, 2, 'seoul', 'en')).toEqual([]);
  });
});

describe('reflectionQuestions', () => {
  it('speaks the language asked for, choices included', () => {
    const tutorial = load('scenarios/tutorial.yaml');
    const ja = reflectionQuestions(tutorial, 'ja');
    const choice = ja.find((q) => q.choices.length > 0)!;
    expect(choice.text).toMatch(/西野/);
    expect(choice.choices.map((c) => c.text)).toEqual(tutorial.questions.find((q) => q.choices)!.choices!.map((c) => (typeof c.text === 'string' ? c.text : c.text.ja)));
    expect(JSON.stringify(ja)).not.toMatch(/dialogue|よい答え/);
  });
});

describe('formatDelta', () => {
  it('signs changes with a true minus and one decimal at most', () => {
    expect([formatDelta(4), formatDelta(-2.54), formatDelta(0.01)]).toEqual(['+4', '−2.5', '±0']);
  });
});
