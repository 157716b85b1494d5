/**
 * The translation table covers every key the interface uses: the screens', the world's and the store's sources are
 * scanned for t('…') calls, and each key must exist in the English table (dynamic keys such as
 * t(`common.sides.${side}`) must at least name an existing group).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Language } from '../engine/model';
import { currentLanguage, formatNumber, formatPercent, formatTurn, INTERFACE_LANGUAGES, loadLanguage, localize, preferredLanguage, setLanguage, t } from './index';
import { RESOURCES } from './tables';
import { menus } from './en/menus';
import { play } from './en/play';

// Every other test may switch to Japanese or Korean.
beforeAll(() => Promise.all([loadLanguage('ja'), loadLanguage('ko')]));

const SRC = fileURLToPath(new URL('..', import.meta.url));
const SCANNED = ['ui', 'world', 'store'].map((dir) => join(SRC, dir));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.ts$/.test(name) && !/\.test\.ts$/.test(name) ? [path] : [];
  });
}

/** The value at a dotted path of the English table (undefined when absent). */
function lookup(path: string): unknown {
  let node: unknown = RESOURCES.en.translation;
  for (const part of path.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

const hasString = (key: string): boolean => ['', '_one', '_other'].some((suffix) => typeof lookup(key + suffix) === 'string');

interface Use {
  readonly file: string;
  readonly key: string;
}

function keysUsed(): Use[] {
  const uses: Use[] = [];
  // t('a.b'), t("a.b"), t(`a.b`) and t(`a.${x}`); a word boundary keeps e.g. set('…') out.
  const call = /(?<![\w$.])t\(\s*(['"`])((?:(?!\1).)*)\1/g;
  for (const file of SCANNED.flatMap(sourceFiles)) {
    for (const match of readFileSync(file, 'utf8').matchAll(call)) uses.push({ file: file.slice(SRC.length), key: match[2]! });
  }
  return uses;
}

describe('the translation table', () => {
  it('has every key the screens, the world and the store use', () => {
    const uses = keysUsed();
    expect(uses.length).toBeGreaterThan(50);
    const missing = uses.filter(({ key }) => {
      const dynamic = key.indexOf('${');
      if (dynamic < 0) return !hasString(key);
      // `group.${x}`: the group must exist and hold strings.
      const group = lookup(key.slice(0, dynamic).replace(/\.$/, ''));
      return group === null || typeof group !== 'object';
    });
    expect(missing.map(({ file, key }) => `${file}: t('${key}')`)).toEqual([]);
  });

  it('keeps the menus and the play screens apart (no top-level key in both tables)', () => {
    const shared = Object.keys(play).filter((key) => key in menus);
    expect(shared).toEqual([]);
  });

  it('keeps every part apart and registered, in every language (no top-level key in two parts)', () => {
    const parts = import.meta.glob<Record<string, object>>(['./en/*.ts', './ja/*.ts', './ko/*.ts'], { eager: true });
    const byLanguage = new Map<string, Map<string, string>>();
    const problems: string[] = [];
    for (const [file, exports] of Object.entries(parts)) {
      const lang = file.split('/')[1]!;
      const owners = byLanguage.get(lang) ?? new Map<string, string>();
      byLanguage.set(lang, owners);
      for (const table of Object.values(exports)) {
        for (const key of Object.keys(table)) {
          if (owners.has(key)) problems.push(`${lang}: "${key}" is in both ${owners.get(key)} and ${file}`);
          owners.set(key, file);
          if (!(key in RESOURCES[lang as keyof typeof RESOURCES].translation)) problems.push(`${file} is not listed in RESOURCES (its "${key}" is missing)`);
        }
      }
    }
    expect([...byLanguage.keys()].sort()).toEqual(['en', 'ja', 'ko']);
    expect(problems).toEqual([]);
  });

  it('fills parameters in as plain text (nothing HTML-escaped: strings go into textContent)', () => {
    expect(t('briefing.source', { author: 'Smith & Lee', title: '<Neighbours>', year: 2015 })).toBe('Smith & Lee, “<Neighbours>” (2015)');
    expect(t('scenarios.length', { count: 1 })).toBe('1 turn');
    expect(t('scenarios.length', { count: 8 })).toBe('8 turns');
  });

  it('switches the interface between English, Japanese and Korean and back', () => {
    expect(setLanguage('ja')).toBe('ja');
    expect(currentLanguage()).toBe('ja');
    expect(t('title.newGame')).toBe('新しいゲーム');
    expect(setLanguage('ko')).toBe('ko');
    expect(t('title.newGame')).toBe('새 게임');
    expect(setLanguage('en')).toBe('en');
    expect(t('title.newGame')).toBe('New game');
  });
});

describe('localize', () => {
  it('shows the asked language, and English when that language is missing or empty', () => {
    const text = { en: 'Close yet distant', ja: '近くて遠い国', ko: '' };
    expect(localize(text, 'ja')).toBe('近くて遠い国');
    expect(localize(text, 'ko')).toBe('Close yet distant');
    expect(localize({ en: 'Only English' }, 'ja')).toBe('Only English');
    expect(localize('Plain', 'ko')).toBe('Plain');
    expect(localize(undefined, 'en')).toBe('');
  });
});

describe('formatTurn', () => {
  const calendar = { start: '2019-07', monthsPerTurn: 3 };

  it('turns a turn into the month it stands for, across year ends', () => {
    setLanguage('en');
    expect(formatTurn({ calendar, turns: 8 }, 1)).toBe('July 2019');
    expect(formatTurn({ calendar, turns: 8 }, 2)).toBe('October 2019');
    expect(formatTurn({ calendar, turns: 8 }, 3)).toBe('January 2020');
  });

  it('says "Turn n of N" when the scenario has no calendar', () => {
    expect(formatTurn({ turns: 8 }, 2)).toBe('Turn 2 of 8');
  });
});

/** Every string of a table by its dotted key. */
function leaves(node: unknown, prefix = ''): Map<string, string> {
  const found = new Map<string, string>();
  if (node === null || typeof node !== 'object') return found;
  for (const [key, value] of Object.entries(node)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') found.set(path, value);
    else for (const [k, v] of leaves(value, path)) found.set(k, v);
  }
  return found;
}

const placeholders = (text: string): string[] => [...new Set([...text.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((m) => m[1]!))].sort();

/** i18next's plural suffixes: a key `x_one` / `x_other` is one plural key `x` with a form per category. */
const PLURAL = /^(.*)_(zero|one|two|few|many|other)$/;

function pluralBase(key: string, table: ReadonlyMap<string, string>): string | undefined {
  const match = PLURAL.exec(key);
  return match && table.has(`${match[1]}_other`) ? match[1] : undefined;
}

/** The plural categories a language's numbers fall into (Japanese and Korean: only 'other'). */
const categories = (lang: Language): string[] => new Intl.PluralRules(lang).resolvedOptions().pluralCategories;

/**
 * The keys a language's table must have, from the English table: the same keys, except that a
 * plural key has one form per plural category of that language; each with the English placeholders
 * (every form of a plural key gets the placeholders of all the English forms: {{count}} too).
 */
function expectedKeys(english: ReadonlyMap<string, string>, lang: Language): Map<string, string[]> {
  const expected = new Map<string, string[]>();
  for (const [key, text] of english) {
    const base = pluralBase(key, english);
    if (base === undefined) {
      expected.set(key, placeholders(text));
      continue;
    }
    const forms = [...english].filter(([k]) => pluralBase(k, english) === base).map(([, v]) => v);
    for (const category of categories(lang)) expected.set(`${base}_${category}`, placeholders(forms.join(' ')));
  }
  return expected;
}

/** Strings that rightly read the same in every language (the game's name, a language's own name). */
const SAME_IN_EVERY_LANGUAGE = new Set(['app.title', 'languages.en']);

/** A string that is the English one copied over: identical, with English words in it (acronyms such as PIN or CSV read the same everywhere). */
const untranslated = (english: string, text: string): boolean => english === text && /[a-z]{3,}/.test(english.replace(/\{\{[^}]*\}\}/g, ''));

const TRANSLATED = INTERFACE_LANGUAGES.filter((lang) => lang !== 'en');
/** The script a player of the language reads: kana and kanji for Japanese, hangul for Korean. */
const SCRIPT: Partial<Record<Language, RegExp>> = { ja: /[\u3040-\u30ff\u4e00-\u9fff]/, ko: /[\uac00-\ud7a3]/ };

describe('the Japanese and Korean tables', () => {
  afterEach(() => setLanguage('en'));
  const english = leaves(RESOURCES.en.translation);

  it('are listed with English for the settings screen', () => {
    expect([...INTERFACE_LANGUAGES].sort()).toEqual(['en', 'ja', 'ko']);
  });

  // Every part in RESOURCES (menus, play, classroom, library, report) is checked, whoever writes it.
  describe.each(TRANSLATED)('%s', (lang) => {
    const table = leaves(RESOURCES[lang as keyof typeof RESOURCES].translation);
    const expected = expectedKeys(english, lang);

    it('has every English key, in its own plural forms, and no key English does not have', () => {
      expect(
        [...expected.keys()].filter((key) => !table.has(key)),
        'missing',
      ).toEqual([]);
      expect(
        [...table.keys()].filter((key) => !expected.has(key)),
        'not in English (or a plural form this language does not use)',
      ).toEqual([]);
    });

    it('keeps the English placeholders in every string', () => {
      const wrong = [...table].filter(([key, text]) => expected.has(key) && placeholders(text).join() !== expected.get(key)!.join());
      expect(wrong.map(([key, text]) => `${key}: "${text}" should use {{${expected.get(key)!.join('}}, {{')}}}`)).toEqual([]);
    });

    it('has no string left empty or copied over from English', () => {
      const copied = [...table].filter(([key, text]) => text.trim() === '' || (!SAME_IN_EVERY_LANGUAGE.has(key) && untranslated(english.get(key) ?? '', text)));
      expect(copied.map(([key, text]) => `${key}: "${text}"`)).toEqual([]);
    });

    it("resolves every plural key in this language's own form, whatever the count", () => {
      setLanguage(lang);
      const bases = new Set([...english.keys()].map((key) => pluralBase(key, english)).filter((b): b is string => b !== undefined));
      expect(bases.size).toBeGreaterThan(0);
      const rules = new Intl.PluralRules(lang);
      for (const base of bases) {
        for (const count of [0, 1, 2, 5, 21]) {
          const form = table.get(`${base}_${rules.select(count)}`);
          const params = Object.fromEntries(placeholders(form ?? '').map((name) => [name, `<${name}>`]));
          const shown = t(base, { ...params, count });
          expect(shown, `${base} with count ${count}`).toBe((form ?? '').replace(/\{\{\s*([\w.]+)\s*\}\}/g, (_, name: string) => (name === 'count' ? String(count) : `<${name}>`)));
          expect(shown).toMatch(SCRIPT[lang]!);
        }
      }
    });

    it("shows the interface in the language's own script", () => {
      setLanguage(lang);
      for (const key of ['title.newGame', 'settings.heading', 'side.heading', 'briefing.begin', 'play.turn.endTurn', 'play.resolution.continue', 'play.debrief.heading']) {
        expect(t(key), key).toMatch(SCRIPT[lang]!);
      }
      expect(t('play.turn.capitalLeft', { left: 3, total: 5 })).toMatch(/3.*5|5.*3/);
    });
  });

  it('resolve plural keys for one and for many', () => {
    setLanguage('ja');
    expect(t('scenarios.length', { count: 1 })).toBe('1ターン');
    expect(t('scenarios.length', { count: 8 })).toBe('8ターン');
    expect(t('play.turn.unavailable.cooldown', { count: 1 })).toContain('1ターン');
    setLanguage('ko');
    expect(t('scenarios.length', { count: 1 })).toBe('1턴');
    expect(t('scenarios.length', { count: 8 })).toBe('8턴');
    expect(t('play.turn.unavailable.cooldown', { count: 2 })).toContain('2턴');
  });
});

describe('the language of the page', () => {
  afterEach(() => {
    setLanguage('en');
    vi.unstubAllGlobals();
  });

  it('sets <html lang> to the interface language (screen readers and line breaking follow it)', () => {
    const documentElement = { lang: 'en' };
    vi.stubGlobal('document', { documentElement });
    setLanguage('ko');
    expect(documentElement.lang).toBe('ko');
    setLanguage('ja');
    expect(documentElement.lang).toBe('ja');
    setLanguage('en');
    expect(documentElement.lang).toBe('en');
  });

  it("chooses a first visit's language from the browser's preferences, in their order", () => {
    expect(preferredLanguage(['ko-KR', 'en'])).toBe('ko');
    expect(preferredLanguage(['en-US', 'ja'])).toBe('en');
    expect(preferredLanguage(['fr-FR', 'ja-JP', 'en'])).toBe('ja');
    expect(preferredLanguage(['JA'])).toBe('ja');
    expect(preferredLanguage(['zh-CN', 'de'])).toBe('en');
    expect(preferredLanguage([])).toBe('en');
  });
});

describe('dates and numbers in the locale', () => {
  afterEach(() => setLanguage('en'));
  const scenario = { calendar: { start: '2015-12', monthsPerTurn: 3 }, turns: 8 };

  it('writes a turn as the year and month in Japanese and Korean form', () => {
    setLanguage('ja');
    expect(formatTurn(scenario, 2)).toBe('2016年3月');
    expect(formatTurn({ turns: 8 }, 2)).toBe('2ターン目（全8ターン）');
    setLanguage('ko');
    expect(formatTurn(scenario, 2)).toBe('2016년 3월');
    expect(formatTurn({ turns: 8 }, 2)).toBe('2턴 (전체 8턴)');
    setLanguage('en');
    expect(formatTurn(scenario, 2)).toBe('March 2016');
  });

  it('writes numbers and shares in the locale form', () => {
    setLanguage('de' as Language);
    // A language without a table falls back to English, numbers included.
    expect(formatNumber(1234.5)).toBe('1,234.5');
    setLanguage('ja');
    expect(formatNumber(12345.5, { maximumFractionDigits: 1 })).toBe('12,345.5');
    expect(formatPercent(0.7)).toBe('70%');
    setLanguage('ko');
    expect(formatPercent(0.45)).toBe('45%');
  });
});
