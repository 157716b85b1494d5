/**
 * Saves in the browser's localStorage, guarded (docs/architecture.md, reliability rules): every
 * write is read back before it counts; the last save of each turn is kept as a dated backup (the
 * newest few, restorable from the title) before the next turn overwrites it; an unreadable
 * save is copied aside (quarantined), and removed only once the copy is confirmed; a full storage is
 * reported and the game goes on in memory; and a tab whose game is older than the stored one (another
 * tab played on) never overwrites it, and says so.
 */
import type { CatalogEntry } from './catalog';
import type { Clock } from './clock';
import type { BackupInfo, LoadedGame, Persistence, SaveProblem } from './persistence';
import { readSaveFile, toSaveFile } from './saveFile';
import type { Session } from './session';
import type { Settings } from './settings';

export const KEYS = {
  game: 'cyd.save',
  /** The single backup of saves before version 3's dated ones: still listed and restorable. */
  backup: 'cyd.save.backup',
  /** Dated backups, `cyd.backup.<ISO time>`: the last save of each turn played, newest MAX_BACKUPS kept. */
  backupPrefix: 'cyd.backup.',
  settings: 'cyd.settings',
  quarantinePrefix: 'cyd.quarantine.',
} as const;

/** Enough to step back over a few bad turns, few enough that backups never crowd out the game itself. */
export const MAX_BACKUPS = 5;

function isQuotaError(e: unknown): boolean {
  return e instanceof DOMException && (e.name === 'QuotaExceededError' || e.name === 'NS_ERROR_DOM_QUOTA_REACHED' || e.code === 22);
}

const FULL: SaveProblem = { kind: 'full', reason: 'storageFull', params: {} };
const STALE: SaveProblem = { kind: 'stale', reason: 'staleTab', params: {} };

/** Which game a stored save is, and how many times it has been written: what a tab compares before it writes. */
interface Written {
  readonly seed: string;
  readonly revision: number;
}

/** The seed and revision of stored save text, without replaying it; null when it has none (unreadable, or an older version). */
function writtenOf(text: string | null): Written | null {
  if (text === null) return null;
  try {
    const raw = JSON.parse(text) as { seed?: unknown; revision?: unknown };
    return typeof raw.seed === 'string' ? { seed: raw.seed, revision: typeof raw.revision === 'number' ? raw.revision : 0 } : null;
  } catch {
    return null;
  }
}

const sameWritten = (a: Written | null, b: Written | null): boolean => a?.seed === b?.seed && a?.revision === b?.revision;

/** Which game and turn stored save text is at; null when it cannot tell (unreadable). */
function placeOf(text: string): { seed: string; turn: number; savedAt: string; scenarioId: string; mode: string } | null {
  try {
    const raw = JSON.parse(text) as { seed?: unknown; savedAt?: unknown; mode?: unknown; scenario?: { id?: unknown }; state?: { turn?: unknown } };
    if (typeof raw.seed !== 'string' || typeof raw.state?.turn !== 'number') return null;
    return {
      seed: raw.seed,
      turn: raw.state.turn,
      savedAt: typeof raw.savedAt === 'string' ? raw.savedAt : '',
      scenarioId: typeof raw.scenario?.id === 'string' ? raw.scenario.id : '',
      mode: typeof raw.mode === 'string' ? raw.mode : '',
    };
  } catch {
    return null;
  }
}

export function storagePersistence(storage: Storage, now: () => Date = () => new Date()): Persistence {
  /** The save as this tab last read or wrote it; null before it has touched one. */
  let mine: Written | null = null;

  /** Writes and reads back: a write the browser did not keep is a problem, never a silent loss. */
  const write = (key: string, value: string): SaveProblem | null => {
    try {
      storage.setItem(key, value);
    } catch (e) {
      if (isQuotaError(e)) return FULL;
      return { kind: 'unavailable', reason: 'storageRefused', params: { detail: (e as Error).message } };
    }
    try {
      if (storage.getItem(key) === value) return null;
    } catch {
      // Reading back failed: the write cannot be trusted either.
    }
    return { kind: 'unavailable', reason: 'writeNotKept', params: {} };
  };

  /** Copies an unreadable save aside under a dated key and removes the original only once the copy reads back; null when it could not be copied (it is then left in place). */
  const quarantine = (raw: string): string | null => {
    const key = `${KEYS.quarantinePrefix}${now().toISOString()}`;
    if (write(key, raw)) {
      storage.removeItem(key);
      return null;
    }
    storage.removeItem(KEYS.game);
    return key;
  };

  /** The backups' keys, oldest first (the ISO times in the keys sort as dates; the old single backup is older than any). */
  const backupKeys = (): string[] => {
    const keys: string[] = [];
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i);
      if (key !== null && key.startsWith(KEYS.backupPrefix)) keys.push(key);
    }
    keys.sort();
    return storage.getItem(KEYS.backup) === null ? keys : [KEYS.backup, ...keys];
  };

  /** Keeps text as the newest backup, making room by dropping the oldest; false when it could not be kept. */
  const addBackup = (text: string): boolean => {
    let key = `${KEYS.backupPrefix}${now().toISOString()}`;
    for (let n = 2; storage.getItem(key) !== null; n++) key = `${KEYS.backupPrefix}${now().toISOString()}~${n}`;
    for (;;) {
      const problem = write(key, text);
      if (!problem) break;
      storage.removeItem(key);
      const oldest = backupKeys()[0];
      if (problem.kind !== 'full' || oldest === undefined) return false;
      storage.removeItem(oldest);
    }
    // Pruned only once the new one is confirmed.
    const keys = backupKeys();
    for (const old of keys.slice(0, Math.max(0, keys.length - MAX_BACKUPS))) storage.removeItem(old);
    return true;
  };

  const saveRaw = (text: string): SaveProblem | null => {
    const previous = storage.getItem(KEYS.game);
    if (previous !== null && previous !== text) {
      // One backup per turn, the turn's last save, taken as the game moves on (or another game replaces it).
      // Never one from inside a turn: in a hot-seat session that would keep the first team's choices in the
      // clear after it sealed them. A backup is a courtesy: if it does not fit, the new save matters more.
      const before = placeOf(previous);
      const next = placeOf(text);
      if (before === null || next === null || before.seed !== next.seed || before.turn !== next.turn) addBackup(previous);
    }
    let problem = write(KEYS.game, text);
    // Full: backups give way to the game, oldest first.
    for (let oldest = backupKeys()[0]; problem?.kind === 'full' && oldest !== undefined; oldest = backupKeys()[0]) {
      storage.removeItem(oldest);
      problem = write(KEYS.game, text);
    }
    return problem;
  };

  /** Another tab wrote the save since this one last did: this tab has touched a save, and the stored one is not it. */
  const isStale = (): boolean => mine !== null && !sameWritten(writtenOf(storage.getItem(KEYS.game)), mine);

  const saveGame = (session: Session, entry: CatalogEntry, clock: Clock | null = null): SaveProblem | null => {
    // A game of this tab's, overtaken elsewhere: refused, so the newer one is kept. A new game in this tab may replace what is stored (it was the player's choice).
    if (mine !== null && mine.seed === session.seed && isStale()) return STALE;
    const revision = (mine?.seed === session.seed ? mine.revision : (writtenOf(storage.getItem(KEYS.game))?.revision ?? 0)) + 1;
    const problem = saveRaw(JSON.stringify(toSaveFile(session, entry, now().toISOString(), { clock, revision })));
    if (!problem) mine = { seed: session.seed, revision };
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
    isStale,
    loadGame: (catalog: readonly CatalogEntry[]): LoadedGame | null => {
      const raw = storage.getItem(KEYS.game);
      if (raw === null) return null;
      const loaded = readSaveFile(raw, catalog);
      if (loaded.ok) mine = { seed: loaded.session.seed, revision: loaded.extras.revision };
      if (loaded.ok || loaded.problem.kind === 'scenario-missing') return loaded;
      const keptAs = quarantine(raw);
      // Left in place, the damaged save is not overwritten by the backup: the player is told to free space first.
      if (keptAs === null) return { ok: false, problem: { ...loaded.problem, keptAs } };
      // The newest backup that reads, in its place; it stays listed as a backup too.
      for (const key of backupKeys().reverse()) {
        const backup = storage.getItem(key)!;
        const fromBackup = readSaveFile(backup, catalog);
        if (!fromBackup.ok) continue;
        if (!write(KEYS.game, backup)) return { ok: false, problem: { ...loaded.problem, keptAs, backupTurn: fromBackup.session.state.turn } };
        break;
      }
      return { ok: false, problem: { ...loaded.problem, keptAs } };
    },
    saveGame,
    clearGame: () => {
      const raw = storage.getItem(KEYS.game);
      // Removed only once its backup reads back.
      if (raw !== null && addBackup(raw)) storage.removeItem(KEYS.game);
      mine = null;
    },
    backups: () =>
      backupKeys()
        .reverse()
        .flatMap((key): BackupInfo[] => {
          const place = placeOf(storage.getItem(key) ?? '');
          return place ? [{ key, savedAt: place.savedAt, scenarioId: place.scenarioId, turn: place.turn, mode: place.mode }] : [];
        }),
    restoreBackup: (key: string, catalog: readonly CatalogEntry[]): LoadedGame => {
      const text = key === KEYS.backup || key.startsWith(KEYS.backupPrefix) ? storage.getItem(key) : null;
      if (text === null) return { ok: false, problem: { kind: 'unreadable', reason: 'notASave', params: {} } };
      const loaded = readSaveFile(text, catalog);
      if (!loaded.ok) return loaded;
      // The game it replaces becomes a backup first: restoring never loses the game that was there.
      const current = storage.getItem(KEYS.game);
      if (current !== null && current !== text && !addBackup(current)) return { ok: false, problem: FULL };
      const problem = write(KEYS.game, text);
      if (problem) return { ok: false, problem };
      mine = { seed: loaded.session.seed, revision: loaded.extras.revision };
      return loaded;
    },
    exportGame: (session: Session, entry: CatalogEntry, clock: Clock | null = null) =>
      JSON.stringify(toSaveFile(session, entry, now().toISOString(), { clock, revision: mine?.seed === session.seed ? mine.revision : 0 }), null, 1),
    importGame: (text: string, catalog: readonly CatalogEntry[]): LoadedGame => {
      // An imported game becomes the autosave (the player chose it); if storage refuses it, it still plays from memory.
      const loaded = readSaveFile(text, catalog);
      if (loaded.ok) {
        mine = null;
        saveGame(
          loaded.session,
          catalog.find((e) => e.id === loaded.session.scenarioId)!,
          loaded.extras.clock,
        );
      }
      return loaded;
    },
  };
}

/** What the page can keep saves in, and what to tell the player at once when it cannot keep them. */
export interface BrowserStorage {
  /** null: no storage at all (private modes, turned off); the game keeps everything in memory. */
  readonly storage: Storage | null;
  readonly problem: SaveProblem | null;
}

/** The browser's storage: unavailable (memory only, said), full (read as usual, said), or fine. */
export function browserStorage(): BrowserStorage {
  let s: Storage;
  try {
    s = window.localStorage;
  } catch (e) {
    return { storage: null, problem: { kind: 'unavailable', reason: 'storageUnavailable', params: { detail: (e as Error).message } } };
  }
  try {
    const probe = 'cyd.probe';
    s.setItem(probe, '1');
    s.removeItem(probe);
    return { storage: s, problem: null };
  } catch (e) {
    // Full: what is saved can still be read (Continue, remembered files), but nothing new will be kept.
    if (isQuotaError(e)) return { storage: s, problem: FULL };
    return { storage: null, problem: { kind: 'unavailable', reason: 'storageUnavailable', params: { detail: (e as Error).message } } };
  }
}
