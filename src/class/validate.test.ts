import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { actMessage, answerMessage, classJoinRequest, classSettings, instructorJoin, joinOptions, messageProblem, sealMessage, unsealMessage } from './validate';

describe('reading what a device sends', () => {
  it('never throws, whatever arrives, and what it lets through is small and of the expected shape', () => {
    fc.assert(
      fc.property(fc.anything({ withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withNullPrototype: true }), (value) => {
        for (const schema of [joinOptions, sealMessage, unsealMessage, answerMessage, classSettings, classJoinRequest, instructorJoin, actMessage]) {
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

  it('takes an instructor’s actions of the dashboard’s form, and refuses an adjustment without a reason or out of bounds', () => {
    const action = fc.oneof(
      fc.constantFrom({ kind: 'pause' }, { kind: 'resume' }, { kind: 'undo' }, { kind: 'end' }),
      fc.record({ kind: fc.constant('fire'), event: fc.string({ minLength: 1, maxLength: 80 }) }),
      fc.record({ kind: fc.constant('reveal'), revealed: fc.boolean() }),
      fc.record({
        kind: fc.constant('adjust'),
        meter: fc.string({ minLength: 1, maxLength: 80 }),
        value: fc.integer({ min: -1000, max: 1000 }),
        reason: fc.string({ minLength: 1, maxLength: 400 }).filter((r) => r.trim() !== ''),
      }),
    );
    fc.assert(
      fc.property(action, fc.oneof(fc.constant('all' as const), fc.array(fc.constant('AAAAAA'), { minLength: 1, maxLength: 40 })), (a, games) => actMessage.safeParse({ games, action: a }).success),
    );
    for (const bad of [
      { games: 'all', action: { kind: 'adjust', meter: 'trust', value: 5, reason: '   ' } },
      { games: 'all', action: { kind: 'adjust', meter: 'trust', value: Infinity, reason: 'x' } },
      { games: [], action: { kind: 'pause' } },
      { games: 'all', action: { kind: 'pause', extra: 1 } },
      { games: 'all', action: { kind: 'eval' } },
    ])
      expect(actMessage.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    expect(sealMessage.safeParse({ turn: 1, orders: { decisions: [] }, memo: 'x'.repeat(4001) }).success).toBe(false);
    expect(answerMessage.safeParse({ question: 0 }).success).toBe(false);
  });
});
