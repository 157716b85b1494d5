/**
 * Every character the game can show, by interface language: what tools/make-fonts.ts puts into the
 * font subsets, and what tests/fonts.test.ts checks the committed subsets against. Read at run time
 * from the sources themselves (translation tables, shipped scenarios, the map, the scenes' own
 * constants), so rerunning `npm run assets:fonts` after a translation changes picks it up.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import type { Language } from '../src/engine/model';
import { RESOURCES } from '../src/i18n/tables';
import { shippedScenarioFiles } from './vite-scenarios';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

/** The text each interface language can show, as one string per source (for messages). */
export type ShownText = Readonly<Record<Language, readonly { readonly source: string; readonly text: string }[]>>;

const LANGUAGES: readonly Language[] = ['en', 'ja', 'ko'];

/** Calls `visit` with every string in a JSON-like value and the key it sits under. */
function eachString(value: unknown, visit: (text: string, key: string | undefined) => void, key?: string): void {
  if (typeof value === 'string') visit(value, key);
  else if (Array.isArray(value)) for (const item of value) eachString(item, visit, key);
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) eachString(v, visit, k);
}

/**
 * Localised data ({en, ja, ko} objects, as in scenarios and the map): a string under `ja` shows
 * only in Japanese, under `ko` only in Korean; any other string (English, which is also every
 * language's fallback, or plain text) in every language.
 */
function addLocalisedData(shown: Record<Language, { source: string; text: string }[]>, source: string, data: unknown): void {
  eachString(data, (text, key) => {
    const langs: readonly Language[] = key === 'ja' ? ['ja'] : key === 'ko' ? ['ko'] : LANGUAGES;
    for (const lang of langs) shown[lang].push({ source, text });
  });
}

/** Source files of the game (not tests): their literal non-ASCII characters show in every language. */
function gameSources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...gameSources(path));
    else if (/\.ts$/.test(name) && !/\.test\.ts$/.test(name)) out.push(path);
  }
  return out;
}

/** The dates and numbers Intl writes in `lang` (month names, 年/월, percent signs, separators). */
function intlSamples(lang: Language): string {
  const samples: string[] = [];
  for (let month = 0; month < 12; month++) {
    const date = new Date(Date.UTC(2019, month, 28, 13, 45));
    samples.push(new Intl.DateTimeFormat(lang, { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(date));
    samples.push(new Intl.DateTimeFormat(lang, { dateStyle: 'full', timeStyle: 'short', timeZone: 'UTC' }).format(date));
    samples.push(new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' }).format(date));
  }
  samples.push(new Intl.NumberFormat(lang, { style: 'percent' }).format(-0.75), new Intl.NumberFormat(lang, { signDisplay: 'always', maximumFractionDigits: 1 }).format(-1234.5));
  return samples.join(' ');
}

/** Collects everything each interface language can show, read fresh from the sources. */
export function collectShownText(root: string = ROOT): ShownText {
  const shown: Record<Language, { source: string; text: string }[]> = { en: [], ja: [], ko: [] };

  // The translation tables. A key missing from a table shows in English, so English shows everywhere.
  eachString(RESOURCES.en, (text) => {
    for (const lang of LANGUAGES) shown[lang].push({ source: 'src/i18n/en', text });
  });
  eachString(RESOURCES.ja, (text) => shown.ja.push({ source: 'src/i18n/ja', text }));
  eachString(RESOURCES.ko, (text) => shown.ko.push({ source: 'src/i18n/ko', text }));

  // The scenes' own constants (the title's 近くて遠い国 / 가깝고도 먼 나라, symbols): every language.
  // The code outside comments is scanned: a superset of what shows, at the cost of a few glyphs.
  for (const path of gameSources(join(root, 'src'))) {
    const rel = relative(root, path).split('\\').join('/');
    if (/^src\/i18n\/(ja|ko)\//.test(rel)) continue;
    const code = readFileSync(path, 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/(^|\s)\/\/.*$/gm, '$1');
    const nonAscii = code.replace(/\p{ASCII}/gu, '');
    if (nonAscii) for (const lang of LANGUAGES) shown[lang].push({ source: rel, text: nonAscii });
  }

  // The shipped scenarios (parsed as plain YAML: a file being edited need not check clean here).
  const scenarios = join(root, 'scenarios');
  for (const file of shippedScenarioFiles(scenarios)) {
    addLocalisedData(shown, `scenarios/${file}`, parse(readFileSync(join(scenarios, file), 'utf8')));
  }

  // Place names on the map.
  addLocalisedData(shown, 'public/map/northeast-asia.json', JSON.parse(readFileSync(join(root, 'public/map/northeast-asia.json'), 'utf8')));

  shown.ja.push({ source: 'Intl (ja)', text: intlSamples('ja') });
  shown.ko.push({ source: 'Intl (ko)', text: intlSamples('ko') });
  return shown;
}

/** The distinct characters of some text, without whitespace and control characters, in code point order. */
export function charactersOf(texts: Iterable<string>): number[] {
  const set = new Set<number>();
  for (const text of texts) for (const ch of text) if (!/[\s\p{Cc}\p{Cf}]/u.test(ch)) set.add(ch.codePointAt(0)!);
  return [...set].sort((a, b) => a - b);
}

/** Hangul syllables (U+AC00–U+D7A3). */
export function isHangul(cp: number): boolean {
  return (cp >= 0xac00 && cp <= 0xd7a3) || (cp >= 0x1100 && cp <= 0x11ff) || (cp >= 0x3130 && cp <= 0x318f);
}

/** Characters a Japanese font is for: kana, kanji, CJK punctuation and full-width forms. */
export function isJapaneseScript(cp: number): boolean {
  return (
    (cp >= 0x3000 && cp <= 0x30ff) ||
    (cp >= 0x31f0 && cp <= 0x31ff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xff00 && cp <= 0xffef)
  );
}

/** Code points from `from` to `to` inclusive. */
export function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}
