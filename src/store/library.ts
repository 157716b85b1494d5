/**
 * An instructor's own scenarios: the files they loaded in the browser, remembered between visits
 * as their YAML text (not the compiled scenario, which is rebuilt by the current checker at boot),
 * and the problems to show them when a file cannot join the list. No English here: problems are the
 * checker's own words (author-facing, as on the command line) or reasons the interface words.
 */
import type { CatalogEntry } from './catalog';

/** A scenario from an instructor's file, as it sits in the catalog. */
export interface LibraryEntry extends CatalogEntry {
  readonly origin: 'custom';
  /** The file's name as loaded ("my_scenario.yaml"): the list shows it as the instructor's own. */
  readonly file: string;
}

export function isLibraryEntry(entry: CatalogEntry): entry is LibraryEntry {
  return entry.origin === 'custom' && typeof (entry as Partial<LibraryEntry>).file === 'string';
}

/** One remembered file. */
export interface RememberedFile {
  readonly id: string;
  readonly file: string;
  readonly text: string;
}

/** What went wrong beyond the checker's findings: a key of the translation table's `library.reasons`. */
export const LIBRARY_REASONS = [
  'shippedId',
  'storageFull',
  'storageRefused',
  'libraryUnreadable',
  'fileUnreadable',
  'badAddress',
  'fetchFailed',
  'httpStatus',
  'notYaml',
  'tooLarge',
  'timedOut',
  'cancelled',
  'checkerUnavailable',
] as const;
export type LibraryReason = (typeof LIBRARY_REASONS)[number];

/** One problem to show. `message` is the checker's; otherwise `reason` (with `params`) is worded by the interface. */
export interface LibraryProblem {
  /** Where in the file (1-based); absent for a problem with the file as a whole (a download that failed). */
  readonly line?: number;
  readonly col?: number;
  readonly message?: string;
  readonly reason?: LibraryReason;
  readonly params?: Readonly<Record<string, string | number>>;
  /** The file's line it points at, shown with a caret under `sourceCol`. */
  readonly source?: string;
  readonly sourceCol?: number;
  /** The lines around it (src/scenario/browser.ts), its own marked: shown so a slip of indentation can be seen. */
  readonly excerpt?: readonly { readonly line: number; readonly text: string; readonly marked: boolean }[];
}

/** The problems of one file. */
export interface LibraryReport {
  readonly file: string;
  /** The address it was fetched from (?scenario=URL), if it was. */
  readonly from?: string;
  readonly problems: readonly LibraryProblem[];
  /** True when the file did join the list (e.g. it could not be remembered, but plays this visit). */
  readonly added: boolean;
  /** Set when a remembered file no longer checks: the dialog offers to forget it. */
  readonly rememberedId?: string;
}

/** Where remembered files are kept (localStorage in the browser, memory in tests). */
export interface LibraryShelf {
  files(): readonly RememberedFile[];
  /** Remembers a file, replacing one with the same id; null when it was written. */
  remember(file: RememberedFile): LibraryReason | null;
  forget(id: string): LibraryReason | null;
  /** True when what was stored could not be read (it is kept aside, never overwritten). */
  damaged(): boolean;
}

export const LIBRARY_KEY = 'cyd.library';
/** Where an unreadable library is moved before anything new is written. */
export const LIBRARY_UNREADABLE_KEY = 'cyd.library.unreadable';
const LIBRARY_FORMAT = 'close-yet-distant/library';

function isQuotaError(e: unknown): boolean {
  return e instanceof DOMException && (e.name === 'QuotaExceededError' || e.name === 'NS_ERROR_DOM_QUOTA_REACHED' || e.code === 22);
}

function isRemembered(v: unknown): v is RememberedFile {
  if (v === null || typeof v !== 'object') return false;
  const r = v as Record<string, unknown>;
  return typeof r.id === 'string' && typeof r.file === 'string' && typeof r.text === 'string';
}

/** Reads the stored list: null when there is none, 'damaged' when it cannot be read. */
function readShelf(raw: string | null): RememberedFile[] | null | 'damaged' {
  if (raw === null) return null;
  try {
    const parsed = JSON.parse(raw) as unknown;
    if (parsed === null || typeof parsed !== 'object') return 'damaged';
    const { format, version, files } = parsed as Record<string, unknown>;
    if (format !== LIBRARY_FORMAT || version !== 1 || !Array.isArray(files) || !files.every(isRemembered)) return 'damaged';
    return files;
  } catch {
    return 'damaged';
  }
}

/** The list kept in `storage` under `cyd.library`, as `{format, version: 1, files: [{id, file, text}]}`. */
export function storageShelf(storage: Storage): LibraryShelf {
  const read = (): RememberedFile[] | 'damaged' => readShelf(storage.getItem(LIBRARY_KEY)) ?? [];
  const write = (files: readonly RememberedFile[]): LibraryReason | null => {
    const current = storage.getItem(LIBRARY_KEY);
    try {
      // Never overwrite what could not be read: keep it aside first, once.
      if (current !== null && readShelf(current) === 'damaged' && storage.getItem(LIBRARY_UNREADABLE_KEY) === null) storage.setItem(LIBRARY_UNREADABLE_KEY, current);
      if (files.length === 0) storage.removeItem(LIBRARY_KEY);
      else storage.setItem(LIBRARY_KEY, JSON.stringify({ format: LIBRARY_FORMAT, version: 1, files }));
      return null;
    } catch (e) {
      return isQuotaError(e) ? 'storageFull' : 'storageRefused';
    }
  };
  const list = (): RememberedFile[] => {
    const files = read();
    return files === 'damaged' ? [] : files;
  };
  return {
    files: list,
    remember: (file) => write([...list().filter((f) => f.id !== file.id), file]),
    forget: (id) => {
      const files = list();
      return files.some((f) => f.id === id) ? write(files.filter((f) => f.id !== id)) : null;
    },
    damaged: () => read() === 'damaged',
  };
}

/** Keeps remembered files in memory: for tests, and when the browser offers no storage. */
export function memoryShelf(initial: readonly RememberedFile[] = []): LibraryShelf {
  let files = [...initial];
  return {
    files: () => files,
    remember: (file) => {
      files = [...files.filter((f) => f.id !== file.id), file];
      return null;
    },
    forget: (id) => {
      files = files.filter((f) => f.id !== id);
      return null;
    },
    damaged: () => false,
  };
}

export type Admission =
  { readonly ok: true; readonly catalog: readonly CatalogEntry[]; readonly replaced: boolean; readonly report: LibraryReport | null } | { readonly ok: false; readonly report: LibraryReport };

/**
 * Where a checked file goes. Its id names it in saves, so it must be unique in the catalog: a shipped
 * scenario's id is refused (a class must always get the shipped scenario it asks for), while an
 * earlier copy of the instructor's own file with the same id is replaced (they are editing it).
 * `text` is remembered for next time; null when it came from the shelf itself (at boot).
 */
export function admit(catalog: readonly CatalogEntry[], entry: LibraryEntry, text: string | null, shelf: LibraryShelf, idAt: LibraryProblem = {}): Admission {
  const clash = catalog.find((e) => e.id === entry.id);
  if (clash && clash.origin !== 'custom') {
    const report: LibraryReport = { file: entry.file, added: false, problems: [{ ...idAt, reason: 'shippedId', params: { id: entry.id, file: entry.file } }] };
    // A remembered file whose id a newer version of the game now ships: offer to forget it.
    return { ok: false, report: text === null ? { ...report, rememberedId: entry.id } : report };
  }
  const next = clash ? catalog.map((e) => (e.id === entry.id ? entry : e)) : [...catalog, entry];
  const problem = text === null ? null : shelf.remember({ id: entry.id, file: entry.file, text });
  const report: LibraryReport | null = problem ? { file: entry.file, added: true, problems: [{ reason: problem, params: { file: entry.file } }] } : null;
  return { ok: true, catalog: next, replaced: clash !== undefined, report };
}

/**
 * The instructor's own file that a file with this id would replace: on the list, or remembered only
 * (one that no longer checks). Null when there is none. A file from a link (`?scenario=`) must not
 * replace it without asking: a link can be anyone's, the remembered file is the instructor's work.
 */
export function ownFileWithId(catalog: readonly CatalogEntry[], shelf: LibraryShelf, id: string): { readonly file: string; readonly entry?: LibraryEntry } | null {
  const entry = catalog.find((e): e is LibraryEntry => e.id === id && isLibraryEntry(e));
  if (entry) return { file: entry.file, entry };
  const remembered = shelf.files().find((f) => f.id === id);
  return remembered ? { file: remembered.file } : null;
}
