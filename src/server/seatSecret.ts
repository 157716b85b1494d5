/**
 * A seat's key: what proves a device holds a seat in a class game (the code only names the game).
 * It travels in the seat's join link and QR code and stays in the device's storage; a team without
 * the link types it, so it uses the room code's alphabet (no look-alikes). Ten characters of 25 are
 * 46 bits: with the server refusing more than a few wrong keys a minute, guessing one takes longer
 * than any class. The store keeps only its hash, so a copied database does not let anyone take a seat.
 */
import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import { ROOM_CODE_ALPHABET } from '../class/roomCode';
import { readSeatKey, SEAT_KEY_LENGTH } from '../class/protocol';

export function newSeatSecret(): string {
  let key = '';
  for (let i = 0; i < SEAT_KEY_LENGTH; i++) key += ROOM_CODE_ALPHABET[randomInt(ROOM_CODE_ALPHABET.length)]!;
  return key;
}

export function hashSeatSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** Does `offered` (from a device: anything) match the stored hash? In constant time, after the same reading a typed key gets. */
export function seatSecretMatches(offered: unknown, storedHash: string): boolean {
  const key = readSeatKey(offered);
  if (key === null) return false;
  const a = Buffer.from(hashSeatSecret(key), 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}
