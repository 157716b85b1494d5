import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkScenarioFile } from '../scenario/browser';
import { createAppStore, type AppStore } from './index';
import { LIBRARY_KEY, LIBRARY_UNREADABLE_KEY, memoryShelf, storageShelf, type LibraryEntry, type LibraryShelf } from './library';
import { storagePersistence } from './saves';
import { catalogEntryFrom, MemoryStorage, randomComputer } from './testing';

const tutorial = catalogEntryFrom('scenarios/tutorial.yaml');
const PILOT = readFileSync('tests/fixtures/scenarios/classroom_pilot.yaml', 'utf8');

/** A file checked as the browser checks it, as the library's catalog entry. */
function checked(file: string, text: string): { entry: LibraryEntry; idAt: { line: number; col: number } } {
  const result = checkScenarioFile(file, text);
  if (!result.ok) throw new Error(`${file} does not check clean`);
  return { entry: { id: result.scenario.id, scenario: result.scenario, hash: result.hash, origin: 'custom', file }, idAt: result.idAt };
}

function storeWith(shelf: LibraryShelf, storage: Storage = new MemoryStorage()): AppStore {
  return createAppStore({ catalog: [tutorial], persistence: storagePersistence(storage), computer: randomComputer, newSeed: () => 'lib-1', library: shelf });
}

describe('the remembered files (cyd.library)', () => {
  it('keeps files between visits, replaces a file with the same id, and forgets one', () => {
    const storage = new MemoryStorage();
    storageShelf(storage).remember({ id: 'a', file: 'a.yaml', text: 'first' });
    storageShelf(storage).remember({ id: 'b', file: 'b.yaml', text: 'bee' });
    // Another visit: a new shelf on the same storage.
    expect(
      storageShelf(storage)
        .files()
        .map((f) => f.id),
    ).toEqual(['a', 'b']);
    storageShelf(storage).remember({ id: 'a', file: 'a2.yaml', text: 'second' });
    expect(storageShelf(storage).files()).toEqual([
      { id: 'b', file: 'b.yaml', text: 'bee' },
      { id: 'a', file: 'a2.yaml', text: 'second' },
    ]);
    expect(storageShelf(storage).forget('b')).toBeNull();
    expect(
      storageShelf(storage)
        .files()
        .map((f) => f.id),
    ).toEqual(['a']);
    storageShelf(storage).forget('a');
    expect(storage.getItem(LIBRARY_KEY)).toBeNull();
  });

  it('says when the storage is full, and keeps what it had', () => {
    const storage = new MemoryStorage(2_000);
    const shelf = storageShelf(storage);
    expect(shelf.remember({ id: 'small', file: 'small.yaml', text: 'x'.repeat(100) })).toBeNull();
    expect(shelf.remember({ id: 'big', file: 'big.yaml', text: 'x'.repeat(5_000) })).toBe('storageFull');
    expect(
      storageShelf(storage)
        .files()
        .map((f) => f.id),
    ).toEqual(['small']);
  });

  it('never overwrites a list it cannot read: it is kept aside before anything new is written', () => {
    const storage = new MemoryStorage();
    storage.setItem(LIBRARY_KEY, '{"format": "close-yet-distant/library", "version": 1, "files": [{"id": 3}]}');
    const shelf = storageShelf(storage);
    expect(shelf.damaged()).toBe(true);
    expect(shelf.files()).toEqual([]);
    expect(shelf.remember({ id: 'a', file: 'a.yaml', text: 'a' })).toBeNull();
    expect(storage.getItem(LIBRARY_UNREADABLE_KEY)).toContain('"id": 3');
    expect(
      storageShelf(storage)
        .files()
        .map((f) => f.id),
    ).toEqual(['a']);
    expect(storageShelf(storage).damaged()).toBe(false);
  });

  it('shows a damaged list as a problem from the start, worded by the interface', () => {
    const storage = new MemoryStorage();
    storage.setItem(LIBRARY_KEY, 'not json');
    const store = storeWith(storageShelf(storage), storage);
    expect(store.getState().libraryProblems).toEqual([{ file: '', added: false, problems: [{ reason: 'libraryUnreadable' }] }]);
  });
});

describe('the library in the store', () => {
  it('adds a checked file to the list and remembers its text', () => {
    const shelf = memoryShelf();
    const store = storeWith(shelf);
    const { entry } = checked('pilot.yaml', PILOT);
    expect(store.getState().actions.addToLibrary(entry, PILOT)).toBe(true);
    expect(store.getState().catalog.map((e) => [e.id, e.origin])).toEqual([
      ['tutorial', 'shipped'],
      ['classroom_pilot', 'custom'],
    ]);
    expect(shelf.files()).toEqual([{ id: 'classroom_pilot', file: 'pilot.yaml', text: PILOT }]);
    expect(store.getState().libraryProblems).toEqual([]);
  });

  it("refuses a shipped scenario's id, pointing at the file's id line", () => {
    const shelf = memoryShelf();
    const store = storeWith(shelf);
    const text = PILOT.replace('id: classroom_pilot', 'id: tutorial');
    const { entry, idAt } = checked('mine.yaml', text);
    expect(store.getState().actions.addToLibrary(entry, text, idAt)).toBe(false);
    expect(store.getState().catalog.find((e) => e.id === 'tutorial')).toBe(tutorial);
    expect(shelf.files()).toEqual([]);
    expect(store.getState().libraryProblems).toEqual([
      { file: 'mine.yaml', added: false, problems: [expect.objectContaining({ line: 5, col: 5, reason: 'shippedId', params: { id: 'tutorial', file: 'mine.yaml' } })] },
    ]);
  });

  it('replaces an earlier copy of the same custom file', () => {
    const shelf = memoryShelf();
    const store = storeWith(shelf);
    store.getState().actions.addToLibrary(checked('pilot.yaml', PILOT).entry, PILOT);
    const edited = PILOT.replace('turns: 4', 'turns: 3');
    store.getState().actions.addToLibrary(checked('pilot-v2.yaml', edited).entry, edited);
    const custom = store.getState().catalog.filter((e) => e.origin === 'custom');
    expect(custom.map((e) => [e.id, (e as LibraryEntry).file, e.scenario.turns])).toEqual([['classroom_pilot', 'pilot-v2.yaml', 3]]);
    expect(shelf.files().map((f) => f.file)).toEqual(['pilot-v2.yaml']);
  });

  it('keeps a file for this visit when the storage is full, and says it will not be remembered', () => {
    const storage = new MemoryStorage(1_000);
    const store = storeWith(storageShelf(storage), new MemoryStorage());
    const { entry } = checked('pilot.yaml', PILOT);
    expect(store.getState().actions.addToLibrary(entry, PILOT)).toBe(true);
    expect(store.getState().catalog.some((e) => e.id === 'classroom_pilot')).toBe(true);
    expect(store.getState().libraryProblems).toEqual([{ file: 'pilot.yaml', added: true, problems: [{ reason: 'storageFull', params: { file: 'pilot.yaml' } }] }]);
    expect(storageShelf(storage).files()).toEqual([]);
  });

  it('removes a custom file from the list and from storage, never a shipped one', () => {
    const shelf = memoryShelf();
    const store = storeWith(shelf);
    const { actions } = store.getState();
    actions.addToLibrary(checked('pilot.yaml', PILOT).entry, PILOT);
    actions.pickScenario('classroom_pilot');
    actions.removeFromLibrary('tutorial');
    expect(store.getState().catalog.map((e) => e.id)).toEqual(['tutorial', 'classroom_pilot']);
    actions.removeFromLibrary('classroom_pilot');
    expect(store.getState().catalog.map((e) => e.id)).toEqual(['tutorial']);
    expect(store.getState().pick.scenarioId).toBeNull();
    expect(shelf.files()).toEqual([]);
  });

  it('opens and closes the problems dialog through the store', () => {
    const store = storeWith(memoryShelf());
    const report = { file: 'x.yaml', added: false, problems: [{ line: 1, col: 1, message: 'the file is empty' }] };
    store.getState().actions.showLibraryProblems([report]);
    store.getState().actions.showLibraryProblems([report]);
    expect(store.getState().libraryProblems).toHaveLength(2);
    store.getState().actions.dismissLibraryProblems();
    expect(store.getState().libraryProblems).toEqual([]);
  });
});
