/**
 * The translation table: every string the interface shows goes through `t(key, params)`. The
 * tables are bundled (no network, no backend); Japanese and Korean are added by dropping ja/ and
 * ko/ tables beside en/ and listing them in RESOURCES, without touching any scene.
 */
import { createInstance } from 'i18next';
import type { Language, Scenario, Text } from '../engine/model';
import type { SaveProblem } from '../store/persistence';
import { classroom as enClassroom } from './en/classroom';
import { library as enLibrary } from './en/library';
import { menus as enMenus } from './en/menus';
import { play as enPlay } from './en/play';
import { report as enReport } from './en/report';
import { classroom as jaClassroom } from './ja/classroom';
import { library as jaLibrary } from './ja/library';
import { menus as jaMenus } from './ja/menus';
import { play as jaPlay } from './ja/play';
import { report as jaReport } from './ja/report';
import { classroom as koClassroom } from './ko/classroom';
import { library as koLibrary } from './ko/library';
import { menus as koMenus } from './ko/menus';
import { play as koPlay } from './ko/play';
import { report as koReport } from './ko/report';
import { localize } from './text';

/**
 * One table per language, each the union of five parts (menus, play screens, class session, an
 * instructor's scenario library, the class debrief); each part owns its own top-level keys.
 */
export const RESOURCES = {
  en: { translation: { ...enMenus, ...enPlay, ...enClassroom, ...enLibrary, ...enReport } },
  ja: { translation: { ...jaMenus, ...jaPlay, ...jaClassroom, ...jaLibrary, ...jaReport } },
  ko: { translation: { ...koMenus, ...koPlay, ...koClassroom, ...koLibrary, ...koReport } },
} as const satisfies Partial<Record<Language, { translation: object }>>;

/** The languages the interface can be shown in (those with a table). */
export const INTERFACE_LANGUAGES: readonly Language[] = Object.keys(RESOURCES) as Language[];

const i18n = createInstance();
void i18n.init({
  resources: RESOURCES,
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
 * Shows the interface in `lang` when it has a table, else in English. Returns the language used.
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
  return i18n.t(key, params ?? {}) as string;
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
 * The date a turn stands for ("October 2019" in the locale's form) from the scenario's calendar,
 * or "Turn 2 of 8" when the scenario has no calendar.
 */
export function formatTurn(scenario: Pick<Scenario, 'calendar' | 'turns'>, turn: number): string {
  const date = turnDate(scenario, turn);
  if (!date) return t('calendar.turn', { turn, turns: scenario.turns });
  return new Intl.DateTimeFormat(current, { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(date);
}

/** The first day of the month a turn starts in (UTC), or null without a readable calendar. */
export function turnDate(scenario: Pick<Scenario, 'calendar'>, turn: number): Date | null {
  const match = /^(\d{4})-(\d{2})$/.exec(scenario.calendar?.start ?? '');
  if (!scenario.calendar || !match) return null;
  const months = Number(match[1]) * 12 + (Number(match[2]) - 1) + (turn - 1) * scenario.calendar.monthsPerTurn;
  return new Date(Date.UTC(Math.floor(months / 12), months % 12, 1));
}

export { localize } from './text';

/** A save problem in the player's language: what happened, then what was done with the save. */
export function saveProblemText(problem: SaveProblem): string {
  const what = t(`saves.${problem.reason}`, problem.params);
  if (problem.keptAs === undefined) return what;
  const kept = problem.backupTurn === undefined ? t('saves.keptAside', { key: problem.keptAs }) : t('saves.keptAsideWithBackup', { key: problem.keptAs, turn: problem.backupTurn });
  return `${what} ${kept}`;
}
