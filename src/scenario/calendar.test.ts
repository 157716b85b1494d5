/** The calendar key: turns of even or uneven length, labels, and the checker's located errors. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { turnStartMonths } from '../engine/calendar';
import { loadScenario } from './load';
import { formatProblem } from './problems';

const MINI = readFileSync(new URL('../../tests/fixtures/mini.yaml', import.meta.url), 'utf8');

/** mini.yaml (4 turns) with a calendar line after `turns:`: its line is 7. */
function withCalendar(line: string) {
  return loadScenario('mini.yaml', MINI.replace(/^turns: 4\n/m, `turns: 4\ncalendar: ${line}\n`));
}

function problems(line: string): string[] {
  const r = withCalendar(line);
  return r.ok ? [] : r.problems.map(formatProblem);
}

describe('calendar', () => {
  it('takes one length a turn, and labels, and starts each turn where the lengths add up to', () => {
    const r = withCalendar('{start: "2022-07", months: [2, 2, 3, 1], labels: [Summer 2022, Autumn 2022, {en: Winter, ja: 冬, ko: 겨울}, Spring 2023]}');
    if (!r.ok) throw new Error(r.problems.map(formatProblem).join('\n'));
    expect(r.scenario.calendar).toEqual({ start: '2022-07', months: [2, 2, 3, 1], labels: ['Summer 2022', 'Autumn 2022', { en: 'Winter', ja: '冬', ko: '겨울' }, 'Spring 2023'] });
    expect(turnStartMonths(r.scenario)).toEqual([2022 * 12 + 6, 2022 * 12 + 8, 2022 * 12 + 10, 2023 * 12 + 1, 2023 * 12 + 2]);
    const even = withCalendar('{start: "2022-07", months_per_turn: 3}');
    expect(even.ok && even.scenario.calendar).toEqual({ start: '2022-07', monthsPerTurn: 3 });
  });

  it('says how many lengths and labels a wrong count needs, where it is', () => {
    expect(problems('{start: "2022-07", months: [2, 2]}')).toEqual(["mini.yaml:7:38: error: 'months:' has 2 lengths, but the scenario has 4 turns: it needs 4, one for each turn"]);
    expect(problems('{start: "2022-07", months_per_turn: 1, labels: [Summer]}')).toEqual(["mini.yaml:7:58: error: 'labels:' has 1 label, but the scenario has 4 turns: it needs 4, one for each turn"]);
  });

  it('wants exactly one of months_per_turn and months', () => {
    expect(problems('{start: "2022-07"}')).toEqual([
      "mini.yaml:7:11: error: a calendar needs the length of its turns: add 'months_per_turn: N' (every turn N months) or 'months: [...]' (4 numbers, one for each turn)",
    ]);
    expect(problems('{start: "2022-07", months_per_turn: 1, months: [1, 1, 1, 1]}')).toEqual([
      "mini.yaml:7:58: error: give 'months_per_turn:' (every turn the same length) or 'months:' (one length for each turn), not both; remove one of them",
    ]);
  });
});
