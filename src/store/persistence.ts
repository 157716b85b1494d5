/**
 * Where the store keeps things between visits. The browser implementation (saves.ts) guards every
 * write as docs/architecture.md's reliability rules ask; tests use the in-memory one.
 */
import type { Settings } from './settings';
import type { CatalogEntry } from './catalog';
import type { Session } from './session';
import type { Clock } from './clock';
import type { ReadExtras } from './saveFile';

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
  'storageUnavailable',
  'writeNotKept',
  'badChecksum',
  'staleTab',
  'choicesDropped',
  'notKeptAside',
  'sealedLocked',
  'turnRefused',
] as const;
export type SaveReason = (typeof SAVE_REASONS)[number];

/** Something the player must be told about their saves; never silent. */
export interface SaveProblem {
  /** stale: another tab saved this game (or another) since this tab last did; this tab no longer writes. notice: said, nothing is wrong with the save. */
  readonly kind: 'unreadable' | 'full' | 'unavailable' | 'scenario-missing' | 'replay-failed' | 'stale' | 'notice';
  readonly reason: SaveReason;
  /** The values the reason's sentence names (a scenario id, a version, the engine's own words). */
  readonly params: Readonly<Record<string, string | number>>;
  /** Where an unreadable save was kept aside (its storage key); null when it could not be, and was left in place. */
  readonly keptAs?: string | null;
  /** The turn of the previous save, offered instead of an unreadable one. */
  readonly backupTurn?: number;
}

/** A backup as the title lists it (src/store/saves.ts keeps them), read without replaying it. */
export interface BackupInfo {
  readonly key: string;
  readonly savedAt: string;
  readonly scenarioId: string;
  readonly turn: number;
  readonly mode: string;
}

export type LoadedGame = { readonly ok: true; readonly session: Session; readonly extras: ReadExtras } | { readonly ok: false; readonly problem: SaveProblem };

/** What a save read back says beside the game when it says nothing more. */
export const NO_EXTRAS: ReadExtras = Object.freeze({ clock: null, revision: 0, dropped: [] });

export interface Persistence {
  loadSettings(): unknown;
  saveSettings(settings: Settings): SaveProblem | null;
  /** Is there an autosaved game to continue? */
  hasGame(): boolean;
  /** Reads the autosave back; an unreadable save is kept aside (quarantined) and reported. */
  loadGame(catalog: readonly CatalogEntry[]): LoadedGame | null;
  /** Writes the autosave (with the team's clock); refused, and said, when another tab has saved since this one last did. */
  saveGame(session: Session, entry: CatalogEntry, clock?: Clock | null): SaveProblem | null;
  /** Has another tab saved since this one last read or wrote the game? */
  isStale(): boolean;
  clearGame(): void;
  /** The dated backups (the last save of each recent turn), newest first. */
  backups(): readonly BackupInfo[];
  /** Makes a backup the autosave, keeping the game it replaces as a backup; said when it cannot. */
  restoreBackup(key: string, catalog: readonly CatalogEntry[]): LoadedGame;
  /** The game as a save file's text, for the player to keep. */
  exportGame(session: Session, entry: CatalogEntry, clock?: Clock | null): string;
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
    loadGame: () => (game ? { ok: true, session: game, extras: NO_EXTRAS } : null),
    saveGame: (session) => {
      game = session;
      return null;
    },
    isStale: () => false,
    clearGame: () => {
      game = null;
    },
    backups: () => [],
    restoreBackup: () => ({ ok: false, problem: { kind: 'unreadable', reason: 'notASave', params: {} } }),
    exportGame: (session) => JSON.stringify(session),
    importGame: (text) => {
      try {
        game = JSON.parse(text) as Session;
        return { ok: true, session: game, extras: NO_EXTRAS };
      } catch {
        return { ok: false, problem: { kind: 'unreadable', reason: 'notASave', params: {} } };
      }
    },
  };
}
