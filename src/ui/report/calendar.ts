/** Dates in a form a spreadsheet and a program read alike, whatever the interface language. */
import type { Scenario } from '../../engine/model';
import { turnDate } from '../../i18n';

/** The month a turn stands for as yyyy-mm (ISO 8601), or null when the scenario has no calendar. */
export function isoMonth(scenario: Pick<Scenario, 'calendar' | 'turns'>, turn: number): string | null {
  const date = turnDate(scenario, turn);
  return date && `${String(date.getUTCFullYear()).padStart(4, '0')}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
}
