/**
 * The library's way back at boot: remembered files are checked again and put back on the list, so a
 * game saved with an instructor's scenario continues after a reload. Also the page address parsing
 * and downloads of `?scenario=URL`, whose failures are reported like problems in a file.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createAppStore, type AppStore } from '../../store';
import { LIBRARY_KEY, storageShelf } from '../../store/library';
import { storagePersistence } from '../../store/saves';
import { catalogEntryFrom, MemoryStorage, randomComputer } from '../../store/testing';
import { downloadScenario, fileNameOf, scenarioAddress } from './address';
import { excerptRows } from './dialog';
import { bringFiles, restoreRemembered } from './index';

const tutorial = catalogEntryFrom('scenarios/tutorial.yaml');
const PILOT = readFileSync('tests/fixtures/scenarios/classroom_pilot.yaml', 'utf8');
const BAD = readFileSync('tests/fixtures/scenarios/bad_pilot.yaml');

/** One visit to the game: a store over the browser's (here: memory) storage, as src/store/app.ts makes it. */
function visit(storage: Storage): AppStore {
  return createAppStore({ catalog: [tutorial], persistence: storagePersistence(storage), computer: randomComputer, newSeed: () => 'visit', library: storageShelf(storage) });
}

// The library announces what it does through the DOM layer's live region; in Node there is none to speak to.
(globalThis as { document?: unknown }).document ??= { getElementById: () => ({ textContent: '' }) };

describe('bringing files in', () => {
  it('adds a good file, picks it and shows the list; a bad one opens the problems with their places', async () => {
    const store = visit(new MemoryStorage());
    const added = await bringFiles(
      store,
      [
        { name: 'bad_pilot.yaml', content: new Uint8Array(BAD) },
        { name: 'pilot.yaml', content: new TextEncoder().encode(PILOT) },
      ],
      'dropped',
    );
    expect(added).toEqual(['classroom_pilot']);
    const state = store.getState();
    expect(state.screen).toBe('scenarios');
    expect(state.pick.scenarioId).toBe('classroom_pilot');
    expect(state.libraryProblems).toHaveLength(1);
    expect(state.libraryProblems[0]!.problems.map((p) => `${state.libraryProblems[0]!.file}:${p.line}:${p.col}`)).toEqual(['bad_pilot.yaml:83:11', 'bad_pilot.yaml:84:5']);
  });

  it('leaves a game in progress alone when a file arrives by address', async () => {
    const store = visit(new MemoryStorage());
    store.getState().actions.go('turn');
    await bringFiles(store, [{ name: 'pilot.yaml', content: PILOT, from: 'https://example.org/pilot.yaml' }], 'address');
    expect(store.getState().screen).toBe('turn');
    expect(store.getState().catalog.some((e) => e.id === 'classroom_pilot')).toBe(true);
  });
});

describe('the problems dialog', () => {
  it('shows the lines around a problem, numbered in one width, with its own line (cut around the column) marked', () => {
    const excerpt = [98, 99, 100, 101].map((line) => ({ line, text: `line ${line}`, marked: line === 99 }));
    expect(excerptRows({ line: 99, col: 3, source: '…cut line 99', sourceCol: 4, excerpt }, '…cut line 99')).toEqual([
      { gutter: ' 98 │ ', text: 'line 98', marked: false },
      { gutter: ' 99 │ ', text: '…cut line 99', marked: true },
      { gutter: '100 │ ', text: 'line 100', marked: false },
      { gutter: '101 │ ', text: 'line 101', marked: false },
    ]);
  });

  it('shows the line alone when the checker gave no lines around it', () => {
    expect(excerptRows({ line: 7, col: 1, source: 'id: x' }, 'id: x')).toEqual([{ gutter: '7 │ ', text: 'id: x', marked: true }]);
  });

  it('gets the lines around a bad file’s problems from the checker', async () => {
    const store = visit(new MemoryStorage());
    await bringFiles(store, [{ name: 'bad_pilot.yaml', content: new Uint8Array(BAD) }], 'dropped');
    const [cost] = store.getState().libraryProblems[0]!.problems;
    expect(cost!.excerpt?.map((l) => [l.line, l.marked])).toEqual([
      [81, false],
      [82, false],
      [83, true],
      [84, false],
      [85, false],
    ]);
  });
});

describe('a reload', () => {
  it('brings remembered files back, so a game saved with one continues', async () => {
    const storage = new MemoryStorage();
    const first = visit(storage);
    await bringFiles(first, [{ name: 'pilot.yaml', content: PILOT }], 'chosen');
    const { actions } = first.getState();
    actions.pickScenario('classroom_pilot');
    actions.pickSide('seoul');
    actions.go('scenarios');
    actions.go('side');
    expect(first.getState().screen).toBe('side');
    actions.startGame();
    actions.beginTurn();
    actions.endTurn();
    expect(first.getState().session?.reports).toHaveLength(1);

    // The next visit starts with the shipped scenarios only, as the loading screen leaves it.
    const second = visit(storage);
    expect(second.getState().catalog.map((e) => e.id)).toEqual(['tutorial']);
    await restoreRemembered(second);
    const back = second.getState().catalog.find((e) => e.id === 'classroom_pilot');
    expect(back?.hash).toBe(first.getState().catalog.find((e) => e.id === 'classroom_pilot')?.hash);
    second.getState().actions.continueSavedGame();
    expect(second.getState().notice).toBeNull();
    expect(second.getState().session?.scenarioId).toBe('classroom_pilot');
    expect(second.getState().session?.reports).toHaveLength(1);
  });

  it('keeps a remembered file that no longer checks, shows why, and offers to forget it', async () => {
    const storage = new MemoryStorage();
    storageShelf(storage).remember({ id: 'old_one', file: 'old.yaml', text: 'format: 1\nid: old_one\n' });
    const store = visit(storage);
    await restoreRemembered(store);
    const [report] = store.getState().libraryProblems;
    expect(report).toMatchObject({ file: 'old.yaml', rememberedId: 'old_one', added: false });
    expect(report!.problems.length).toBeGreaterThan(0);
    expect(storage.getItem(LIBRARY_KEY)).toContain('old_one');
    store.getState().actions.removeFromLibrary('old_one');
    expect(storage.getItem(LIBRARY_KEY)).toBeNull();
  });
});

describe('?scenario=URL', () => {
  const PAGE = 'https://game.example/play/index.html';

  it('resolves a relative address against the page, and refuses what is not http(s)', () => {
    expect(scenarioAddress(PAGE)).toBeNull();
    expect(scenarioAddress(`${PAGE}?scenario=`)).toBeNull();
    const relative = scenarioAddress(`${PAGE}?scenario=scenarios/x.yaml`);
    expect(relative?.ok && relative.url.href).toBe('https://game.example/play/scenarios/x.yaml');
    const absolute = scenarioAddress(`${PAGE}?scenario=${encodeURIComponent('https://raw.example.org/a/b%20c.yml')}`);
    expect(absolute?.ok && fileNameOf(absolute.url)).toBe('b c.yml');
    expect(scenarioAddress(`${PAGE}?scenario=javascript:alert(1)`)).toEqual({ ok: false, problem: { reason: 'badAddress', params: { url: 'javascript:alert(1)' } } });
  });

  const answer =
    (body: string, init: ResponseInit): typeof fetch =>
    () =>
      Promise.resolve(new Response(body, init));
  const url = new URL('https://raw.example.org/pilot.yaml');

  it('reports a network failure, an HTTP error and a web page like problems in a file', async () => {
    const offline: typeof fetch = () => {
      return Promise.reject(new TypeError('Failed to fetch'));
    };
    expect(await downloadScenario(url, offline)).toEqual({ ok: false, name: 'pilot.yaml', problem: { reason: 'fetchFailed', params: { url: url.href } } });
    expect(await downloadScenario(url, answer('nope', { status: 404, statusText: 'Not Found' }))).toMatchObject({ ok: false, problem: { reason: 'httpStatus', params: { status: '404 Not Found' } } });
    expect(await downloadScenario(url, answer('<!doctype html><html></html>', { status: 200, headers: { 'content-type': 'text/plain' } }))).toMatchObject({
      ok: false,
      problem: { reason: 'notYaml' },
    });
    expect(await downloadScenario(url, answer('format: 1', { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' } }))).toMatchObject({ ok: false, problem: { reason: 'notYaml' } });
  });

  it('hands over the bytes of a scenario file as they came', async () => {
    const got = await downloadScenario(url, answer(PILOT, { status: 200, headers: { 'content-type': 'application/yaml' } }));
    expect(got.ok && new TextDecoder().decode(got.bytes)).toBe(PILOT);
  });
});
