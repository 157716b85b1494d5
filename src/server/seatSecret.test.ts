import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hashSeatSecret, newSeatSecret, seatSecretMatches } from './seatSecret';

describe('seat secrets', () => {
  it('are new each time, URL-safe, and stored only as a hash', () => {
    const secrets = Array.from({ length: 200 }, newSeatSecret);
    expect(new Set(secrets).size).toBe(secrets.length);
    for (const s of secrets) {
      expect(s).toMatch(/^[A-Za-z0-9_-]{22}$/);
      expect(hashSeatSecret(s)).not.toContain(s);
      expect(seatSecretMatches(s, hashSeatSecret(s))).toBe(true);
    }
  });

  it('match only the secret itself, whatever a device sends', () => {
    const secret = newSeatSecret();
    const stored = hashSeatSecret(secret);
    for (const offered of [secret.slice(1), secret + 'x', secret.toUpperCase() === secret ? secret.toLowerCase() : secret.toUpperCase(), '', null, undefined, 42, { secret }, [secret], stored]) {
      expect(seatSecretMatches(offered, stored)).toBe(false);
    }
    fc.assert(fc.property(fc.anything(), (offered) => offered === secret || !seatSecretMatches(offered, stored)));
  });

  it('never match a corrupt stored hash', () => {
    const secret = newSeatSecret();
    expect(seatSecretMatches(secret, '')).toBe(false);
    expect(seatSecretMatches(secret, 'not hex at all')).toBe(false);
  });
});
