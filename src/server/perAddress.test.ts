import { describe, expect, it } from 'vitest';
import { perAddressLimit } from './perAddress';

describe('a limit per address', () => {
  it('refuses an address past its limit until its window has passed, and counts each address on its own', () => {
    let now = 0;
    const limit = perAddressLimit(2, 1_000, () => now);
    limit.count('a');
    limit.count('a');
    expect(limit.allowed('a')).toBe(false);
    expect(limit.allowed('b')).toBe(true);
    now = 999;
    expect(limit.allowed('a')).toBe(false);
    now = 1_000;
    expect(limit.allowed('a')).toBe(true);
  });
});
