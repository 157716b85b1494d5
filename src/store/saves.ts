/**
 * Saves in the browser's localStorage, guarded (docs/architecture.md, reliability rules): the raw save is
 * backed up before any overwrite; an unreadable save is moved aside (quarantined) and reported,
 * never silently replaced; a full storage is reported and the game goes on in memory.
 */
import type { CatalogEntry } from './catalog';
import type { LoadedGame, Persistence, SaveProblem } from './persistence';
import { readSaveFile, toSaveFile } from './saveFile';
import type { Session } from './session';
import type { Settings } from './settings';

export const KEYS = {
  game: 'cyd.save',
  backup: 'cyd.save.backup',
  settings: 'cyd.settings',
  quarantinePrefix: 'cyd.quarantine.',
} as const;

function isQuotaError(e: unknown): boolean {
  return e instanceof DOMException && (e.name === 'QuotaExceededError' || e.name === 'NS_ERROR_DOM_QUOTA_REACHED' || e.code === 22);
}

const FULL: SaveProblem = { kind: 'full', reason: 'storageFull', params: {} };

export function storagePersistence(storage: Storage, now: () => Date = () => new Date()): Persistence {
  const write = (key: string, value: string): SaveProblem | null => {
    try {
      storage.setItem(key, value);
      return null;
    } catch (e) {
      if (isQuotaError(e)) return FULL;
      return { kind: 'unavailable', reason: 'storageRefused', params: { detail: (e as Error).message } };
    }
  };

  /** Moves an unreadable save aside under a dated key, so nothing is ever silently lost. */
  const quarantine = (raw: string): string => {
    const key = `${KEYS.quarantinePrefix}${now().toISOString()}`;
    write(key, raw);
    storage.removeItem(KEYS.game);
    return key;
  };

  const saveRaw = (text: string): SaveProblem | null => {
    const previous = storage.getItem(KEYS.game);
    if (previous !== null && previous !== text) {
      // The backup is a courtesy: if it does not fit, the new save matters more.
      if (write(KEYS.backup, previous)) storage.removeItem(KEYS.backup);
    }
    const problem = write(KEYS.game, text);
    if (problem?.kind === 'full' && storage.getItem(KEYS.backup) !== null) {
      storage.removeItem(KEYS.backup);
      return write(KEYS.game, text);
    }
    return problem;
  };

  return {
    loadSettings: () => {
      try {
        const raw = storage.getItem(KEYS.settings);
        return raw === null ? null : (JSON.parse(raw) as unknown);
      } catch {
        return null;
      }
    },
    saveSettings: (settings: Settings) => write(KEYS.settings, JSON.stringify(settings)),
    hasGame: () => storage.getItem(KEYS.game) !== null,
    loadGame: (catalog: readonly CatalogEntry[]): LoadedGame | null => {
      const raw = storage.getItem(KEYS.game);
      if (raw === null) return null;
      const loaded = readSaveFile(raw, catalog);
      if (loaded.ok || loaded.problem.kind === 'scenario-missing') return loaded;
      const keptAs = quarantine(raw);
      const backup = storage.getItem(KEYS.backup);
      const fromBackup = backup === null ? null : readSaveFile(backup, catalog);
      if (fromBackup?.ok) {
        write(KEYS.game, backup!);
        return { ok: false, problem: { ...loaded.problem, keptAs, backupTurn: fromBackup.session.state.turn } };
      }
      return { ok: false, problem: { ...loaded.problem, keptAs } };
    },
    saveGame: (session: Session, entry: CatalogEntry) => saveRaw(JSON.stringify(toSaveFile(session, entry, now().toISOString()))),
    clearGame: () => {
      const raw = storage.getItem(KEYS.game);
      if (raw !== null) write(KEYS.backup, raw);
      storage.removeItem(KEYS.game);
    },
    exportGame: (session: Session, entry: CatalogEntry) => JSON.stringify(toSaveFile(session, entry, now().toISOString()), null, 1),
    importGame: (text: string, catalog: readonly CatalogEntry[]): LoadedGame => {
      // An imported game becomes the autosave; if storage refuses it, it still plays from memory.
      const loaded = readSaveFile(text, catalog);
      if (loaded.ok) saveRaw(text);
      return loaded;
    },
  };
}

/** The browser's storage, or memory when it is unavailable (private modes, disabled storage). */
export function browserStorage(): Storage | null {
  try {
    const s = window.localStorage;
    const probe = 'cyd.probe';
    s.setItem(probe, '1');
    s.removeItem(probe);
    return s;
  } catch {
    return null;
  }
}
