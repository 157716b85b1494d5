/**
 * Where the store keeps things between visits. The browser implementation (saves.ts) guards every
 * write as DESIGN.md's reliability rules ask; tests use the in-memory one.
 */
import type { Settings } from './settings';
import type { CatalogEntry } from './catalog';
import type { Session } from './session';

/** Something the player must be told about their saves; never silent. */
export interface SaveProblem {
  readonly kind: 'unreadable' | 'full' | 'unavailable' | 'scenario-missing' | 'replay-failed';
  /** A sentence for the player: what happened and what was done with the save. */
  readonly message: string;
}

export type LoadedGame = { readonly ok: true; readonly session: Session } | { readonly ok: false; readonly problem: SaveProblem };

export interface Persistence {
  loadSettings(): unknown;
  saveSettings(settings: Settings): SaveProblem | null;
  /** Is there an autosaved game to continue? */
  hasGame(): boolean;
  /** Reads the autosave back; an unreadable save is kept aside (quarantined) and reported. */
  loadGame(catalog: readonly CatalogEntry[]): LoadedGame | null;
  saveGame(session: Session, entry: CatalogEntry): SaveProblem | null;
  clearGame(): void;
  /** The game as a save file's text, for the player to keep. */
  exportGame(session: Session, entry: CatalogEntry): string;
  /** Reads a save file the player picked; on success it also becomes the autosave. */
  importGame(text: string, catalog: readonly CatalogEntry[]): LoadedGame;
}

/** Keeps everything in memory: for tests, and when the browser offers no storage. */
export function memoryPersistence(): Persistence {
  let settings: unknown = null;
  let game: Session | null = null;
  return {
    loadSettings: () => settings,
    saveSettings: (s) => {
      settings = s;
      return null;
    },
    hasGame: () => game !== null,
    loadGame: () => (game ? { ok: true, session: game } : null),
    saveGame: (session) => {
      game = session;
      return null;
    },
    clearGame: () => {
      game = null;
    },
    exportGame: (session) => JSON.stringify(session),
    importGame: (text) => {
      try {
        game = JSON.parse(text) as Session;
        return { ok: true, session: game };
      } catch {
        return { ok: false, problem: { kind: 'unreadable', message: 'That file is not a save of this game.' } };
      }
    },
  };
}
