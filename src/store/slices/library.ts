/**
 * The library slice: the scenario catalog (the shipped scenarios and an instructor's own files),
 * the files the library remembers between visits, and the problems of files that could not join.
 * What a file may be and where it goes is src/store/library.ts (admit); this slice keeps the list.
 */
import type { CatalogEntry } from '../catalog';
import { admit, isLibraryEntry, ownFileWithId, type LibraryEntry, type LibraryProblem, type LibraryReport, type RememberedFile } from '../library';
import type { AppState, Kit, Slice } from './kit';

export interface LibraryState {
  readonly catalog: readonly CatalogEntry[];
  /** Have the shipped scenarios arrived (the scenario list and Continue wait for them)? */
  readonly catalogReady: boolean;
  /** Scenario files an instructor loaded that could not join the list (or only for this visit): the library dialog shows them; empty when none. */
  readonly libraryProblems: readonly LibraryReport[];
}

export interface LibraryActions {
  /** The scenarios, once the loading screen has fetched and compiled them. */
  setCatalog(catalog: readonly CatalogEntry[]): void;
  /**
   * An instructor's checked file joins the list and is remembered (its text; null when it comes from
   * the library itself at boot). A shipped scenario's id is refused, an earlier copy of the same id is
   * replaced (src/store/library.ts, admit). False when refused; the reason is in libraryProblems.
   * `idAt` locates the file's `id:` for that reason.
   */
  addToLibrary(entry: LibraryEntry, text: string | null, idAt?: LibraryProblem): boolean;
  /** The instructor's own file (listed, or remembered only) a file with this id would replace; null when none (src/store/library.ts). */
  ownFileWithId(id: string): { readonly file: string; readonly entry?: LibraryEntry } | null;
  /** Takes an instructor's file off the list and forgets it. */
  removeFromLibrary(id: string): void;
  /** The files the library remembers (their text), to check and compile at boot. */
  rememberedFiles(): readonly RememberedFile[];
  showLibraryProblems(reports: readonly LibraryReport[]): void;
  dismissLibraryProblems(): void;
}

export function librarySlice(kit: Kit, catalog: readonly CatalogEntry[]): Slice<LibraryState, LibraryActions> {
  const { set, get, shelf } = kit;
  return {
    state: {
      catalog,
      catalogReady: catalog.length > 0,
      // A stored list that cannot be read is kept as it was (library.ts) and said at once.
      libraryProblems: shelf.damaged() ? [{ file: '', added: false, problems: [{ reason: 'libraryUnreadable' }] }] : [],
    },
    actions: {
      setCatalog: (next) => set({ catalog: next, catalogReady: true }),
      addToLibrary: (entry, text, idAt) => {
        const admitted = admit(get().catalog, entry, text, shelf, idAt);
        const report = admitted.report;
        set((s) => ({ ...(admitted.ok && { catalog: admitted.catalog }), ...(report && { libraryProblems: [...s.libraryProblems, report] }) }));
        return admitted.ok;
      },
      ownFileWithId: (id) => ownFileWithId(get().catalog, shelf, id),
      removeFromLibrary: (id) => {
        // A remembered file that no longer checks is not in the catalog, but can still be forgotten.
        const entry = selectEntry(get(), id);
        if (entry && entry.origin !== 'custom') return;
        const file = shelf.files().find((f) => f.id === id)?.file ?? id;
        const problem = shelf.forget(id);
        set((s) => ({
          catalog: s.catalog.filter((c) => c !== entry),
          pick: s.pick.scenarioId === id ? { ...s.pick, scenarioId: null } : s.pick,
          ...(problem && { libraryProblems: [...s.libraryProblems, { file, added: false, problems: [{ reason: problem, params: { file } }] }] }),
        }));
      },
      rememberedFiles: () => shelf.files(),
      showLibraryProblems: (reports) => set((s) => ({ libraryProblems: [...s.libraryProblems, ...reports] })),
      dismissLibraryProblems: () => set({ libraryProblems: [] }),
    },
  };
}

// Selectors.

/** The catalog's scenario with this id. */
export function selectEntry(state: AppState, id: string): CatalogEntry | undefined {
  return state.catalog.find((e) => e.id === id);
}

/** The instructor's own files in the list, in the order they joined. */
export function selectLibraryEntries(state: AppState): LibraryEntry[] {
  return state.catalog.filter(isLibraryEntry);
}
