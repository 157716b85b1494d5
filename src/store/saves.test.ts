import fc from 'fast-check';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { stateHash } from '../engine';
import { saveProblemText } from '../i18n';
import { createAppStore } from './index';
import { readSaveFile, SAVE_VERSION, toSaveFile } from './saveFile';
import { SAVE_REASONS } from './persistence';
import { KEYS, storagePersistence } from './saves';
import type { Session } from './session';
import { catalogEntryFrom, MemoryStorage, randomComputer } from './testing';

const template = catalogEntryFrom('scenarios/template.yaml');
const FIXTURE = 'tests/fixtures/saves/v1-template.json';
const NOW = () => new Date('2026-11-25T08:00:00Z');

/** A game of the template three turns in, as the store would hold it. */
function sessionAfter(turns: number, seed = 'save-seed'): Session {
  const store = createAppStore({ catalog: [template], persistence: storagePersistence(new MemoryStorage()), computer: randomComputer, newSeed: () => seed });
  const { actions } = store.getState();
  actions.pickScenario('template');
  actions.pickSide('seoul');
  actions.startGame();
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
    expect(session).toMatchObject({ mode: 'hotseat', human: 'seoul', classroom: { pin: '2468', timerSeconds: 180 } });
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

  it('a save whose state was edited does not load, even though its turns replay', () => {
    const file = toSaveFile(sessionAfter(2), template, 'now');
    const edited = { ...file, state: { ...file.state, meters: { ...file.state.meters, gov_trust: 99 } }, stateHash: 'feedfacefeedface' };
    const loaded = readSaveFile(JSON.stringify(edited), [template]);
    expect(loaded.ok).toBe(false);
  });

  it('a save of a scenario the game does not have names the scenario', () => {
    const file = toSaveFile(sessionAfter(1), template, 'now');
    const loaded = readSaveFile(JSON.stringify({ ...file, scenario: { id: 'my_class', hash: 'x' } }), [template]);
    expect(loaded.ok ? '' : loaded.problem).toMatchObject({ kind: 'scenario-missing', reason: 'scenarioMissing', params: { scenario: 'my_class' } });
  });

  it('a scenario changed since the save: the turns are replayed on the new file when they still fit', () => {
    const session = sessionAfter(2);
    const file = { ...toSaveFile(session, template, 'now'), scenario: { id: 'template', hash: 'an-older-version' } };
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
    for (const reason of SAVE_REASONS) expect(saveProblemText({ kind: 'unreadable', reason, params: { version: 9, supported: 1, scenario: 'x', detail: 'why' } })).not.toMatch(/saves\.|\{\{/);
  });
});

describe('saves in browser storage', () => {
  it('backs up the previous save before overwriting it', () => {
    const storage = new MemoryStorage();
    const saves = storagePersistence(storage, NOW);
    saves.saveGame(sessionAfter(1), template);
    const first = storage.getItem(KEYS.game);
    saves.saveGame(sessionAfter(2), template);
    expect(storage.getItem(KEYS.backup)).toBe(first);
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
    actions.startGame();
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
