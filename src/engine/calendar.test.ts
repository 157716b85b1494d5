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

  it('starts each turn of uneven length where the lengths before it add up to, across the year', () => {
    const starts = turnStartMonths({ turns: 4, calendar: { start: '2022-07', months: [2, 2, 3, 1] } });
    // Jul 2022, Sep 2022, Nov 2022, Feb 2023, and the time runs out in Mar 2023.
    expect(starts).toEqual([2022 * 12 + 6, 2022 * 12 + 8, 2022 * 12 + 10, 2023 * 12 + 1, 2023 * 12 + 2]);
    // The same lengths every turn give the same starts as months_per_turn.
    expect(turnStartMonths({ turns: 3, calendar: { start: '2019-11', months: [2, 2, 2] } })).toEqual(turnStartMonths({ turns: 3, calendar: { start: '2019-11', monthsPerTurn: 2 } }));
  });

  it('gives no dates rather than made-up ones for a list of lengths shorter than the turns', () => {
    expect(turnStartMonths({ turns: 4, calendar: { start: '2022-07', months: [2, 2] } })).toBeUndefined();
    expect(turnStartMonths({ turns: 2, calendar: { start: '2022-7', months: [2, 2] } })).toBeUndefined();
  });
});
