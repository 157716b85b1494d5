/** What the instructor panel lists and when its form can be sent. */
import { describe, expect, it } from 'vitest';
import { intervene, newGame } from '../../engine';
import { catalogEntryFrom } from '../../store/testing';
import { adjustFormProblem, panelEvents, panelMeters, shortDescription } from './model';

const scenario = catalogEntryFrom('scenarios/template.yaml').scenario;

describe('the instructor panel’s lists', () => {
  it('lists every event, marking those fired this turn', () => {
    const state = newGame(scenario, 'panel');
    const before = panelEvents(scenario, state, 'en');
    expect(before.map((e) => e.id)).toEqual(scenario.events.map((e) => e.id));
    expect(before.find((e) => e.id === 'decoupling')).toMatchObject({ title: 'Washington moves to cut China out of chip supply chains', firedThisTurn: false });
    const fired = intervene(scenario, state, { kind: 'fire', event: 'decoupling' }).state;
    expect(panelEvents(scenario, fired, 'en').find((e) => e.id === 'decoupling')!.firedThisTurn).toBe(true);
  });

  it('gives every meter, hidden ones included, at its true value with its bounds and who sees it how', () => {
    const state = newGame(scenario, 'panel');
    const meters = panelMeters(scenario, state, 'en');
    expect(meters.map((m) => m.id)).toEqual(scenario.meters.map((m) => m.id));
    const hidden = meters.find((m) => m.id === 'china_pressure')!;
    expect(hidden).toMatchObject({ value: state.meters.china_pressure, min: 0, max: 100, visibility: { tokyo: 'hidden', seoul: 'hidden' } });
  });

  it('cuts a long description at a word, with an ellipsis', () => {
    expect(shortDescription('Short and sweet.')).toBe('Short and sweet.');
    const long = shortDescription('word '.repeat(60));
    expect(long.length).toBeLessThanOrEqual(141);
    expect(long.endsWith('word…')).toBe(true);
  });
});

describe('the adjust form', () => {
  const meter = panelMeters(scenario, newGame(scenario, 'form'), 'en').find((m) => m.id === 'gov_trust')!;
  it('waits for a written reason and a value within the meter’s bounds', () => {
    expect(adjustFormProblem(meter, '55', '')).toBe('reason');
    expect(adjustFormProblem(meter, '55', '   ')).toBe('reason');
    expect(adjustFormProblem(meter, '', 'Because')).toBe('range');
    expect(adjustFormProblem(meter, '101', 'Because')).toBe('range');
    expect(adjustFormProblem(meter, '-1', 'Because')).toBe('range');
    expect(adjustFormProblem(meter, 'abc', 'Because')).toBe('range');
    expect(adjustFormProblem(meter, '55', 'Because')).toBeNull();
    expect(adjustFormProblem(undefined, '55', 'Because')).toBe('range');
  });
});
