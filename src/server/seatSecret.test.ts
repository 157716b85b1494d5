import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hashSeatSecret, newSeatSecret, seatSecretMatches } from './seatSecret';

describe('seat secrets', () => {
  it('are new each time, typeable (no look-alikes), and stored only as a hash', () => {
    const secrets = Array.from({ length: 200 }, newSeatSecret);
    expect(new Set(secrets).size).toBe(secrets.length);
    for (const s of secrets) {
      expect(s).toMatch(/^[34679ACDEFGHJKMNPQRTUVWXY]{10}$/);
      expect(hashSeatSecret(s)).not.toContain(s);
      expect(seatSecretMatches(s, hashSeatSecret(s))).toBe(true);
      // As a team types it: any case, with the dash it is shown with.
      expect(seatSecretMatches(` ${s.slice(0, 5).toLowerCase()}-${s.slice(5)} `, hashSeatSecret(s))).toBe(true);
    }
  });

  it('match only the secret itself, whatever a device sends', () => {
    const secret = newSeatSecret();
    const stored = hashSeatSecret(secret);
    for (const offered of [secret.slice(1), secret + 'x', secret.replace(/./, (c) => (c === 'A' ? 'C' : 'A')), '', null, undefined, 42, { secret }, [secret], stored]) {
      expect(seatSecretMatches(offered, stored)).toBe(false);
    }
    fc.assert(fc.property(fc.anything(), (offered) => (typeof offered === 'string' && offered.replace(/[\s-]/g, '').toUpperCase() === secret) || !seatSecretMatches(offered, stored)));
  });

  it('never match a corrupt stored hash', () => {
    const secret = newSeatSecret();
    expect(seatSecretMatches(secret, '')).toBe(false);
    expect(seatSecretMatches(secret, 'not hex at all')).toBe(false);
  });
});
