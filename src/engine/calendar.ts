/**
 * The scenario's calendar as numbers: which month each turn starts in. One place for the date
 * arithmetic the turn heading, the debrief and the calibrator share.
 */
import type { Scenario } from './model';

/** A month as one number, year × 12 + (month − 1), from "YYYY-MM"; undefined for anything else. */
export function monthIndex(yyyyMm: string): number | undefined {
  const match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(yyyyMm);
  return match ? Number(match[1]) * 12 + Number(match[2]) - 1 : undefined;
}

/**
 * The month index each turn starts in, for turns 1 … turns + 1 (the last entry is the month the
 * game's time runs out), or undefined when the scenario has no readable calendar. Turns of uneven
 * length (`months:`) start where the turns before them add up to; a list shorter than the turns,
 * which the checker refuses, gives no calendar rather than made-up dates.
 */
export function turnStartMonths(scenario: Pick<Scenario, 'calendar' | 'turns'>): number[] | undefined {
  const calendar = scenario.calendar;
  const first = calendar ? monthIndex(calendar.start) : undefined;
  if (!calendar || first === undefined) return undefined;
  const { months, monthsPerTurn } = calendar;
  if (months) {
    if (months.length < scenario.turns) return undefined;
    const starts = [first];
    for (let i = 0; i < scenario.turns; i++) starts.push(starts[i]! + months[i]!);
    return starts;
  }
  if (monthsPerTurn === undefined) return undefined;
  return Array.from({ length: scenario.turns + 1 }, (_, i) => first + i * monthsPerTurn);
}
