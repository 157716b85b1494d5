/**
 * Subsets Noto Sans JP and Noto Sans KR (SIL OFL 1.1, from @expo-google-fonts) into the WOFF2
 * files in public/fonts/ (npm run assets:fonts): one file per subset and weight (see
 * src/ui/fonts.ts for which language loads which, and when). Rerun it whenever a translation table or a
 * shipped scenario gains characters; tests/fonts.test.ts fails until then.
 *
 * What goes in: every character the game can show in that language (tools/fontText.ts), plus
 * ASCII, common punctuation, CJK punctuation and full-width forms, and for Japanese both kana
 * blocks whole. Left out, to keep the first screen fast: kanji the game does not show (the full
 * set is megabytes), and the hangul syllables it does not show: all 2,350 of KS X 1001 would
 * add about 93 KB to each Korean weight (63 KB to 155 KB, measured November 2026). A teacher's
 * own scenario with characters outside the subsets is drawn with the system's fonts for those.
 * Only the OpenType features browsers apply to horizontal text are kept: the vertical and
 * alternate forms the full fonts carry would add a third to the Japanese files.
 *
 * Deterministic: the same sources give the same bytes (harfbuzz subsetting, brotli in WOFF2).
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Blob as HbBlob, Face as HbFace } from 'harfbuzzjs';
import { convert } from 'fontverter';
import subsetFont from 'subset-font';
import { FONT_SUBSETS, FONT_WEIGHTS, fontFileName, type FontSubset, type FontWeight } from '../src/ui/fonts';
import { charactersOf, collectShownText, isHangul, isJapaneseScript, range, type ShownText } from './fontText';

export const FONT_DIR = fileURLToPath(new URL('../public/fonts/', import.meta.url));

const require = createRequire(import.meta.url);

/** The full fonts each subset is cut from. */
const SOURCE_PACKAGE: Readonly<Record<FontSubset, string>> = {
  jp: '@expo-google-fonts/noto-sans-jp',
  'jp-scenarios': '@expo-google-fonts/noto-sans-jp',
  'jp-common': '@expo-google-fonts/noto-sans-jp',
  kr: '@expo-google-fonts/noto-sans-kr',
  'kr-scenarios': '@expo-google-fonts/noto-sans-kr',
  'kr-common': '@expo-google-fonts/noto-sans-kr',
};
const WEIGHT_NAME: Readonly<Record<FontWeight, string>> = { 400: '400Regular', 700: '700Bold' };

/** The full Noto font a subset is cut from. */
export function sourceFontPath(subset: FontSubset, weight: FontWeight): string {
  const pkg = SOURCE_PACKAGE[subset];
  const family = pkg.endsWith('-jp') ? 'NotoSansJP' : 'NotoSansKR';
  return require.resolve(`${pkg}/${WEIGHT_NAME[weight]}/${family}_${WEIGHT_NAME[weight]}.ttf`);
}

/** ASCII and the punctuation any of the game's text may use (dashes, quotes, ellipsis, arrows, minus). */
const BASIC = [...range(0x20, 0x7e), 0xa0, 0xa9, 0xb0, 0xb1, 0xb7, 0xd7, ...range(0x2010, 0x2027), ...range(0x2030, 0x203b), ...range(0x2190, 0x2193), 0x2212];
/** CJK symbols and punctuation (、。「」『』〜…), full-width ASCII and the full-width signs. */
const CJK_PUNCTUATION = [...range(0x3000, 0x303f), ...range(0xff01, 0xff65), ...range(0xffe0, 0xffe6)];
/** Hiragana and katakana, whole blocks (and the small katakana of the phonetic extensions). */
const KANA = [...range(0x3041, 0x3096), ...range(0x3099, 0x309f), ...range(0x30a0, 0x30ff), ...range(0x31f0, 0x31ff)];

/** The OpenType features browsers apply by default to horizontal text (HarfBuzz's defaults). */
const HORIZONTAL_FEATURES = ['ccmp', 'locl', 'rlig', 'calt', 'clig', 'liga', 'rclt', 'kern', 'mark', 'mkmk', 'dist', 'abvm', 'blwm'];

/** The characters of each subset, before keeping only those its source font has. */
export function subsetCharacters(shown: ShownText): Record<FontSubset, number[]> {
  const ja = charactersOf(shown.ja.map((s) => s.text));
  const ko = charactersOf(shown.ko.map((s) => s.text));
  // The interface's characters, loaded before the first screen; a shipped scenario's own come after.
  const jaInterface = charactersOf(shown.ja.filter((s) => !isScenarioSource(s.source)).map((s) => s.text));
  const koInterface = charactersOf(shown.ko.filter((s) => !isScenarioSource(s.source)).map((s) => s.text));
  // What every language shows (English strings are every language's fallback; the scenes' constants).
  const everywhere = charactersOf(shown.en.map((s) => s.text));
  const union = (...lists: number[][]): number[] => [...new Set(lists.flat())].sort((a, b) => a - b);
  const jp = union(
    BASIC,
    CJK_PUNCTUATION,
    KANA,
    jaInterface.filter((cp) => !isHangul(cp)),
  );
  const kr = union(BASIC, CJK_PUNCTUATION, koInterface);
  const inJp = new Set(jp);
  const inKr = new Set(kr);
  return {
    jp,
    kr,
    'jp-scenarios': ja.filter((cp) => !isHangul(cp) && !inJp.has(cp)),
    'kr-scenarios': ko.filter((cp) => !inKr.has(cp)),
    // English (and Korean, through the title) screens show a few Japanese characters drawn in
    // Japanese forms; English and Japanese screens a few hangul.
    'jp-common': everywhere.filter(isJapaneseScript),
    'kr-common': union(everywhere.filter(isHangul), ja.filter(isHangul)),
  };
}

/** Text from a shipped scenario file (tools/fontText.ts names each text's source). */
function isScenarioSource(source: string): boolean {
  return source.startsWith('scenarios/');
}

/** The code points a font file maps to glyphs (its cmap), read with harfbuzz; WOFF2 is unpacked first. */
export async function fontCharacters(bytes: Buffer): Promise<Set<number>> {
  const sfnt = await convert(bytes, 'sfnt');
  return new Set(new HbFace(new HbBlob(sfnt)).collectUnicodes());
}

/** Makes every subset into `dir`; returns each file's name, character count and size in bytes. */
export async function writeFonts(dir: string = FONT_DIR): Promise<{ file: string; characters: number; bytes: number }[]> {
  mkdirSync(dir, { recursive: true });
  const wanted = subsetCharacters(collectShownText());
  const written: { file: string; characters: number; bytes: number }[] = [];
  for (const subset of FONT_SUBSETS) {
    for (const weight of FONT_WEIGHTS) {
      const source = readFileSync(sourceFontPath(subset, weight));
      const has = await fontCharacters(source);
      const characters = wanted[subset].filter((cp) => has.has(cp));
      const woff2 = await subsetFont(source, String.fromCodePoint(...characters), {
        targetFormat: 'woff2',
        // Keep the copyright (0), licence description (13) and licence URL (14) inside the file.
        preserveNameIds: [0, 13, 14],
        keepFeatures: HORIZONTAL_FEATURES,
        noHinting: true,
      });
      const file = fontFileName(subset, weight);
      writeFileSync(join(dir, file), woff2);
      written.push({ file, characters: characters.length, bytes: woff2.length });
    }
  }
  // The OFL travels with the fonts (both packages carry the same licence text).
  copyFileSync(require.resolve('@expo-google-fonts/noto-sans-jp/LICENSE_FONT'), join(dir, 'OFL.txt'));
  return written;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const written = await writeFonts();
  for (const { file, characters, bytes } of written) {
    console.log(`public/fonts/${file}: ${characters} characters, ${(bytes / 1024).toFixed(1)} KB`);
  }
}
