/**
 * An instructor's own scenarios in the browser. Three ways in (the scenario list's file button,
 * a file dropped anywhere on the page, `?scenario=URL`) reach one path: the command line's checker,
 * loaded on demand in its own chunk, then the store's library (addToLibrary) or the problems dialog.
 * Remembered files are checked again at boot, once the title screen is up.
 */
import { t, tx } from '../../i18n';
import type { AppStore, LibraryEntry, LibraryProblem, LibraryReport } from '../../store';
import { snapshot } from '../../testHook';
import { announce } from '../announce';
import { downloadScenario, scenarioAddress } from './address';
import { installLibraryDialog } from './dialog';
import { installDropZone } from './dropZone';

type Checker = typeof import('../../scenario/browser');

let checker: Promise<Checker> | null = null;

/** The checker's chunk (yaml, zod and the scenario schema), fetched the first time it is needed. */
function loadChecker(): Promise<Checker> {
  if (!checker) {
    checker = import('../../scenario/browser');
    // A failed fetch (offline) is tried again next time.
    checker.catch(() => (checker = null));
  }
  return checker;
}

/** A file on its way in: its name, its bytes (or text already decoded), where it was fetched from. */
export interface IncomingFile {
  readonly name: string;
  readonly content: Uint8Array | string;
  readonly from?: string;
}

/** How a file came in: a file chosen or dropped takes the player to the list; an address at boot only from the menus. */
export type Way = 'chosen' | 'dropped' | 'address';

const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/**
 * Checks files and adds the good ones to the list (the last one added is picked and the scenario
 * list shown); the problems of the others open the library dialog. Returns the ids added.
 */
export async function bringFiles(store: AppStore, files: readonly IncomingFile[], way: Way): Promise<string[]> {
  if (files.length === 0) return [];
  announce(t('library.checking', { file: files.map((f) => f.name).join(', ') }));
  let check: Checker;
  try {
    check = await loadChecker();
  } catch (e) {
    store.getState().actions.showLibraryProblems(files.map((f) => failed(f, [{ reason: 'checkerUnavailable', params: { detail: errorText(e) } }])));
    return [];
  }
  const reports: LibraryReport[] = [];
  const added: { entry: LibraryEntry; replaced: boolean }[] = [];
  for (const f of files) {
    const result = check.checkScenarioFile(f.name, f.content);
    if (!result.ok) {
      reports.push(failed(f, result.problems));
      continue;
    }
    const entry: LibraryEntry = { id: result.scenario.id, scenario: result.scenario, hash: result.hash, origin: 'custom', file: f.name };
    const actions = store.getState().actions;
    const replaced = store.getState().catalog.some((e) => e.id === entry.id);
    if (actions.addToLibrary(entry, result.text, result.idAt)) added.push({ entry, replaced });
  }
  if (reports.length > 0) store.getState().actions.showLibraryProblems(reports);
  const last = added.at(-1);
  if (last) {
    const { actions, screen } = store.getState();
    actions.pickScenario(last.entry.id);
    if (way !== 'address' || screen === 'title' || screen === 'scenarios') actions.go('scenarios');
    announce(t(last.replaced ? 'library.replaced' : 'library.added', { title: tx(last.entry.scenario.title), file: last.entry.file }));
  }
  return added.map((a) => a.entry.id);
}

function failed(f: IncomingFile, problems: readonly LibraryProblem[]): LibraryReport {
  return { file: f.name, ...(f.from !== undefined && { from: f.from }), added: false, problems };
}

/** Reads a chosen or dropped file's bytes and brings it in. */
export async function bringLocalFiles(store: AppStore, files: readonly File[], way: Way): Promise<string[]> {
  const incoming: IncomingFile[] = [];
  const unreadable: LibraryReport[] = [];
  for (const file of files) {
    try {
      incoming.push({ name: file.name, content: new Uint8Array(await file.arrayBuffer()) });
    } catch (e) {
      unreadable.push({ file: file.name, added: false, problems: [{ reason: 'fileUnreadable', params: { file: file.name, detail: errorText(e) } }] });
    }
  }
  if (unreadable.length > 0) store.getState().actions.showLibraryProblems(unreadable);
  return bringFiles(store, incoming, way);
}

/** Checks the remembered files again and puts those that still check back on the list. */
export async function restoreRemembered(store: AppStore): Promise<void> {
  const remembered = store.getState().actions.rememberedFiles();
  if (remembered.length === 0) return;
  let check: Checker;
  try {
    check = await loadChecker();
  } catch (e) {
    store.getState().actions.showLibraryProblems(remembered.map((f) => ({ file: f.file, added: false, problems: [{ reason: 'checkerUnavailable', params: { detail: errorText(e) } }] })));
    return;
  }
  const reports: LibraryReport[] = [];
  for (const f of remembered) {
    // One file at a time, letting the page draw in between.
    await new Promise((resolve) => setTimeout(resolve, 0));
    const result = check.checkScenarioFile(f.file, f.text);
    if (!result.ok) {
      // Checked by an older version of the game, maybe: it stays remembered until the instructor forgets it.
      reports.push({ file: f.file, added: false, rememberedId: f.id, problems: result.problems });
      continue;
    }
    store.getState().actions.addToLibrary({ id: result.scenario.id, scenario: result.scenario, hash: result.hash, origin: 'custom', file: f.file }, null, result.idAt);
  }
  if (reports.length > 0) store.getState().actions.showLibraryProblems(reports);
}

/** Resolves once the title screen is up (the library's work must not delay it). */
function titleShown(): Promise<void> {
  return new Promise((resolve) => {
    let frames = 0;
    const wait = (): void => {
      // Give up waiting after a few seconds: a title that never comes must not hold the library back.
      if (snapshot().ready || ++frames > 600) resolve();
      else requestAnimationFrame(wait);
    };
    wait();
  });
}

let restored: Promise<void> = Promise.resolve();
let restoring = false;

/**
 * Runs `then` once the remembered files are back on the list: the title's Continue waits for
 * this, since a saved game may belong to one of them. Runs at once when nothing is pending.
 */
export function afterLibrary(then: () => void): void {
  if (!restoring) return then();
  announce(t('library.restoring'));
  void restored.then(then);
}

/**
 * Starts the library: the problems dialog, the drop zone, remembered files, then `?scenario=`.
 * Remembered files join the list once the shipped ones are in (`catalog`): until then Continue waits too.
 */
export function startLibrary(store: AppStore, catalog: Promise<void>, pageHref: string = window.location.href): Promise<void> {
  installLibraryDialog(store);
  installDropZone((files) => void bringLocalFiles(store, files, 'dropped'));
  restoring = true;
  restored = catalog
    .then(titleShown)
    .then(() => restoreRemembered(store))
    .catch((e: unknown) => console.error(e))
    .finally(() => (restoring = false));
  return restored.then(async () => {
    const address = scenarioAddress(pageHref);
    if (!address) return;
    if (!address.ok) return store.getState().actions.showLibraryProblems([{ file: address.problem.params?.url?.toString() ?? '', added: false, problems: [address.problem] }]);
    const downloaded = await downloadScenario(address.url);
    if (!downloaded.ok) return store.getState().actions.showLibraryProblems([{ file: downloaded.name, from: address.url.href, added: false, problems: [downloaded.problem] }]);
    await bringFiles(store, [{ name: downloaded.name, content: downloaded.bytes, from: address.url.href }], 'address');
  });
}
