import fc from 'fast-check';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { stateHash } from '../engine';
import { saveProblemText } from '../i18n';
import { createAppStore } from './index';
import { checksumOf, readSaveFile, SAVE_VERSION, toSaveFile } from './saveFile';
import { SAVE_REASONS } from './persistence';
import { KEYS, MAX_BACKUPS, storagePersistence } from './saves';
import type { Session } from './session';
import { catalogEntryFrom, MemoryStorage, randomComputer } from './testing';

const template = catalogEntryFrom('scenarios/template.yaml');
const FIXTURE = 'tests/fixtures/saves/v1-template.json';
const NOW = () => new Date('2026-11-25T08:00:00Z');

/** A save file edited as a program would, with its checksum made again to match. */
function resealed<T extends object>(file: T): T {
  return { ...file, checksum: checksumOf(file as Record<string, unknown>) };
}

/** A game of the template three turns in, as the store would hold it. */
function sessionAfter(turns: number, seed = 'save-seed'): Session {
  const store = createAppStore({ catalog: [template], persistence: storagePersistence(new MemoryStorage()), computer: randomComputer, newSeed: () => seed });
  const { actions } = store.getState();
  actions.pickScenario('template');
  actions.pickSide('seoul');
  void actions.startGame();
  actions.beginTurn();
  for (let i = 0; i < turns; i++) {
    actions.endTurn();
    actions.nextTurn();
  }
  return store.getState().session!;
}

describe('save files', () => {
  it('read back to the same game: state, reports and the draft', () => {
    const session = sessionAfter(3);
    const loaded = readSaveFile(JSON.stringify(toSaveFile(session, template, 'now')), [template]);
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    expect(stateHash(loaded.session.state)).toBe(stateHash(session.state));
    expect(loaded.session.reports).toEqual(session.reports);
    expect(loaded.session.human).toBe('seoul');
  });

  it('a version-1 save made earlier (a fixture kept in the repository) still loads', () => {
    // Written once by the first version of the game; it must never be regenerated, only read.
    expect(existsSync(FIXTURE)).toBe(true);
    const loaded = readSaveFile(readFileSync(FIXTURE, 'utf8'), [template]);
    expect(loaded.ok ? loaded.session.state.turn : saveProblemText(loaded.problem)).toBe(3);
  });

  it('a version-2 save of a hot-seat class (a fixture kept in the repository) loads with its sealed orders and the instructor’s log replayed', () => {
    // Written once by version 2 (hot-seat, PIN 2468, a 3-minute timer, an event fired and a meter set by hand); never regenerate it.
    const loaded = readSaveFile(readFileSync('tests/fixtures/saves/v2-hotseat-template.json', 'utf8'), [template]);
    if (!loaded.ok) throw new Error(saveProblemText(loaded.problem));
    const { session } = loaded;
    // Version 2 kept the PIN itself: it comes back only as a PIN still to lock (the store locks it at once), never as a lock.
    expect(session).toMatchObject({ mode: 'hotseat', human: 'seoul', classroom: { pin: null, legacyPin: '2468', timerSeconds: 180 } });
    expect(session.state.turn).toBe(3);
    expect(Object.keys(session.sealed)).toEqual(['tokyo']);
    expect(session.log.map((e) => e.kind)).toEqual(['fire', 'adjust', 'pause', 'resume', 'reveal', 'hide']);
    expect(session.state.meters.kr_view).not.toBeUndefined();
    expect(session.state.opening.some((c) => c.cause.kind === 'instructor' && c.cause.reason === 'The class debated the 2015 agreement')).toBe(true);
  });

  it('a save whose instructor log names an event the scenario does not have is refused, saying the turns do not fit', () => {
    const file = JSON.parse(readFileSync('tests/fixtures/saves/v2-hotseat-template.json', 'utf8')) as { log: { event?: string }[] };
    file.log[0]!.event = 'no_such_event';
    const loaded = readSaveFile(JSON.stringify(file), [template]);
    expect(loaded.ok ? 'loaded' : loaded.problem.kind).toBe('replay-failed');
  });

  it('a save from a newer version of the game says so', () => {
    const file = { ...toSaveFile(sessionAfter(1), template, 'now'), version: SAVE_VERSION + 1 };
    const loaded = readSaveFile(JSON.stringify(file), [template]);
    expect(loaded.ok).toBe(false);
    if (!loaded.ok) expect(loaded.problem).toMatchObject({ reason: 'newerVersion', params: { version: SAVE_VERSION + 1, supported: SAVE_VERSION } });
  });

  it('a save whose state was edited does not load, even with its checksum made again, though its turns replay', () => {
    const file = toSaveFile(sessionAfter(2), template, 'now');
    const edited = resealed({ ...file, state: { ...file.state, meters: { ...file.state.meters, gov_trust: 99 } }, stateHash: 'feedfacefeedface' });
    const loaded = readSaveFile(JSON.stringify(edited), [template]);
    expect(loaded.ok ? 'loaded' : loaded.problem.reason).toBe('stateMismatch');
  });

  it('every field of a save is under its checksum, whatever the scenario: the side, the difficulty, the draft, the class session, the log', () => {
    const file = toSaveFile(sessionAfter(2), template, 'now');
    const edits: Record<string, unknown>[] = [
      { human: 'tokyo' },
      { difficulty: 'hard' },
      { draft: { decisions: ['tk_reaffirm_apology'], responses: {} } },
      { classroom: { pin: null, timerSeconds: 30 } },
      { log: [{ kind: 'pause', turn: 3 }] },
      { sealed: { seoul: { decisions: [], responses: {} } } },
      { clock: { side: 'tokyo', turn: 3, endsAt: null, leftMs: 999_000, warned: false } },
      { revision: 99 },
    ];
    for (const edit of edits) {
      // The scenario file changed since (its hash differs): the checksum is checked all the same.
      for (const base of [file, resealed({ ...file, scenario: { id: 'template', hash: 'another-version-of-the-file' } })]) {
        const loaded = readSaveFile(JSON.stringify({ ...base, ...edit }), [template]);
        expect(loaded.ok ? `loaded with ${JSON.stringify(edit)}` : loaded.problem.reason).toBe('badChecksum');
      }
    }
  });

  it('on load, this turn’s choices are checked again: what no longer fits is dropped and named', () => {
    const session = sessionAfter(2);
    const file = resealed({ ...toSaveFile(session, template, 'now'), draft: { decisions: ['no_such_decision'], responses: { no_such_event: 'x' } } });
    const loaded = readSaveFile(JSON.stringify(file), [template]);
    if (!loaded.ok) throw new Error(saveProblemText(loaded.problem));
    expect(loaded.session.draft.decisions).toEqual([]);
    expect(loaded.extras.dropped).toEqual(['no_such_decision', 'no_such_event: x']);
  });

  it('a save of a scenario the game does not have names the scenario', () => {
    const file = toSaveFile(sessionAfter(1), template, 'now');
    const loaded = readSaveFile(JSON.stringify(resealed({ ...file, scenario: { id: 'my_class', hash: 'x' } })), [template]);
    expect(loaded.ok ? '' : loaded.problem).toMatchObject({ kind: 'scenario-missing', reason: 'scenarioMissing', params: { scenario: 'my_class' } });
  });

  it('a scenario changed since the save: the turns are replayed on the new file when they still fit', () => {
    const session = sessionAfter(2);
    const file = resealed({ ...toSaveFile(session, template, 'now'), scenario: { id: 'template', hash: 'an-older-version' } });
    const loaded = readSaveFile(JSON.stringify(file), [template]);
    expect(loaded.ok && stateHash(loaded.session.state)).toBe(stateHash(session.state));
  });

  it('any damage to a save is a message, never an exception or a wrong game', () => {
    const text = JSON.stringify(toSaveFile(sessionAfter(2), template, 'now'));
    const good = stateHash(sessionAfter(2).state);
    fc.assert(
      fc.property(fc.nat(text.length - 1), fc.nat(text.length), fc.string({ maxLength: 4 }), (at, cut, insert) => {
        const damaged = text.slice(0, at) + insert + text.slice(Math.min(text.length, at + (cut % 6)));
        const loaded = readSaveFile(damaged, [template]);
        if (loaded.ok) expect(stateHash(loaded.session.state)).toBe(good);
        else expect(saveProblemText(loaded.problem)).toMatch(/^The saved game/);
      }),
      { numRuns: 300 },
    );
  });
});

describe('save problems in words', () => {
  it('has a sentence in the translation table for every reason, naming its values', () => {
    for (const reason of SAVE_REASONS)
      expect(saveProblemText({ kind: 'unreadable', reason, params: { version: 9, supported: 1, scenario: 'x', detail: 'why', side: 'tokyo', choices: 'a, b' } })).not.toMatch(/saves\.|\{\{/);
  });
});

describe('saves in browser storage', () => {
  it('backs up the previous save before the next turn overwrites it', () => {
    const storage = new MemoryStorage();
    const saves = storagePersistence(storage, NOW);
    saves.saveGame(sessionAfter(1), template);
    const first = storage.getItem(KEYS.game);
    saves.saveGame(sessionAfter(2), template);
    expect(saves.backups().map((b) => storage.getItem(b.key))).toEqual([first]);
  });

  /** A clock that moves a minute at each reading: each backup its own time. */
  function ticking(): () => Date {
    let minute = 0;
    return () => new Date(Date.UTC(2026, 10, 25, 8, minute++));
  }

  it('keeps the last save of each of the last five turns, newest first, and none from inside a turn', () => {
    const storage = new MemoryStorage();
    const saves = storagePersistence(storage, ticking());
    // Turns 2 to 8 of the template's 8.
    const games = [1, 2, 3, 4, 5, 6, 7].map((n) => sessionAfter(n));
    const lastOfTurn: string[] = [];
    for (const session of games) {
      // A save inside the turn (a choice made), then the turn's last: only the last may become a backup.
      saves.saveGame({ ...session, draft: { decisions: ['x'], responses: {} } }, template);
      saves.saveGame(session, template);
      lastOfTurn.push(storage.getItem(KEYS.game)!);
    }
    const backups = saves.backups();
    expect(backups.map((b) => b.turn)).toEqual([7, 6, 5, 4, 3]);
    expect(backups.map((b) => storage.getItem(b.key))).toEqual(lastOfTurn.slice(1, 6).reverse());
    expect(backups.every((b) => b.scenarioId === 'template' && b.mode === 'solo')).toBe(true);
    expect(storage.keys().filter((k) => k.startsWith(KEYS.backupPrefix))).toHaveLength(MAX_BACKUPS);
  });

  it('restores a backup and keeps the game it replaces among the backups', () => {
    const storage = new MemoryStorage();
    const saves = storagePersistence(storage, ticking());
    for (const n of [1, 2, 3]) saves.saveGame(sessionAfter(n), template);
    const current = storage.getItem(KEYS.game);
    const oldest = saves.backups().at(-1)!;
    expect(oldest.turn).toBe(2);
    const restored = saves.restoreBackup(oldest.key, [template]);
    expect(restored.ok && stateHash(restored.session.state)).toBe(stateHash(sessionAfter(1).state));
    expect(saves.loadGame([template])?.ok && storage.getItem(KEYS.game)).toBe(storage.getItem(oldest.key));
    expect(saves.backups().map((b) => storage.getItem(b.key))).toContain(current);
    // A key that is not a backup reads nothing: the title passes keys, the storage holds other things.
    expect(saves.restoreBackup(KEYS.settings, [template])).toMatchObject({ ok: false, problem: { reason: 'notASave' } });
  });

  it('lets backups give way, oldest first, when the game itself would not fit', () => {
    const storage = new MemoryStorage();
    const saves = storagePersistence(storage, ticking());
    for (const n of [1, 2, 3, 4]) saves.saveGame(sessionAfter(n), template);
    expect(saves.backups()).toHaveLength(3);
    // Room for about two and a half games: the next game and its backup, not the older backups too.
    storage.quota = Math.floor(2.5 * storage.getItem(KEYS.game)!.length);
    expect(saves.saveGame(sessionAfter(5), template)).toBeNull();
    const loaded = saves.loadGame([template]);
    expect(loaded?.ok && loaded.session.state.turn).toBe(6);
    const left = saves.backups().map((b) => b.turn);
    expect(left[0]).toBe(5);
    expect(left.length).toBeLessThan(3);
  });

  it('moves the single backup of older saves into the list', () => {
    const storage = new MemoryStorage();
    const old = storagePersistence(storage, NOW);
    old.saveGame(sessionAfter(1), template);
    storage.setItem(KEYS.backup, storage.getItem(KEYS.game)!);
    expect(storagePersistence(storage, NOW).backups()).toMatchObject([{ key: KEYS.backup, turn: 2 }]);
  });

  it('keeps an unreadable save aside, reports it, and offers the backup', () => {
    const storage = new MemoryStorage();
    const saves = storagePersistence(storage, NOW);
    saves.saveGame(sessionAfter(1), template);
    saves.saveGame(sessionAfter(2), template);
    storage.setItem(KEYS.game, '{"format": "close-yet-distant/save", "vers');
    const loaded = saves.loadGame([template]);
    expect(loaded?.ok).toBe(false);
    if (loaded && !loaded.ok) {
      expect(loaded.problem).toMatchObject({ reason: 'notJson', keptAs: 'cyd.quarantine.2026-11-25T08:00:00.000Z', backupTurn: 2 });
      expect(saveProblemText(loaded.problem)).toMatch(/could not be read.*kept aside .*previous save, from turn 2/s);
    }
    expect(storage.getItem(`${KEYS.quarantinePrefix}2026-11-25T08:00:00.000Z`)).toBe('{"format": "close-yet-distant/save", "vers');
    const again = saves.loadGame([template]);
    expect(again?.ok && again.session.state.turn).toBe(2);
  });

  it('reports a full storage and keeps the game playing', () => {
    const storage = new MemoryStorage(100);
    const store = createAppStore({ catalog: [template], persistence: storagePersistence(storage, NOW), computer: randomComputer, newSeed: () => 's' });
    const { actions } = store.getState();
    actions.pickScenario('template');
    actions.pickSide('tokyo');
    void actions.startGame();
    expect(store.getState().notice?.problem.reason).toBe('storageFull');
    actions.beginTurn();
    actions.endTurn();
    expect(store.getState().session!.state.turn).toBe(2);
    expect(store.getState().screen).toBe('resolution');
    // Room again: the next save works and the warning goes.
    storage.quota = Infinity;
    actions.nextTurn();
    actions.endTurn();
    expect(store.getState().notice).toBeNull();
  });

  it('exports a save and imports it back as the same game', () => {
    const session = sessionAfter(3);
    const saves = storagePersistence(new MemoryStorage(), NOW);
    const text = saves.exportGame(session, template);
    const other = storagePersistence(new MemoryStorage(), NOW);
    const imported = other.importGame(text, [template]);
    expect(imported.ok && stateHash(imported.session.state)).toBe(stateHash(session.state));
    expect(other.hasGame()).toBe(true);
  });
});
