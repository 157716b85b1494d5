/**
 * The meters turn by turn as CSV for a spreadsheet: one row for the start and one after each turn,
 * every meter's true value (the game is over). Written to open cleanly in Excel, LibreOffice and
 * Google Sheets: RFC 4180 quoting, CRLF line ends, a UTF-8 byte-order mark (without it Excel reads
 * Japanese and Korean labels as mojibake), one header row "label (id)", and numbers always with a
 * '.' decimal point in full precision, whatever the interface language.
 */
import type { GameState } from '../../engine';
import type { Language, Scenario } from '../../engine/model';
import { t } from '../../i18n';
import { localize } from '../../i18n/text';
import { isoMonth } from './calendar';

export const BOM = '\uFEFF';

/**
 * Quotes a field when it must (a comma, a quote, a line break), doubling its quotes (RFC 4180).
 * Text that a spreadsheet would run as a formula (starting with = + - @ or a tab) gets a leading
 * apostrophe: a scenario file's label is an author's text, never a formula.
 */
export function csvField(value: string | number): string {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * `states` as from replayStates: states[0] the start, states[i] after turn report i. The
 * turn column is 0 for the start; the date is the month the row's values hold from (the start of
 * the next turn), empty without a calendar.
 */
export function metersCsv(scenario: Scenario, states: readonly GameState[], language: Language): string {
  const header = [t('report.csv.turn'), t('report.csv.date'), ...scenario.meters.map((m) => t('report.csv.meter', { label: localize(m.label, language), id: m.id }))];
  const rows = states.map((s, i) => [i, isoMonth(scenario, i + 1) ?? '', ...scenario.meters.map((m) => s.meters[m.id]!)]);
  return BOM + [header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}
