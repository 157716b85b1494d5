import { describe, expect, it } from 'vitest';
import { monthIndex, turnStartMonths } from './calendar';

describe('the calendar', () => {
  it('reads a month as year × 12 + month − 1 and refuses anything else', () => {
    expect(monthIndex('2019-07')).toBe(2019 * 12 + 6);
    expect(monthIndex('2019-13')).toBeUndefined();
    expect(monthIndex('2019-7')).toBeUndefined();
  });

  it('starts each turn months_per_turn after the last, with one entry past the last turn', () => {
    const starts = turnStartMonths({ turns: 3, calendar: { start: '2019-11', monthsPerTurn: 2 } });
    expect(starts).toEqual([2019 * 12 + 10, 2020 * 12, 2020 * 12 + 2, 2020 * 12 + 4]);
    expect(turnStartMonths({ turns: 3 })).toBeUndefined();
  });
});
