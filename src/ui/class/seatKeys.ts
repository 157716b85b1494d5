/**
 * The keys this device remembers in its storage, so a reload (or a restarted browser) goes back in
 * without the key typed again: the seat it last joined, and the class it instructs. One of each at
 * a time; bounded and checked when read (storage is anyone's to edit).
 */
import { isRoomCode } from '../../class/roomCode';
import { readSeatKey } from '../../class/protocol';

export interface RememberedKey {
  readonly code: string;
  readonly key: string;
}
export type RememberedSeat = RememberedKey;

export interface KeyShelf {
  readonly remember: (code: string, key: string) => void;
  /** The code and key kept, or null when none is (or what is kept cannot be one). */
  readonly recall: () => RememberedKey | null;
  readonly forget: () => void;
}

/** One code and its key under `storageKey`. Keys are read as a seat key is (the class's instructor key is made the same way). */
export function keyShelf(storageKey: string): KeyShelf {
  return {
    remember: (code, key) => {
      try {
        localStorage.setItem(storageKey, JSON.stringify({ code, key }));
      } catch {
        // Storage full or refused: the key is typed again after a reload.
      }
    },
    recall: () => {
      try {
        const raw = localStorage.getItem(storageKey);
        if (!raw || raw.length > 200) return null;
        const value = JSON.parse(raw) as { code?: unknown; key?: unknown };
        const key = readSeatKey(value.key);
        return isRoomCode(value.code) && key ? { code: value.code, key } : null;
      } catch {
        return null;
      }
    },
    forget: () => {
      try {
        localStorage.removeItem(storageKey);
      } catch {
        // Nothing kept to forget.
      }
    },
  };
}

const seat = keyShelf('cyd.classSeat');
export const rememberSeat = seat.remember;
export const rememberedSeat = seat.recall;
export const forgetSeat = seat.forget;

/** The class this device instructs: its code and instructor key, so a reload reopens its dashboard. */
export const instructorKeys = keyShelf('cyd.classInstructor');
