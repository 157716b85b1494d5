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
import { checkScenarioData } from '../../scenario/browser';
import { downloadScenario, fileNameOf, scenarioAddress } from './address';
import type { FileChecker } from './checker';
import type { ReplaceQuestion } from './confirm';
import { excerptRows } from './dialog';
import { bringFiles as bringFilesWith, bringLocalFiles, restoreRemembered as restoreWith, type IncomingFile, type LibraryDeps, type Way } from './index';

const tutorial = catalogEntryFrom('scenarios/tutorial.yaml');
const PILOT = readFileSync('tests/fixtures/scenarios/classroom_pilot.yaml', 'utf8');
const BAD = readFileSync('tests/fixtures/scenarios/bad_pilot.yaml');

/** One visit to the game: a store over the browser's (here: memory) storage, as src/store/app.ts makes it. */
function visit(storage: Storage): AppStore {
  return createAppStore({ catalog: [tutorial], persistence: storagePersistence(storage), computer: randomComputer, newSeed: () => 'visit', library: storageShelf(storage) });
}

/**
 * The checker as the page's worker runs it, here in the test's own thread: its answer goes through
 * a structured clone as a worker's message does (a compiled scenario's closures could not).
 */
const check: FileChecker = (file, content) => Promise.resolve(structuredClone(checkScenarioData(file, content)));
const bringFiles = (store: AppStore, files: readonly IncomingFile[], way: Way, deps: LibraryDeps = {}): Promise<string[]> => bringFilesWith(store, files, way, { check, ...deps });
const restoreRemembered = (store: AppStore): Promise<void> => restoreWith(store, { check });

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
    void actions.startGame();
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
    expect(await downloadScenario(url, { fetchFile: offline })).toEqual({ ok: false, name: 'pilot.yaml', problem: { reason: 'fetchFailed', params: { url: url.href } } });
    expect(await downloadScenario(url, { fetchFile: answer('nope', { status: 404, statusText: 'Not Found' }) })).toMatchObject({
      ok: false,
      problem: { reason: 'httpStatus', params: { status: '404 Not Found' } },
    });
    expect(await downloadScenario(url, { fetchFile: answer('<!doctype html><html></html>', { status: 200, headers: { 'content-type': 'text/plain' } }) })).toMatchObject({
      ok: false,
      problem: { reason: 'notYaml' },
    });
    expect(await downloadScenario(url, { fetchFile: answer('format: 1', { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' } }) })).toMatchObject({
      ok: false,
      problem: { reason: 'notYaml' },
    });
  });

  it('hands over the bytes of a scenario file as they came', async () => {
    const got = await downloadScenario(url, { fetchFile: answer(PILOT, { status: 200, headers: { 'content-type': 'application/yaml' } }) });
    expect(got.ok && new TextDecoder().decode(got.bytes)).toBe(PILOT);
  });
});

describe('a download is bounded', () => {
  const url = new URL('https://raw.example.org/endless.yaml');
  const CHUNK = 64 * 1024;

  /** A server whose file never ends (a gzip bomb as the page sees it, decompressed): counts what was pulled and whether it was told to stop. */
  function endless(): { fetchFile: typeof fetch; pulled: () => number; cancelled: () => boolean } {
    let pulled = 0;
    let cancelled = false;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += CHUNK;
        controller.enqueue(new Uint8Array(CHUNK).fill(0x61));
      },
      cancel() {
        cancelled = true;
      },
    });
    return { fetchFile: () => Promise.resolve(new Response(body, { status: 200, headers: { 'content-type': 'application/yaml' } })), pulled: () => pulled, cancelled: () => cancelled };
  }

  it('stops reading soon after the size a scenario file may have, cancels the rest, and says why', async () => {
    const server = endless();
    const progress: number[] = [];
    const got = await downloadScenario(url, { fetchFile: server.fetchFile, onProgress: (p) => progress.push(p.received) });
    expect(got).toEqual({ ok: false, name: 'endless.yaml', problem: { reason: 'tooLarge', params: { file: url.href, limit: 2 } } });
    // The stream's own queue reads a chunk or two ahead; nothing like the whole endless body.
    expect(server.pulled()).toBeLessThan(2 * 1024 * 1024 + 4 * CHUNK);
    expect(server.cancelled()).toBe(true);
    expect(progress.at(-1)).toBeLessThanOrEqual(2 * 1024 * 1024);
    expect(progress.length).toBeGreaterThan(10);
  });

  it('refuses at once a file whose declared length is too large', async () => {
    let read = false;
    const body = new ReadableStream<Uint8Array>({ pull: () => void (read = true) }, { highWaterMark: 0 });
    const fetchFile: typeof fetch = () => Promise.resolve(new Response(body, { status: 200, headers: { 'content-length': String(3 * 1024 * 1024) } }));
    expect(await downloadScenario(url, { fetchFile })).toMatchObject({ ok: false, problem: { reason: 'tooLarge' } });
    expect(read).toBe(false);
  });

  it('says how far it has come, of the whole when the server says', async () => {
    const progress: [number, number | null][] = [];
    const text = PILOT.repeat(3);
    const chunks = [text.slice(0, 1000), text.slice(1000)].map((part) => new TextEncoder().encode(part));
    const total = chunks.reduce((n, c) => n + c.length, 0);
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const c of chunks) controller.enqueue(c);
        controller.close();
      },
    });
    const fetchFile: typeof fetch = () => Promise.resolve(new Response(body, { status: 200, headers: { 'content-length': String(total) } }));
    const got = await downloadScenario(url, { fetchFile, onProgress: (p) => progress.push([p.received, p.total]) });
    expect(got.ok).toBe(true);
    expect(progress).toEqual([
      [0, total],
      [chunks[0]!.length, total],
      [total, total],
    ]);
  });

  it('gives up a server that never answers, or stops halfway, after its time', async () => {
    let signal: AbortSignal | undefined;
    // A fetch that ignores its signal, too: the download must not wait for it.
    const never: typeof fetch = (_input, init) => {
      signal = init?.signal ?? undefined;
      return new Promise<Response>(() => undefined);
    };
    const started = Date.now();
    expect(await downloadScenario(url, { fetchFile: never, timeoutMs: 50 })).toEqual({ ok: false, name: 'endless.yaml', problem: { reason: 'timedOut', params: { url: url.href, seconds: 0 } } });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(signal?.aborted).toBe(true);

    const stalled = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('format: 1\n'));
      },
    });
    const halfway: typeof fetch = () => Promise.resolve(new Response(stalled, { status: 200 }));
    expect(await downloadScenario(url, { fetchFile: halfway, timeoutMs: 50 })).toMatchObject({ ok: false, problem: { reason: 'timedOut' } });
  });

  it('stops when the person cancels, before or during the body, and says it was cancelled', async () => {
    const cancel = new AbortController();
    let seen: AbortSignal | undefined;
    const waiting: typeof fetch = (_input, init) => {
      seen = init?.signal ?? undefined;
      return new Promise<Response>(() => undefined);
    };
    const pending = downloadScenario(url, { fetchFile: waiting, signal: cancel.signal });
    setTimeout(() => cancel.abort(), 10);
    expect(await pending).toEqual({ ok: false, name: 'endless.yaml', problem: { reason: 'cancelled', params: { url: url.href } } });
    expect(seen?.aborted).toBe(true);

    const server = endless();
    const during = new AbortController();
    const got = await downloadScenario(url, { fetchFile: server.fetchFile, signal: during.signal, onProgress: (p) => p.received > 3 * CHUNK && during.abort() });
    expect(got).toMatchObject({ ok: false, problem: { reason: 'cancelled' } });
    expect(server.cancelled()).toBe(true);
    expect(server.pulled()).toBeLessThan(10 * CHUNK);
  });
});

describe('a file from a link', () => {
  const CHANGED = PILOT.replace('title: "Classroom pilot: a short summer (2019)"', 'title: "Someone else\'s pilot"');
  const LINK = 'https://raw.example.org/pilot.yaml';

  function asking(answer: boolean): { ask: (q: ReplaceQuestion) => Promise<boolean>; asked: ReplaceQuestion[] } {
    const asked: ReplaceQuestion[] = [];
    return { ask: (q) => (asked.push(q), Promise.resolve(answer)), asked };
  }

  it('asks before it replaces the instructor’s own file with the same id, and keeps it when told to', async () => {
    const storage = new MemoryStorage();
    const store = visit(storage);
    await bringFiles(store, [{ name: 'my_pilot.yaml', content: PILOT }], 'chosen');
    const keep = asking(false);
    expect(await bringFiles(store, [{ name: 'pilot.yaml', content: CHANGED, from: LINK }], 'address', { ask: keep.ask })).toEqual([]);
    expect(keep.asked).toEqual([{ own: 'my_pilot.yaml', incoming: 'pilot.yaml', url: LINK, id: 'classroom_pilot' }]);
    expect(remembered(storage)).toBe(PILOT);
    const listed = store.getState().catalog.find((e) => e.id === 'classroom_pilot');
    expect(listed).toMatchObject({ file: 'my_pilot.yaml', scenario: { title: 'Classroom pilot: a short summer (2019)' } });

    const replace = asking(true);
    expect(await bringFiles(store, [{ name: 'pilot.yaml', content: CHANGED, from: LINK }], 'address', { ask: replace.ask })).toEqual(['classroom_pilot']);
    expect(replace.asked).toHaveLength(1);
    expect(remembered(storage)).toBe(CHANGED);
    expect(store.getState().catalog.find((e) => e.id === 'classroom_pilot')).toMatchObject({ file: 'pilot.yaml', scenario: { title: "Someone else's pilot" } });
  });

  it('asks too about a remembered file that no longer checks; not about the same file again, nor a file chosen by hand', async () => {
    const storage = new MemoryStorage();
    storageShelf(storage).remember({ id: 'classroom_pilot', file: 'old.yaml', text: 'format: 1\nid: classroom_pilot\n' });
    const store = visit(storage);
    await restoreRemembered(store);
    const keep = asking(false);
    await bringFiles(store, [{ name: 'pilot.yaml', content: PILOT, from: LINK }], 'address', { ask: keep.ask });
    expect(keep.asked.map((q) => q.own)).toEqual(['old.yaml']);
    expect(remembered(storage)).toBe('format: 1\nid: classroom_pilot\n');

    const again = asking(false);
    await bringFiles(store, [{ name: 'pilot.yaml', content: PILOT }], 'dropped', { ask: again.ask });
    expect(remembered(storage)).toBe(PILOT);
    await bringFiles(store, [{ name: 'pilot.yaml', content: PILOT, from: LINK }], 'address', { ask: again.ask });
    expect(again.asked).toEqual([]);
  });
});

describe('a file chosen or dropped', () => {
  it('is refused unread when larger than a scenario file may be', async () => {
    const store = visit(new MemoryStorage());
    const huge = new File([new Uint8Array(3 * 1024 * 1024)], 'huge.yaml');
    let read = false;
    Object.defineProperty(huge, 'arrayBuffer', { value: () => ((read = true), Promise.resolve(new ArrayBuffer(0))) });
    expect(await bringLocalFiles(store, [huge], 'dropped', { check })).toEqual([]);
    expect(read).toBe(false);
    expect(store.getState().libraryProblems[0]).toMatchObject({ file: 'huge.yaml', problems: [{ reason: 'tooLarge', params: { file: 'huge.yaml', limit: 2 } }] });
  });

  it('is reported when the checker cannot run, and the remembered files stay', async () => {
    const storage = new MemoryStorage();
    storageShelf(storage).remember({ id: 'classroom_pilot', file: 'pilot.yaml', text: PILOT });
    const store = visit(storage);
    const offline: FileChecker = () => Promise.reject(new Error('Failed to fetch the checker'));
    await restoreWith(store, { check: offline });
    expect(store.getState().libraryProblems[0]).toMatchObject({ file: 'pilot.yaml', problems: [{ reason: 'checkerUnavailable', params: { detail: 'Failed to fetch the checker' } }] });
    // Not offered to be forgotten: the file is not at fault.
    expect(store.getState().libraryProblems[0]!.rememberedId).toBeUndefined();
    expect(remembered(storage)).toBe(PILOT);
  });
});

function remembered(storage: Storage): string | undefined {
  return storageShelf(storage)
    .files()
    .find((f) => f.id === 'classroom_pilot')?.text;
}
