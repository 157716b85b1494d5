/** The test hook shows the game as the human player sees it: polls as polls, hidden meters absent. */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createAppStore } from './store';
import { memoryPersistence } from './store/persistence';
import { catalogEntryFrom, randomComputer } from './store/testing';
import { gameSummary } from './testHook';

const TEMPLATE = fileURLToPath(new URL('../scenarios/template.yaml', import.meta.url));

function storeWithGame(side: 'tokyo' | 'seoul') {
  const entry = catalogEntryFrom(TEMPLATE);
  const store = createAppStore({ catalog: [entry], persistence: memoryPersistence(), computer: randomComputer, newSeed: () => 'seed-1' });
  const { actions } = store.getState();
  actions.pickScenario(entry.id);
  actions.pickSide(side);
  actions.pickDifficulty('hard');
  void actions.startGame();
  return { store, scenario: entry.scenario };
}

describe('gameSummary', () => {
  it('is null before a game starts', () => {
    const entry = catalogEntryFrom(TEMPLATE);
    const store = createAppStore({ catalog: [entry], persistence: memoryPersistence(), computer: randomComputer, newSeed: () => 's' });
    expect(gameSummary(store.getState())).toBeNull();
  });

  it.each(['tokyo', 'seoul'] as const)('shows %s only what that side sees, frozen', (side) => {
    const { store, scenario } = storeWithGame(side);
    const summary = gameSummary(store.getState())!;
    expect(summary).toMatchObject({ scenario: scenario.id, side, difficulty: 'hard', turn: 1, turns: scenario.turns, resolved: 0, ending: null });

    const state = store.getState().session!.state;
    for (const meter of scenario.meters) {
      const seen = summary.meters[meter.id];
      const visibility = meter.visibility[side];
      if (visibility === 'hidden') expect(seen).toBeUndefined();
      if (visibility === 'exact') expect(seen).toEqual({ seen: 'exact', value: state.meters[meter.id] });
      if (visibility === 'poll') {
        expect(seen).toEqual({ seen: 'poll', ...state.polls[side][meter.id] });
        expect(seen).not.toHaveProperty('value');
      }
    }
    // The template has at least one meter of each kind for the test to mean something.
    expect(new Set(scenario.meters.map((m) => m.visibility[side]))).toEqual(new Set(['exact', 'poll', 'hidden']));
    expect(Object.isFrozen(summary) && Object.isFrozen(summary.meters)).toBe(true);
  });

  it('says which hot-seat team has sealed its orders, never what they are', () => {
    const entry = catalogEntryFrom(TEMPLATE);
    const store = createAppStore({ catalog: [entry], persistence: memoryPersistence(), computer: randomComputer, newSeed: () => 'seed-1' });
    const { actions } = store.getState();
    actions.pickScenario(entry.id);
    actions.pickMode('hotseat');
    void actions.startGame();
    actions.beginTurn();
    actions.revealTurn();
    expect(gameSummary(store.getState())).toMatchObject({ mode: 'hotseat', side: 'tokyo', sealed: [] });
    const pick = entry.scenario.decisions.find((d) => d.side === 'tokyo' && !d.joint && !d.when && d.cost <= store.getState().session!.state.capital.tokyo)!.id;
    actions.toggleDecision(pick);
    actions.endTurn();
    const summary = gameSummary(store.getState());
    expect(summary).toMatchObject({ mode: 'hotseat', side: 'seoul', sealed: ['tokyo'] });
    expect(store.getState().session!.sealed.tokyo!.decisions).toEqual([pick]);
    expect(JSON.stringify(summary)).not.toContain(pick);
  });
});
