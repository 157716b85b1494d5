/**
 * Where the store keeps things between visits. The browser implementation (saves.ts) guards every
 * write as docs/architecture.md's reliability rules ask; tests use the in-memory one.
 */
import type { Settings } from './settings';
import type { CatalogEntry } from './catalog';
import type { Session } from './session';

/** What exactly went wrong: a key of the translation table's `saves` section (src/i18n), which words it for the player. */
export const SAVE_REASONS = [
  'notJson',
  'notASave',
  'noVersion',
  'newerVersion',
  'cannotUpgrade',
  'noScenario',
  'noSide',
  'badDifficulty',
  'noSeed',
  'badOrders',
  'badDraft',
  'badMode',
  'badClassroom',
  'badLog',
  'stateMismatch',
  'scenarioMissing',
  'scenarioChanged',
  'turnsDamaged',
  'storageFull',
  'storageRefused',
] as const;
export type SaveReason = (typeof SAVE_REASONS)[number];

/** Something the player must be told about their saves; never silent. */
export interface SaveProblem {
  readonly kind: 'unreadable' | 'full' | 'unavailable' | 'scenario-missing' | 'replay-failed';
  readonly reason: SaveReason;
  /** The values the reason's sentence names (a scenario id, a version, the engine's own words). */
  readonly params: Readonly<Record<string, string | number>>;
  /** Where an unreadable save was kept aside (its storage key). */
  readonly keptAs?: string;
  /** The turn of the previous save, offered instead of an unreadable one. */
  readonly backupTurn?: number;
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
        return { ok: false, problem: { kind: 'unreadable', reason: 'notASave', params: {} } };
      }
    },
  };
}
