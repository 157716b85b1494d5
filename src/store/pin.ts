/**
 * The instructor's PIN and the sealed orders it guards (WebCrypto, in the page and in Node alike).
 * A save never holds the PIN: it holds a salted PBKDF2 hash of it, and a key pair made when the
 * session began. A team's sealed orders are encrypted to the pair's public key, so sealing needs no
 * PIN; opening them again after a reload needs the private key, which the save keeps only wrapped
 * (encrypted) under a key derived from the PIN. A 4-to-8-digit PIN is few guesses for a program
 * that reads the hash; the delay after wrong tries (PinGuard) is what stops guessing at the panel.
 */
import type { SideOrders } from '../engine';

export interface PinLock {
  /** Base64 of the random salt. */
  readonly salt: string;
  readonly iterations: number;
  /** Base64 of the first half of PBKDF2-SHA-256(PIN, salt): what a PIN typed is compared with. */
  readonly hash: string;
  /** The public half of the session's key pair (JWK, RSA-OAEP), which sealed orders are encrypted to. */
  readonly sealTo: JsonWebKey;
  /** The private half, wrapped with AES-GCM under the second half of the PBKDF2 bits (base64), and its IV. */
  readonly opener: { readonly iv: string; readonly data: string };
}

/** A team's sealed orders as a save keeps them: AES-GCM under a one-off key, that key wrapped to the session's public key. */
export interface LockedOrders {
  readonly key: string;
  readonly iv: string;
  readonly data: string;
}

/** Wrong PIN tries so far, and when (ms on the store's clock, which is the wall clock in a browser) the next may be made. */
export interface PinGuard {
  readonly failures: number;
  readonly waitUntil: number;
}

export const NO_GUARD: PinGuard = Object.freeze({ failures: 0, waitUntil: 0 });

/** Tries before any wait, and the longest wait: 5 s after the third wrong try, doubling, at most 5 minutes. */
const FREE_TRIES = 3;
const MAX_WAIT_MS = 300_000;
export const PIN_ITERATIONS = 100_000;

/** The guard after one more wrong try at `now`. */
export function afterWrongTry(guard: PinGuard, now: number): PinGuard {
  const failures = guard.failures + 1;
  const waitMs = failures < FREE_TRIES ? 0 : Math.min(MAX_WAIT_MS, 5000 * 2 ** (failures - FREE_TRIES));
  return { failures, waitUntil: now + waitMs };
}

/** Milliseconds before the next try may be made (0: now). */
export function waitLeftMs(guard: PinGuard | undefined, now: number): number {
  return guard ? Math.max(0, guard.waitUntil - now) : 0;
}

const subtle = (): SubtleCrypto => globalThis.crypto.subtle;
const RSA: RsaHashedKeyGenParams = { name: 'RSA-OAEP', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' };

function toBase64(bytes: ArrayBuffer | Uint8Array): string {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  let text = '';
  for (const b of view) text += String.fromCharCode(b);
  return btoa(text);
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const raw = atob(text);
  const bytes = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  return bytes;
}

const randomBytes = (n: number): Uint8Array<ArrayBuffer> => globalThis.crypto.getRandomValues(new Uint8Array(n));

/** The two halves of PBKDF2-SHA-256(pin, salt): the hash a PIN is checked against, and the key that wraps the private key. */
async function derive(pin: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<{ hash: string; wrapping: CryptoKey }> {
  const material = await subtle().importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, ['deriveBits']);
  const bits = new Uint8Array(await subtle().deriveBits({ name: 'PBKDF2', salt, iterations, hash: 'SHA-256' }, material, 512));
  const wrapping = await subtle().importKey('raw', bits.slice(32), 'AES-GCM', false, ['wrapKey', 'unwrapKey']);
  return { hash: toBase64(bits.slice(0, 32)), wrapping };
}

/** Same length, same bytes, compared without stopping at the first difference. */
function sameText(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

/** A new lock for `pin`, and the private key that opens what is sealed under it (kept in memory only). */
export async function lockWithPin(pin: string, iterations = PIN_ITERATIONS): Promise<{ lock: PinLock; opener: CryptoKey }> {
  const salt = randomBytes(16);
  const { hash, wrapping } = await derive(pin, salt, iterations);
  const pair = await subtle().generateKey(RSA, true, ['wrapKey', 'unwrapKey']);
  const iv = randomBytes(12);
  const wrapped = await subtle().wrapKey('pkcs8', pair.privateKey, wrapping, { name: 'AES-GCM', iv });
  const sealTo = await subtle().exportKey('jwk', pair.publicKey);
  return { lock: { salt: toBase64(salt), iterations, hash, sealTo, opener: { iv: toBase64(iv), data: toBase64(wrapped) } }, opener: pair.privateKey };
}

/** The private key when `pin` is the lock's PIN; null when it is not (or the lock is damaged). */
export async function openWithPin(lock: PinLock, pin: string): Promise<CryptoKey | null> {
  try {
    const { hash, wrapping } = await derive(pin, fromBase64(lock.salt), lock.iterations);
    if (!sameText(hash, lock.hash)) return null;
    return await subtle().unwrapKey('pkcs8', fromBase64(lock.opener.data), wrapping, { name: 'AES-GCM', iv: fromBase64(lock.opener.iv) }, RSA, false, ['unwrapKey']);
  } catch {
    return null;
  }
}

/** A team's orders encrypted to the session's public key: no PIN is needed to seal. */
export async function sealOrders(lock: PinLock, orders: SideOrders): Promise<LockedOrders> {
  const publicKey = await subtle().importKey('jwk', lock.sealTo, RSA, false, ['wrapKey']);
  const key = await subtle().generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt']);
  const iv = randomBytes(12);
  const data = await subtle().encrypt({ name: 'AES-GCM', iv }, key, new TextEncoder().encode(JSON.stringify(orders)));
  const wrapped = await subtle().wrapKey('raw', key, publicKey, { name: 'RSA-OAEP' });
  return { key: toBase64(wrapped), iv: toBase64(iv), data: toBase64(data) };
}

/** The orders sealed in `locked`, opened with the session's private key; null when they cannot be (damaged, another session's). */
export async function openOrders(opener: CryptoKey, locked: LockedOrders): Promise<SideOrders | null> {
  try {
    const key = await subtle().unwrapKey('raw', fromBase64(locked.key), opener, { name: 'RSA-OAEP' }, 'AES-GCM', false, ['decrypt']);
    const plain = await subtle().decrypt({ name: 'AES-GCM', iv: fromBase64(locked.iv) }, key, fromBase64(locked.data));
    return JSON.parse(new TextDecoder().decode(plain)) as SideOrders;
  } catch {
    return null;
  }
}
