import { describe, expect, it } from 'vitest';
import { createAppStore } from '../store';
import { storagePersistence } from '../store/saves';
import { catalogEntryFrom, MemoryStorage, randomComputer } from '../store/testing';
import { askToKeepStorage, keepStorageOnceAGameStarts } from './keepStorage';

/** A browser's storage manager that records what it was asked. */
function keeper(already: boolean, grants = true): { persisted: () => Promise<boolean>; persist: () => Promise<boolean>; asked: number } {
  const k = {
    asked: 0,
    persisted: () => Promise.resolve(already),
    persist: () => {
      k.asked++;
      return Promise.resolve(grants);
    },
  };
  return k;
}

const flush = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

describe('asking the browser to keep the storage', () => {
  it('asks when not yet kept, and not again when it already is', async () => {
    const fresh = keeper(false);
    expect(await askToKeepStorage(fresh)).toBe(true);
    expect(fresh.asked).toBe(1);
    const kept = keeper(true);
    expect(await askToKeepStorage(kept)).toBe(true);
    expect(kept.asked).toBe(0);
    expect(await askToKeepStorage(keeper(false, false))).toBe(false);
  });

  it('answers false, without throwing, where the browser has no such API or it fails', async () => {
    expect(await askToKeepStorage(undefined)).toBe(false);
    const broken = { persisted: () => Promise.reject(new Error('no')), persist: () => Promise.resolve(true) };
    expect(await askToKeepStorage(broken)).toBe(false);
  });

  it('waits for the first game to start, then asks once', async () => {
    const store = createAppStore({ catalog: [catalogEntryFrom('scenarios/template.yaml')], persistence: storagePersistence(new MemoryStorage()), computer: randomComputer, newSeed: () => 'keep-1' });
    const k = keeper(false);
    keepStorageOnceAGameStarts(store, k);
    const { actions } = store.getState();
    actions.pickScenario('template');
    actions.pickSide('tokyo');
    await flush();
    expect(k.asked).toBe(0);
    await actions.startGame();
    await flush();
    expect(k.asked).toBe(1);
    actions.quitToTitle();
    actions.pickScenario('template');
    await actions.startGame();
    await flush();
    expect(k.asked).toBe(1);
  });
});
