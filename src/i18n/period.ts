/**
 * A scenario's period in the interface's words. Authors write it as free text, usually
 * "2015-02 to 2017-01" (docs/authoring.md); that form, and a lone "2015-02" or "2015", is shown with
 * the months in the locale's form ("February 2015 – January 2017", "2015年2月〜2017年1月"). Text of any
 * other shape is the author's own words and shows as written.
 */
import type { Language } from '../engine/model';
import { currentLanguage, t } from './index';

const MONTH = /^(\d{4})(?:-(\d{2}))?$/;
const RANGE = /^(\d{4}(?:-\d{2})?)\s*(?:to|–|—|~|〜|-)\s*(\d{4}(?:-\d{2})?)$/;

/** "2015-02" or "2015" in the locale's form, or null when it is not such a date. */
function formatMonth(text: string, language: Language): string | null {
  const match = MONTH.exec(text);
  if (!match) return null;
  const month = match[2] === undefined ? undefined : Number(match[2]);
  if (month !== undefined && (month < 1 || month > 12)) return null;
  const date = new Date(Date.UTC(Number(match[1]), (month ?? 1) - 1, 1));
  const options: Intl.DateTimeFormatOptions = month === undefined ? { year: 'numeric', timeZone: 'UTC' } : { year: 'numeric', month: 'long', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(language, options).format(date);
}

export function formatPeriod(period: string, language: Language = currentLanguage()): string {
  const text = period.trim();
  const range = RANGE.exec(text);
  if (range) {
    const from = formatMonth(range[1]!, language);
    const to = formatMonth(range[2]!, language);
    if (from !== null && to !== null) return from === to ? from : t('scenarios.periodRange', { from, to });
  }
  return formatMonth(text, language) ?? period;
}
