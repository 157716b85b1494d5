/**
 * The seat this device last joined, kept in its storage so a reload (or a restarted browser) rejoins
 * the same seat without the key typed again. One game at a time; bounded and checked when read.
 */
import { isRoomCode } from '../../class/roomCode';
import { readSeatKey } from '../../class/protocol';

const STORAGE_KEY = 'cyd.classSeat';

export interface RememberedSeat {
  readonly code: string;
  readonly key: string;
}

export function rememberSeat(code: string, key: string): void {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify({ code, key }));
  } catch {
    // Storage full or refused: the team types the key again after a reload.
  }
}

export function rememberedSeat(): RememberedSeat | null {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    if (!raw || raw.length > 200) return null;
    const value = JSON.parse(raw) as { code?: unknown; key?: unknown };
    const key = readSeatKey(value.key);
    return isRoomCode(value.code) && key ? { code: value.code, key } : null;
  } catch {
    return null;
  }
}

export function forgetSeat(): void {
  try {
    localStorage.removeItem(STORAGE_KEY);
  } catch {
    // Nothing kept to forget.
  }
}
