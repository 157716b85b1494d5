/** The instructor's interventions on the template scenario: what each changes, what it leaves, and what it refuses. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../scenario/load';
import { intervene, InterventionError, interventionProblem, newGame, resolveTurn, stateHash, type GameState } from './index';
import type { Scenario } from './model';

function template(): Scenario {
  const result = loadScenario('template.yaml', readFileSync(new URL('../../scenarios/template.yaml', import.meta.url), 'utf8'));
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
  return result.scenario;
}

const scenario = template();
const none = { tokyo: { decisions: [] }, seoul: { decisions: [] } };

describe('instructor interventions', () => {
  it('fires an event now: its effects land in the opening changes as fired by the instructor, and its question is asked', () => {
    const start = newGame(scenario, 'class');
    expect(start.fired).not.toContain('asset_sale');
    const { state } = intervene(scenario, start, { kind: 'fire', event: 'asset_sale' });
    expect(state.fired).toContain('asset_sale');
    expect(state.flags.assets_liquidated).toBe(true);
    expect(state.meters.gov_trust).toBe(start.meters.gov_trust! - 8);
    expect(state.responses).toContainEqual({ event: 'asset_sale', side: 'tokyo' });
    const added = state.opening.slice(start.opening.length);
    expect(added.length).toBeGreaterThan(0);
    for (const c of added) expect(c.cause).toMatchObject({ kind: 'event', id: 'asset_sale', byInstructor: true });
    // The turn then resolves with the new question answered by default, and its report carries the instructor's changes.
    const { report } = resolveTurn(scenario, state, none);
    expect(report.fired).toContainEqual({ event: 'asset_sale', response: { side: 'tokyo', choice: 'protest' } });
    expect(report.changes.some((c) => c.cause.byInstructor)).toBe(true);
    // The state it started from is untouched.
    expect(start.fired).not.toContain('asset_sale');
  });

  it('sets a meter with a reason, within its bounds, and records it as an instructor change', () => {
    const start = newGame(scenario, 'class');
    const { state } = intervene(scenario, start, { kind: 'adjust', meter: 'kr_view', value: 12, reason: '  Class vote  ' });
    expect(state.meters.kr_view).toBe(12);
    expect(state.opening.at(-1)).toEqual({ target: 'meter', id: 'kr_view', before: start.meters.kr_view, after: 12, cause: { kind: 'instructor', id: 'kr_view', reason: 'Class vote' } });
    const high = intervene(scenario, start, { kind: 'adjust', meter: 'kr_view', value: 1e9, reason: 'r' }).state;
    expect(high.meters.kr_view).toBe(scenario.meters.find((m) => m.id === 'kr_view')!.max);
    const { report } = resolveTurn(scenario, state, none);
    expect(report.changes).toContainEqual(expect.objectContaining({ cause: { kind: 'instructor', id: 'kr_view', reason: 'Class vote' } }));
  });

  it('ends the game now with the ending that holds, marked as the instructor’s, and a report of the turn cut short', () => {
    let state: GameState = newGame(scenario, 'class');
    state = resolveTurn(scenario, state, none).state;
    state = intervene(scenario, state, { kind: 'adjust', meter: 'gov_trust', value: 55, reason: 'r' }).state;
    const ended = intervene(scenario, state, { kind: 'end' });
    expect(ended.state.ending).toMatchObject({ turn: 2, byInstructor: true });
    expect(scenario.endings.map((e) => e.id)).toContain(ended.state.ending!.id);
    expect(ended.report).toMatchObject({ turn: 2, ending: ended.state.ending, decisions: { tokyo: [], seoul: [] } });
    expect(ended.report!.changes).toEqual(state.opening);
    expect(() => resolveTurn(scenario, ended.state, none)).toThrow();
  });

  it('refuses what cannot be done, saying why', () => {
    const start = newGame(scenario, 'class');
    expect(interventionProblem(scenario, start, { kind: 'fire', event: 'nope' })).toBe("the scenario has no event 'nope'");
    expect(interventionProblem(scenario, start, { kind: 'adjust', meter: 'nope', value: 1, reason: 'r' })).toBe("the scenario has no meter 'nope'");
    expect(interventionProblem(scenario, start, { kind: 'adjust', meter: 'kr_view', value: Number.NaN, reason: 'r' })).toMatch(/not a number/);
    expect(interventionProblem(scenario, start, { kind: 'adjust', meter: 'kr_view', value: 3, reason: ' ' })).toBe('an adjustment needs a reason');
    const fired = intervene(scenario, start, { kind: 'fire', event: 'asset_sale' }).state;
    expect(() => intervene(scenario, fired, { kind: 'fire', event: 'asset_sale' })).toThrow(InterventionError);
    const ended = intervene(scenario, start, { kind: 'end' }).state;
    expect(interventionProblem(scenario, ended, { kind: 'end' })).toMatch(/already ended/);
  });

  it('is deterministic: the same interventions on the same game give the same state', () => {
    const play = (): string => {
      let s = newGame(scenario, 'same');
      s = intervene(scenario, s, { kind: 'fire', event: 'decoupling' }).state;
      s = resolveTurn(scenario, s, none).state;
      s = intervene(scenario, s, { kind: 'adjust', meter: 'jp_view', value: 40, reason: 'r' }).state;
      return stateHash(resolveTurn(scenario, s, none).state);
    };
    expect(play()).toBe(play());
  });
});
