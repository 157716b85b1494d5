/**
 * A seat's secret: what proves a device holds a seat in a class game (the code only names the game).
 * It travels in the seat's join link and stays in the device's storage; the store keeps only its hash,
 * so a copied database does not let anyone take a seat.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** 128 bits, URL-safe (it goes in a link and a QR code). */
export function newSeatSecret(): string {
  return randomBytes(16).toString('base64url');
}

export function hashSeatSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** Longer than any secret we make: refused before it is hashed. */
const MAX_SECRET = 64;

/** Does `offered` (from a device: anything) match the stored hash? In constant time. */
export function seatSecretMatches(offered: unknown, storedHash: string): boolean {
  if (typeof offered !== 'string' || offered.length === 0 || offered.length > MAX_SECRET) return false;
  const a = Buffer.from(hashSeatSecret(offered), 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}
