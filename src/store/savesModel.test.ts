/**
 * A model-based test of the saves (fast-check commands): two tabs on one browser storage play, reload,
 * start new games, fill the storage and damage the stored save, in any order. What it asserts is
 * the reliability rule: a save the game acknowledged (a write that reported no problem) is never
 * lost or overwritten by a tab that was behind, a failed write leaves the last acknowledged save in
 * place, and a damaged save is said, kept aside, and replaced by its backup on Continue.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stateHash } from '../engine';
import { createAppStore, type AppStore } from './index';
import type { Persistence, SaveProblem } from './persistence';
import { KEYS, storagePersistence } from './saves';
import { catalogEntryFrom, MemoryStorage, randomComputer } from './testing';

const template = catalogEntryFrom('scenarios/template.yaml');

interface Tab {
  store: AppStore;
  /** What the tab's last write said: null when acknowledged. */
  last: SaveProblem | null | undefined;
  /** The acknowledged save this tab last read or wrote, and its game's seed. */
  seen: { text: string | null; seed: string | null };
}

interface Model {
  /** The stored text of the last acknowledged save; null before any. */
  acknowledged: string | null;
  /** The stored save was damaged after it was acknowledged (by the test, not the game). */
  damaged: boolean;
}

interface Real {
  storage: MemoryStorage;
  tabs: [Tab, Tab];
  seeds: number;
}

/** A tab: a store on the shared storage, whose persistence tells the test what each write came to. */
function openTab(real: Real, index: 0 | 1, model: Model): Tab {
  const inner = storagePersistence(real.storage);
  const tab: Tab = { store: undefined as unknown as AppStore, last: undefined, seen: { text: null, seed: null } };
  const persistence: Persistence = {
    ...inner,
    loadGame: (catalog) => {
      const loaded = inner.loadGame(catalog);
      if (loaded?.ok) tab.seen = { text: model.acknowledged, seed: loaded.session.seed };
      return loaded;
    },
    saveGame: (session, entry, clock) => {
      const problem = inner.saveGame(session, entry, clock);
      tab.last = problem;
      if (problem === null) {
        // Its own game again, but another tab saved since this one last did: this write should have been refused.
        if (tab.seen.seed === session.seed && tab.seen.text !== model.acknowledged) expect.fail('a tab that was behind overwrote a newer save');
        model.acknowledged = real.storage.getItem(KEYS.game);
        model.damaged = false;
        tab.seen = { text: model.acknowledged, seed: session.seed };
      }
      return problem;
    },
  };
  tab.store = createAppStore({ catalog: [template], persistence, computer: randomComputer, newSeed: () => `model-${index}-${real.seeds++}`, timer: undefined, now: () => 0 });
  return tab;
}

/** The stored save is the last acknowledged one, unless the test damaged it since. */
function checkNothingLost(model: Model, real: Real): void {
  if (model.acknowledged !== null && !model.damaged) expect(real.storage.getItem(KEYS.game)).toBe(model.acknowledged);
}

/** Characters stored, as MemoryStorage counts them against its quota. */
function used(storage: MemoryStorage): number {
  let n = 0;
  for (const key of storage.keys()) n += key.length + (storage.getItem(key)?.length ?? 0);
  return n;
}

type Cmd = fc.Command<Model, Real>;

class NewGame implements Cmd {
  constructor(readonly tab: 0 | 1) {}
  check = (): boolean => true;
  run(model: Model, real: Real): void {
    const { actions } = real.tabs[this.tab].store.getState();
    actions.quitToTitle();
    actions.pickScenario('template');
    actions.pickSide('seoul');
    void actions.startGame();
    actions.beginTurn();
    checkNothingLost(model, real);
  }
  toString = (): string => `NewGame(${this.tab})`;
}

class PlayTurn implements Cmd {
  constructor(readonly tab: 0 | 1) {}
  check = (): boolean => true;
  run(model: Model, real: Real): void {
    const tab = real.tabs[this.tab];
    const s = tab.store.getState();
    if (!s.session || s.session.state.ending || s.screen !== 'turn') return;
    const before = real.storage.getItem(KEYS.game);
    tab.last = undefined;
    s.actions.endTurn();
    tab.store.getState().actions.nextTurn();
    // Set by the write the turn made (TypeScript cannot see it change across the calls).
    const last = tab.last as SaveProblem | null | undefined;
    // A tab that was behind is refused, and says so; the newer save stays as it was.
    if (last?.kind === 'stale') {
      expect(real.storage.getItem(KEYS.game)).toBe(before);
      expect(tab.store.getState().notice?.problem.reason).toBe('staleTab');
    }
    if (last && last.kind !== 'stale') expect(tab.store.getState().notice?.problem.kind).toBe(last.kind);
    checkNothingLost(model, real);
  }
  toString = (): string => `PlayTurn(${this.tab})`;
}

class Reload implements Cmd {
  constructor(readonly tab: 0 | 1) {}
  check = (): boolean => true;
  run(model: Model, real: Real): void {
    real.tabs[this.tab] = openTab(real, this.tab, model);
    const tab = real.tabs[this.tab];
    const wasDamaged = model.damaged;
    const damagedText = real.storage.getItem(KEYS.game);
    const acknowledged = model.acknowledged;
    tab.store.getState().actions.continueSavedGame();
    const s = tab.store.getState();
    if (acknowledged === null) return;
    if (wasDamaged) {
      // Said, never silent: the damaged save is kept aside where the message says (or left in place, and the message says that), and the backup offered.
      const problem = s.notice!.problem;
      expect(problem.kind).toBe('unreadable');
      expect(s.session).toBeNull();
      if (!problem.keptAs) {
        expect(real.storage.getItem(KEYS.game)).toBe(damagedText);
        return;
      }
      expect(real.storage.getItem(problem.keptAs)).toBe(damagedText);
      // Continue now finds the backup (the save before the damaged one), or nothing.
      const restored = real.storage.getItem(KEYS.game);
      expect(restored === null).toBe(problem.backupTurn === undefined);
      model.acknowledged = restored;
      model.damaged = false;
      return;
    }
    // Continue comes back to exactly the last acknowledged game.
    const saved = JSON.parse(acknowledged) as { seed: string; stateHash: string };
    expect(s.session?.seed).toBe(saved.seed);
    expect(stateHash(s.session!.state)).toBe(saved.stateHash);
  }
  toString = (): string => `Reload(${this.tab})`;
}

class Fill implements Cmd {
  constructor(readonly full: boolean) {}
  check = (): boolean => true;
  run(model: Model, real: Real): void {
    // Full: not one more character fits beside what is stored now.
    real.storage.quota = this.full ? used(real.storage) : Infinity;
    checkNothingLost(model, real);
  }
  toString = (): string => `Fill(${this.full})`;
}

class Damage implements Cmd {
  check = (model: Readonly<Model>): boolean => model.acknowledged !== null;
  run(model: Model, real: Real): void {
    const text = real.storage.getItem(KEYS.game);
    if (text === null) return;
    const quota = real.storage.quota;
    real.storage.quota = Infinity;
    real.storage.setItem(KEYS.game, text.slice(0, Math.floor(text.length / 2)));
    // A full storage stays full: the damaged save's freed space is not room to spare.
    real.storage.quota = quota === Infinity ? quota : used(real.storage);
    model.damaged = true;
  }
  toString = (): string => 'Damage';
}

describe('saves, modelled', () => {
  it('never lose an acknowledged save: two tabs, reloads, new games, full storage and damage in any order', () => {
    const tab = fc.constantFrom<0 | 1>(0, 1);
    const commands = [
      tab.map((t) => new NewGame(t)),
      tab.map((t) => new PlayTurn(t)),
      tab.map((t) => new PlayTurn(t)),
      tab.map((t) => new Reload(t)),
      fc.boolean().map((full) => new Fill(full)),
      fc.constant(new Damage()),
    ];
    fc.assert(
      fc.property(fc.commands(commands, { maxCommands: 30 }), (cmds) => {
        const model: Model = { acknowledged: null, damaged: false };
        const real: Real = { storage: new MemoryStorage(), tabs: [undefined, undefined] as unknown as [Tab, Tab], seeds: 0 };
        real.tabs = [openTab(real, 0, model), openTab(real, 1, model)];
        fc.modelRun(() => ({ model, real }), cmds);
      }),
      { numRuns: 250 },
    );
  });

  it('a tab that is behind says so at once when the other tab saves (the storage event), and then writes nothing', () => {
    const model: Model = { acknowledged: null, damaged: false };
    const real: Real = { storage: new MemoryStorage(), tabs: [undefined, undefined] as unknown as [Tab, Tab], seeds: 0 };
    real.tabs = [openTab(real, 0, model), openTab(real, 1, model)];
    new NewGame(0).run(model, real);
    new Reload(1).run(model, real);
    new PlayTurn(0).run(model, real);
    const newer = real.storage.getItem(KEYS.game);
    real.tabs[1].store.getState().actions.checkSavedElsewhere();
    expect(real.tabs[1].store.getState().notice?.problem.reason).toBe('staleTab');
    real.tabs[1].store.getState().actions.endTurn();
    expect(real.storage.getItem(KEYS.game)).toBe(newer);
  });
});

describe('saves, one path of the model', () => {
  it('a damaged save on a full storage is left where it is, and the message says so', () => {
    const model: Model = { acknowledged: null, damaged: false };
    const real: Real = { storage: new MemoryStorage(), tabs: [undefined, undefined] as unknown as [Tab, Tab], seeds: 0 };
    real.tabs = [openTab(real, 0, model), openTab(real, 1, model)];
    for (const cmd of [new NewGame(0), new PlayTurn(0), new Fill(true), new Damage(), new Reload(0)]) cmd.run(model, real);
    expect(real.tabs[0].store.getState().notice?.problem.keptAs).toBeNull();
  });
});
