import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { joinOptions, messageProblem, sealMessage, unsealMessage } from './validate';

describe('reading what a device sends', () => {
  it('never throws, whatever arrives, and what it lets through is small and of the expected shape', () => {
    fc.assert(
      fc.property(fc.anything({ withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withNullPrototype: true }), (value) => {
        for (const schema of [joinOptions, sealMessage, unsealMessage]) {
          const read = schema.safeParse(value);
          if (!read.success) expect(messageProblem(read.error).length).toBeLessThan(2_000);
          else expect(JSON.stringify(read.data).length).toBeLessThan(10_000);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('takes orders of the form the page sends, and nothing more', () => {
    const orders = fc.record({ decisions: fc.array(fc.string({ minLength: 1, maxLength: 80 }), { maxLength: 40 }) });
    fc.assert(fc.property(fc.nat(10_000), orders, (turn, o) => sealMessage.safeParse({ turn, orders: o }).success));
    for (const bad of [
      { turn: 1, orders: { decisions: Array.from({ length: 41 }, (_, i) => `d${i}`) } },
      { turn: 1, orders: { decisions: ['x'.repeat(81)] } },
      { turn: 1.5, orders: { decisions: [] } },
      { turn: 1, orders: { decisions: [], responses: Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`e${i}`, 'c'])) } },
      { turn: 1, orders: { decisions: [], extra: true } },
    ])
      expect(sealMessage.safeParse(bad).success, JSON.stringify(bad).slice(0, 80)).toBe(false);
  });
});
