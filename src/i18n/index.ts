/**
 * The translation tables: every string the interface shows goes through `t(key, params)`. The
 * tables ship with the game (no network, no backend): English with the code, the others as their
 * own chunks (src/i18n/tables), without touching any scene.
 */
import { createInstance } from 'i18next';
import { turnStartMonths } from '../engine/calendar';
import { LANGUAGES, type Language, type Scenario, type Text } from '../engine/model';
import type { SaveProblem } from '../store/persistence';
import { translation as english } from './tables/en';
import { localize } from './text';

/** The languages the interface can be shown in: each has a table (src/i18n/tables). */
export const INTERFACE_LANGUAGES: readonly Language[] = LANGUAGES;

/**
 * English comes with the code (it is every table's fallback); Japanese and Korean are fetched as
 * their own chunks when first needed, so a visit downloads only the tables it uses.
 */
const LOADERS: Readonly<Record<Exclude<Language, 'en'>, () => Promise<{ translation: object }>>> = {
  ja: () => import('./tables/ja'),
  ko: () => import('./tables/ko'),
};
const loading = new Map<Language, Promise<void>>();

const i18n = createInstance();
void i18n.init({
  resources: { en: { translation: english } },
  lng: 'en',
  fallbackLng: 'en',
  // Resources are bundled, so initialisation finishes synchronously and `t` works at import time.
  initAsync: false,
  // Strings go into textContent and canvas text, never HTML: nothing to escape.
  interpolation: { escapeValue: false },
  returnNull: false,
});

let current: Language = 'en';

/**
 * Fetches `lang`'s table (once) and adds it; resolves when its strings are ready. A table that
 * cannot be fetched leaves the interface in English (its fallback), said in the console.
 */
export function loadLanguage(lang: Language): Promise<void> {
  if (lang === 'en' || i18n.hasResourceBundle(lang, 'translation')) return Promise.resolve();
  let done = loading.get(lang);
  if (!done) {
    done = LOADERS[lang]()
      .then((table) => void i18n.addResourceBundle(lang, 'translation', table.translation))
      .catch((error: unknown) => {
        loading.delete(lang);
        console.warn(`The ${lang} strings could not be loaded (${String(error)}); the interface stays in English.`);
      });
    loading.set(lang, done);
  }
  return done;
}

/**
 * Shows the interface in `lang` when it has a table, else in English. Returns the language used.
 * Its table must have been loaded (loadLanguage) for its strings to show; until then they fall back to English.
 * The page's `<html lang>` follows, so screen readers pick the right voice and the browser breaks
 * lines by the language's rules.
 */
export function setLanguage(lang: Language): Language {
  current = INTERFACE_LANGUAGES.includes(lang) ? lang : 'en';
  if (i18n.language !== current) void i18n.changeLanguage(current);
  if (typeof document !== 'undefined') document.documentElement.lang = current;
  return current;
}

/**
 * The interface language for a first visit: the first of the browser's preferred languages (in the
 * player's order, e.g. navigator.languages ['ko-KR', 'en']) that has a table; English otherwise.
 */
export function preferredLanguage(preferences: readonly string[]): Language {
  for (const tag of preferences) {
    const primary = tag.trim().toLowerCase().split(/[-_]/)[0];
    const found = INTERFACE_LANGUAGES.find((lang) => lang === primary);
    if (found) return found;
  }
  return 'en';
}

/** The language the interface is shown in now (also the one scenario text is shown in). */
export function currentLanguage(): Language {
  return current;
}

/** A translated string. A missing key shows as the key itself (and fails the i18n unit test). */
export function t(key: string, params?: Record<string, unknown>): string {
  return i18n.t(key, params ?? {});
}

/** Scenario text in the current language, falling back to English. */
export function tx(text: Text | undefined): string {
  return localize(text, current);
}

/** A number in the current language's form. */
export function formatNumber(value: number, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(current, options).format(value);
}

/** A share 0..1 as a percentage in the current language's form ("70%"). */
export function formatPercent(share: number): string {
  return formatNumber(share, { style: 'percent', maximumFractionDigits: 0 });
}

/**
 * What the scenario's calendar calls a turn: its label ("Spring 2023") when the calendar gives
 * labels, else the month it starts in ("October 2019" in the locale's form); undefined without a
 * calendar, where a turn has no name but its number.
 */
export function turnWhen(scenario: Pick<Scenario, 'calendar' | 'turns'>, turn: number): string | undefined {
  const label = scenario.calendar?.labels?.[turn - 1];
  if (label !== undefined) return tx(label);
  const date = turnDate(scenario, turn);
  return date ? new Intl.DateTimeFormat(current, { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(date) : undefined;
}

/** A turn in one phrase: what the calendar calls it (turnWhen), or "Turn 2 of 8" when the scenario has no calendar. */
export function formatTurn(scenario: Pick<Scenario, 'calendar' | 'turns'>, turn: number): string {
  return turnWhen(scenario, turn) ?? t('calendar.turn', { turn, turns: scenario.turns });
}

/**
 * The turn screen's heading: whose government and when, then the turn's number. Without a calendar
 * the number is all there is to say of when, so it is said once, beside the side.
 * `side` is the side's name; without one, the heading is the class game observer's.
 */
export function turnHeading(scenario: Pick<Scenario, 'calendar' | 'turns'>, turn: number, side?: string): { title: string; turnOf: string } {
  const date = turnWhen(scenario, turn);
  const turnOf = t('play.turn.turnOf', { turn, turns: scenario.turns });
  if (side === undefined) return { title: date === undefined ? t('classGame.turn.observerUndated') : t('classGame.turn.observerHeading', { date }), turnOf };
  return { title: date === undefined ? side : t('play.turn.heading', { side, date }), turnOf };
}

/** The turn's number and what the calendar calls it ("Turn 2 of 8 · March 2016"), or the number alone without a calendar. */
export function turnNumberAndWhen(scenario: Pick<Scenario, 'calendar' | 'turns'>, turn: number): string {
  const date = turnWhen(scenario, turn);
  return date === undefined ? t('play.turn.turnOf', { turn, turns: scenario.turns }) : t('hotseat.handover.when', { turn, turns: scenario.turns, date });
}

/** The first day of the month a turn starts in (UTC), or null without a readable calendar. */
export function turnDate(scenario: Pick<Scenario, 'calendar' | 'turns'>, turn: number): Date | null {
  const months = turnStartMonths(scenario)?.[turn - 1];
  return months === undefined ? null : new Date(Date.UTC(Math.floor(months / 12), months % 12, 1));
}

export { localize } from './text';

/** A save problem in the player's language: what happened, then what was done with the save. */
export function saveProblemText(problem: SaveProblem): string {
  const what = t(`saves.${problem.reason}`, problem.params);
  if (problem.keptAs === undefined) return what;
  if (problem.keptAs === null) return `${what} ${t('saves.notKeptAside')}`;
  const kept = problem.backupTurn === undefined ? t('saves.keptAside', { key: problem.keptAs }) : t('saves.keptAsideWithBackup', { key: problem.keptAs, turn: problem.backupTurn });
  return `${what} ${kept}`;
}
