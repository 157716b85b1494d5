/**
 * A class game's code: six characters a team reads off a projector and types on a phone. No letter
 * or digit that looks like another is used (no 0/O, 1/I/L, 5/S, 2/Z, 8/B), so what is read is what is
 * typed. The code names a game; it is never the only secret (a seat in use needs its own).
 */

export const ROOM_CODE_ALPHABET = '34679ACDEFGHJKMNPQRTUVWXY';
export const ROOM_CODE_LENGTH = 6;
/** Longer input is not a code or a join link (a pasted page, a mistake): refused before it is read. */
const MAX_INPUT = 500;

/** A new code; `pick(n)` returns a uniform integer in [0, n) (the server passes a cryptographic one). */
export function makeRoomCode(pick: (n: number) => number): string {
  let code = '';
  for (let i = 0; i < ROOM_CODE_LENGTH; i++) code += ROOM_CODE_ALPHABET[pick(ROOM_CODE_ALPHABET.length)]!;
  return code;
}

export function isRoomCode(value: unknown): value is string {
  return typeof value === 'string' && value.length === ROOM_CODE_LENGTH && [...value].every((c) => ROOM_CODE_ALPHABET.includes(c));
}

export type ReadCode = { readonly ok: true; readonly code: string } | { readonly ok: false; readonly problem: 'empty' | 'tooLong' | 'length' | 'lookAlike' | 'character' };

const LOOK_ALIKES = new Set([...'0O1IL5S2Z8B']);

/**
 * What a team typed or pasted: the code in any case, with spaces or dashes ("ab3-k7q"), or a join link
 * carrying it (`…?join=AB3K7Q`). A wrong code says what is wrong with it, so the screen can say how to fix it.
 */
export function readRoomCode(input: string): ReadCode {
  if (input.length > MAX_INPUT) return { ok: false, problem: 'tooLong' };
  const link = /[?&#]join=([^&#\s]*)/i.exec(input);
  const text = (link ? link[1]! : input).replace(/[\s-]/g, '').toUpperCase();
  if (text.length === 0) return { ok: false, problem: 'empty' };
  if ([...text].some((c) => LOOK_ALIKES.has(c))) return { ok: false, problem: 'lookAlike' };
  if ([...text].some((c) => !ROOM_CODE_ALPHABET.includes(c))) return { ok: false, problem: 'character' };
  if (text.length !== ROOM_CODE_LENGTH) return { ok: false, problem: 'length' };
  return { ok: true, code: text };
}
