import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_PAINTED_SIDE, textureSize } from './textureSize';

describe('the size a slot is painted at', () => {
  it('is the slot’s own while it fits', () => {
    expect(textureSize(900, 600, 16384)).toEqual({ w: 900, h: 600 });
  });

  it('never outgrows the renderer’s largest texture nor the world’s bound, and keeps the slot’s shape', () => {
    expect(textureSize(100_000, 600, 16384)).toEqual({ w: MAX_PAINTED_SIDE, h: 25 });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5_000_000 }), fc.integer({ min: 1, max: 5_000_000 }), fc.constantFrom(2048, 4096, 8192, 16384), (w, h, max) => {
        const size = textureSize(w, h, max);
        expect(size.w).toBeLessThanOrEqual(Math.min(max, MAX_PAINTED_SIDE));
        expect(size.h).toBeLessThanOrEqual(Math.min(max, MAX_PAINTED_SIDE));
        expect(size.w).toBeGreaterThanOrEqual(1);
        expect(size.h).toBeGreaterThanOrEqual(1);
        // The shape holds to a pixel, unless a side had to be one pixel at least.
        if (size.w > 1 && size.h > 1) expect(Math.abs(size.w / size.h - w / h) / (w / h)).toBeLessThan(2 / Math.min(size.w, size.h));
      }),
    );
  });
});
