/**
 * The translation table covers every key the interface uses: the scene and DOM-layer sources are
 * scanned for t('…') calls, and each key must exist in the English table (dynamic keys such as
 * t(`common.sides.${side}`) must at least name an existing group).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { currentLanguage, formatTurn, localize, RESOURCES, setLanguage, t } from './index';
import { menus } from './en/menus';
import { play } from './en/play';

const SRC = fileURLToPath(new URL('..', import.meta.url));
const SCANNED = ['scenes', 'ui'].map((dir) => join(SRC, dir));

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
  it('has every key the scenes and the DOM layer use', () => {
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

  it('fills parameters in as plain text (nothing HTML-escaped: strings go into textContent)', () => {
    expect(t('briefing.source', { author: 'Smith & Lee', title: '<Neighbours>', year: 2015 })).toBe('Smith & Lee, “<Neighbours>” (2015)');
    expect(t('scenarios.length', { count: 1 })).toBe('1 turn');
    expect(t('scenarios.length', { count: 8 })).toBe('8 turns');
  });

  it('stays in English when asked for a language it has no table for yet', () => {
    expect(setLanguage('ja')).toBe('en');
    expect(currentLanguage()).toBe('en');
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
