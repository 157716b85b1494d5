/**
 * An instructor's own scenarios in the browser. Three ways in (the scenario list's file button,
 * a file dropped anywhere on the page, `?scenario=URL`) reach one path: the command line's checker,
 * run in a Web Worker (checker.ts) so the page keeps answering while a large file is checked, then
 * the store's library (addToLibrary) or the problems dialog. Remembered files are checked again at
 * boot, once the title screen is up. A file from a link asks before it replaces one of the
 * instructor's own (confirm.ts); a link's download shows its progress and can be cancelled.
 */
import { t, tx } from '../../i18n';
import type { DataCheck } from '../../scenario/browser';
import { MAX_FILE_BYTES } from '../../scenario/limits';
import type { AppStore, LibraryEntry, LibraryProblem, LibraryReport } from '../../store';
import { snapshot } from '../../testHook';
import { announce } from '../announce';
import { downloadScenario, fileNameOf, scenarioAddress, type DownloadOptions } from './address';
import { entryOf, workerChecker, type FileChecker } from './checker';
import { askToReplace, type AskToReplace } from './confirm';
import { installLibraryDialog } from './dialog';
import { showDownload } from './download';
import { installDropZone } from './dropZone';

/** The page's one checker worker, started when the first file comes. */
const inWorker = workerChecker();

/** What the library's paths use from outside: the checker and the question before a link replaces a file (tests give their own). */
export interface LibraryDeps {
  readonly check?: FileChecker;
  readonly ask?: AskToReplace;
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

/** A file checked and compiled for the list, or its problems. */
async function checked(
  check: FileChecker,
  name: string,
  content: Uint8Array | string,
): Promise<{ ok: true; entry: LibraryEntry; result: Extract<DataCheck, { ok: true }> } | { ok: false; problems: readonly LibraryProblem[] }> {
  let result: DataCheck;
  try {
    result = await check(name, content);
  } catch (e) {
    return { ok: false, problems: [{ reason: 'checkerUnavailable', params: { detail: errorText(e) } }] };
  }
  if (!result.ok) return result;
  try {
    return { ok: true, entry: entryOf(result), result };
  } catch (e) {
    // The checker passed what the page's compiler refused: a fault of ours, said in its own words.
    return { ok: false, problems: [{ message: errorText(e) }] };
  }
}

/**
 * Checks files and adds the good ones to the list (the last one added is picked and the scenario
 * list shown); the problems of the others open the library dialog. Returns the ids added.
 */
export async function bringFiles(store: AppStore, files: readonly IncomingFile[], way: Way, deps: LibraryDeps = {}): Promise<string[]> {
  const { check = inWorker, ask = askToReplace } = deps;
  if (files.length === 0) return [];
  announce(t('library.checking', { file: files.map((f) => f.name).join(', ') }));
  const reports: LibraryReport[] = [];
  const added: { entry: LibraryEntry; replaced: boolean }[] = [];
  for (const f of files) {
    const got = await checked(check, f.name, f.content);
    if (!got.ok) {
      reports.push(failed(f, got.problems));
      continue;
    }
    const { entry, result } = got;
    const own = store.getState().actions.ownFileWithId(entry.id);
    // A link never replaces the instructor's own file unasked (the same file again changes nothing, so it is not asked about).
    if (way === 'address' && own && own.entry?.hash !== entry.hash) {
      const replace = await ask({ own: own.file, incoming: f.name, url: f.from ?? f.name, id: entry.id });
      if (!replace) {
        announce(t('library.replace.kept', { file: own.file }));
        continue;
      }
    }
    const replaced = store.getState().catalog.some((e) => e.id === entry.id);
    if (store.getState().actions.addToLibrary(entry, result.text, result.idAt)) added.push({ entry, replaced });
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

/** Reads a chosen or dropped file's bytes and brings it in; a file larger than a scenario may be is refused unread. */
export async function bringLocalFiles(store: AppStore, files: readonly File[], way: Way, deps: LibraryDeps = {}): Promise<string[]> {
  const incoming: IncomingFile[] = [];
  const unreadable: LibraryReport[] = [];
  for (const file of files) {
    if (file.size > MAX_FILE_BYTES) {
      unreadable.push({ file: file.name, added: false, problems: [{ reason: 'tooLarge', params: { file: file.name, limit: MAX_FILE_BYTES / 1048576 } }] });
      continue;
    }
    try {
      incoming.push({ name: file.name, content: new Uint8Array(await file.arrayBuffer()) });
    } catch (e) {
      unreadable.push({ file: file.name, added: false, problems: [{ reason: 'fileUnreadable', params: { file: file.name, detail: errorText(e) } }] });
    }
  }
  if (unreadable.length > 0) store.getState().actions.showLibraryProblems(unreadable);
  return bringFiles(store, incoming, way, deps);
}

/** Checks the remembered files again and puts those that still check back on the list. */
export async function restoreRemembered(store: AppStore, deps: LibraryDeps = {}): Promise<void> {
  const { check = inWorker } = deps;
  const remembered = store.getState().actions.rememberedFiles();
  const reports: LibraryReport[] = [];
  for (const f of remembered) {
    const got = await checked(check, f.file, f.text);
    if (!got.ok) {
      // Checked by an older version of the game, maybe: it stays remembered until the instructor forgets it (offered only when the checker did run).
      const ran = got.problems.every((p) => p.reason !== 'checkerUnavailable');
      reports.push({ file: f.file, added: false, ...(ran && { rememberedId: f.id }), problems: got.problems });
      continue;
    }
    store.getState().actions.addToLibrary(got.entry, null, got.result.idAt);
  }
  if (reports.length > 0) store.getState().actions.showLibraryProblems(reports);
}

/**
 * Brings in the file a `?scenario=` link names: downloaded with its progress in the page and a
 * Cancel button (a cancel changes nothing and is only said), then checked like any file.
 */
export async function bringAddress(store: AppStore, url: URL, deps: LibraryDeps & { readonly download?: Omit<DownloadOptions, 'signal' | 'onProgress'> } = {}): Promise<string[]> {
  const name = fileNameOf(url);
  const panel = showDownload(name, url);
  const downloaded = await downloadScenario(url, { ...deps.download, signal: panel.signal, onProgress: panel.progress }).finally(() => panel.close());
  if (!downloaded.ok) {
    if (downloaded.problem.reason === 'cancelled') announce(t('library.download.cancelled', { file: name }));
    else store.getState().actions.showLibraryProblems([{ file: downloaded.name, from: url.href, added: false, problems: [downloaded.problem] }]);
    return [];
  }
  return bringFiles(store, [{ name: downloaded.name, content: downloaded.bytes, from: url.href }], 'address', deps);
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
    await bringAddress(store, address.url);
  });
}
