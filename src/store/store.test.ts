import { describe, expect, it } from 'vitest';
import { stateHash } from '../engine';
import { capitalLeft, createAppStore, type AppStore } from './index';
import { storagePersistence } from './saves';
import { catalogEntryFrom, MemoryStorage, randomComputer } from './testing';

const template = catalogEntryFrom('scenarios/template.yaml');

function storeOn(storage: Storage): AppStore {
  return createAppStore({ catalog: [template], persistence: storagePersistence(storage), computer: randomComputer, newSeed: () => 'seed-1' });
}

function startAsTokyo(store: AppStore): void {
  const { actions } = store.getState();
  actions.pickScenario('template');
  actions.pickSide('tokyo');
  actions.pickDifficulty('easy');
  void actions.startGame();
}

/** Plays every turn by taking the first choosable card, to the debrief. */
function playToEnd(store: AppStore): void {
  for (let guard = 0; guard < 50 && store.getState().screen !== 'debrief'; guard++) {
    const { session, actions } = store.getState();
    if (store.getState().screen === 'briefing') actions.go('turn');
    const first = template.scenario.decisions.find((d) => (d.side === 'tokyo' || d.side === 'both') && d.cost <= session!.state.capital.tokyo);
    if (first) actions.toggleDecision(first.id);
    actions.endTurn();
    expect(store.getState().screen).toBe('resolution');
    actions.nextTurn();
  }
}

describe('the store', () => {
  it('walks from the menus through a whole game to the debrief, a report per turn', () => {
    const store = storeOn(new MemoryStorage());
    startAsTokyo(store);
    expect(store.getState().screen).toBe('briefing');
    expect(store.getState().session?.human).toBe('tokyo');
    playToEnd(store);
    const session = store.getState().session!;
    expect(store.getState().screen).toBe('debrief');
    expect(session.state.ending).not.toBeNull();
    expect(session.reports).toHaveLength(session.orders.length);
    expect(session.reports.length).toBeGreaterThan(0);
  });

  it('refuses a card the player cannot afford, and a second click removes a chosen card', () => {
    const store = storeOn(new MemoryStorage());
    startAsTokyo(store);
    const { actions } = store.getState();
    const draft = (): readonly string[] => store.getState().session!.draft.decisions;
    const cheap = template.scenario.decisions.find((d) => d.side === 'tokyo' && d.cost >= 1 && !d.when && !d.joint)!;
    actions.toggleDecision(cheap.id);
    expect(draft()).toEqual([cheap.id]);
    actions.toggleDecision(cheap.id);
    expect(draft()).toEqual([]);
    // Spend the capital card by card; the first card that no longer fits is refused and the draft stays.
    const open = template.scenario.decisions.filter((d) => (d.side === 'tokyo' || d.side === 'both') && !d.when && d.cost >= 1);
    let refused = false;
    for (const d of open) {
      const before = draft();
      const left = capitalLeft(template.scenario, store.getState().session!.state, 'tokyo', store.getState().session!.draft);
      actions.toggleDecision(d.id);
      if (d.cost > left) {
        expect(draft()).toEqual(before);
        refused = true;
        break;
      }
    }
    expect(refused).toBe(true);
  });

  it('the computer plays the same way for the same seed, so a game replays', () => {
    const a = storeOn(new MemoryStorage());
    const b = storeOn(new MemoryStorage());
    for (const s of [a, b]) {
      startAsTokyo(s);
      playToEnd(s);
    }
    expect(stateHash(a.getState().session!.state)).toBe(stateHash(b.getState().session!.state));
  });

  it('continues a game after a reload, mid-turn choices included', () => {
    const storage = new MemoryStorage();
    const first = storeOn(storage);
    startAsTokyo(first);
    first.getState().actions.beginTurn();
    first.getState().actions.endTurn();
    first.getState().actions.nextTurn();
    const cheap = template.scenario.decisions.find((d) => d.side === 'tokyo' && d.cost <= first.getState().session!.state.capital.tokyo && !d.when)!;
    first.getState().actions.toggleDecision(cheap.id);
    const before = first.getState().session!;

    const reloaded = storeOn(storage);
    expect(reloaded.getState().canContinue).toBe(true);
    reloaded.getState().actions.continueSavedGame();
    const after = reloaded.getState().session!;
    expect(reloaded.getState().screen).toBe('turn');
    expect(stateHash(after.state)).toBe(stateHash(before.state));
    expect(after.draft.decisions).toEqual([cheap.id]);
    expect(after.reports).toHaveLength(1);
  });

  it('keeps settings across a reload, and a bad settings field does not cost the others', () => {
    const storage = new MemoryStorage();
    storeOn(storage).getState().actions.updateSettings({ volume: 0.25, muted: true, textSize: 'large' });
    expect(storeOn(storage).getState().settings).toMatchObject({ volume: 0.25, muted: true, textSize: 'large' });
    storage.setItem('cyd.settings', JSON.stringify({ volume: 'loud', muted: true }));
    expect(storeOn(storage).getState().settings).toMatchObject({ volume: 0.7, muted: true });
  });
});
