/**
 * What every shipped scenario promises its users (issue: "Scenarios from the essays"): the
 * minimum size of a historical scenario, a cited essay and an explanation behind every decision,
 * event and rule, and every text a player reads in English, Japanese and Korean.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Scenario, Side, Text } from '../src/engine/model';
import { loadScenario } from '../src/scenario/load';

const HISTORICAL = ['fifty_years_on', 'different_roads', 'linkage', 'thaw'];
const ALL = [...HISTORICAL, 'tutorial'];
const CATEGORIES = ['summit', 'history', 'north_korea', 'china', 'economy', 'public'];

function load(id: string): Scenario {
  const file = `scenarios/${id}.yaml`;
  const result = loadScenario(file, readFileSync(file, 'utf8'));
  if (!result.ok) throw new Error(`${file} does not check clean: ${result.problems[0]?.message}`);
  return result.scenario;
}

/** Every player-facing text of the scenario, with where it is. */
function texts(s: Scenario): [string, Text | undefined][] {
  const out: [string, Text | undefined][] = [
    ['title', s.title],
    ['summary', s.summary],
    ['briefing', s.briefing],
  ];
  s.questions.forEach((q, i) => {
    out.push([`questions.${i}`, q.text], [`questions.${i}.guide`, q.guide]);
    for (const c of q.choices ?? []) out.push([`questions.${i}.choices.${c.id}`, c.text]);
  });
  s.guide.forEach((g, i) => out.push([`guide.${i}.text`, g.text], [`guide.${i}.title`, g.title]));
  for (const side of ['tokyo', 'seoul'] as const) out.push([`sides.${side}.name`, s.sides[side].name], [`sides.${side}.goals`, s.sides[side].goals]);
  for (const m of s.meters) out.push([`meters.${m.id}.label`, m.label], [`meters.${m.id}.description`, m.description]);
  const perceived = (where: string, p: Partial<Record<Side, Text>>): void => {
    for (const [side, text] of Object.entries(p)) out.push([`${where}.perceived.${side}`, text]);
  };
  for (const d of s.decisions) {
    out.push([`decisions.${d.id}.title`, d.title], [`decisions.${d.id}.description`, d.description], [`decisions.${d.id}.explain`, d.explain]);
    perceived(`decisions.${d.id}`, d.perceived);
  }
  for (const e of s.events) {
    out.push([`events.${e.id}.title`, e.title], [`events.${e.id}.description`, e.description], [`events.${e.id}.explain`, e.explain]);
    perceived(`events.${e.id}`, e.perceived);
    if (e.response) {
      out.push([`events.${e.id}.response.prompt`, e.response.prompt]);
      for (const c of e.response.choices) {
        out.push([`events.${e.id}.choices.${c.id}.title`, c.title], [`events.${e.id}.choices.${c.id}.explain`, c.explain]);
        perceived(`events.${e.id}.choices.${c.id}`, c.perceived);
      }
    }
  }
  for (const r of s.rules) out.push([`rules.${r.id}.title`, r.title], [`rules.${r.id}.explain`, r.explain]);
  for (const e of s.endings) out.push([`endings.${e.id}.title`, e.title], [`endings.${e.id}.text`, e.text], [`endings.${e.id}.explain`, e.explain]);
  return out;
}

describe.each(HISTORICAL)('the historical scenario %s', (id) => {
  const s = load(id);

  it('has 10–16 turns on a calendar, and the minimum numbers of events, rules and endings', () => {
    expect(s.turns).toBeGreaterThanOrEqual(10);
    expect(s.turns).toBeLessThanOrEqual(16);
    expect(s.calendar).toBeDefined();
    expect(s.events.length).toBeGreaterThanOrEqual(10);
    expect(s.rules.length).toBeGreaterThanOrEqual(6);
    expect(s.endings.length).toBeGreaterThanOrEqual(4);
    expect(s.endings.some((e) => e.kind === 'immediate')).toBe(true);
  });

  it.each(['tokyo', 'seoul'] as const)('gives %s at least 12 decisions across every area, joint ones included', (side) => {
    const own = s.decisions.filter((d) => d.side === side || d.side === 'both');
    expect(own.length).toBeGreaterThanOrEqual(12);
    for (const c of CATEGORIES)
      expect(
        own.some((d) => d.category === c),
        `${side} has no ${c} decision`,
      ).toBe(true);
    expect(own.some((d) => d.joint)).toBe(true);
  });

  it('has distinct goals for the two sides', () => {
    expect(s.sides.tokyo.goals).not.toEqual(s.sides.seoul.goals);
  });
});

describe.each(ALL)('the shipped scenario %s', (id) => {
  const s = load(id);

  it('cites an essay and explains the argument behind every decision, event and rule', () => {
    const sourceIds = new Set(s.sources.map((x) => x.id));
    for (const thing of [...s.decisions, ...s.events, ...s.rules]) {
      expect(thing.source, `${thing.id} cites no essay`).toBeDefined();
      expect(sourceIds.has(thing.source!), `${thing.id} cites '${thing.source}'`).toBe(true);
      expect(thing.explain, `${thing.id} has no explain`).toBeDefined();
    }
    for (const src of s.sources) {
      expect({ author: typeof src.author, title: typeof src.title, year: typeof src.year }, src.id).toEqual({ author: 'string', title: 'string', year: 'number' });
    }
  });

  it('says everything a player reads in English, Japanese and Korean', () => {
    const missing = texts(s)
      .filter(([, t]) => t !== undefined)
      .filter(([, t]) => typeof t === 'string' || !t!.ja?.trim() || !t!.ko?.trim() || !t!.en.trim())
      .map(([where]) => where);
    expect(missing, missing.join('\n')).toEqual([]);
  });

  it('names the islands as both sides do wherever the game itself names them', () => {
    // A public's reaction (perceived) speaks in that public's own words, and Shimane's "Takeshima Day" is a name.
    for (const [where, t] of texts(s)) {
      if (t === undefined || typeof t === 'string' || where.includes('.perceived.') || /Takeshima Day/.test(t.en)) continue;
      if (/Dokdo|Takeshima/.test(t.en)) expect(t.en, where).toMatch(/Dokdo.*Takeshima|Takeshima.*Dokdo/s);
    }
  });
});
