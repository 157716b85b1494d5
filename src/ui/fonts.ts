/**
 * The game's own CJK fonts: subsets of Noto Sans JP and Noto Sans KR (SIL OFL 1.1) made by
 * tools/make-fonts.ts into public/fonts/. The game never relies on the player's system fonts for
 * Japanese or Korean.
 *
 * Each language loads only what its screens show: Japanese the Japanese subsets, Korean the
 * Korean ones, English neither. The few CJK characters every language shows (the title's
 * 近くて遠い国 and 가깝고도 먼 나라, the language names in Settings) come from two tiny "common"
 * subsets, so an English first visit downloads a few kilobytes of CJK, not hundreds.
 *
 * A language's interface faces are loaded (awaited) before its first screen shows, so its text
 * does not appear first in a system font and then jump when ours arrives. The characters only the
 * shipped scenarios use (more than half the kanji) are a subset of their own, a family listed after
 * the interface's in the CSS (src/ui/base.css), fetched once the title is up: a Japanese first visit
 * then waits for about half the bytes.
 */
import type { Language } from '../engine/model';

/** One subset file set: a font family in both weights. */
export type FontSubset = 'jp' | 'kr' | 'jp-scenarios' | 'kr-scenarios' | 'jp-common' | 'kr-common';

export const FONT_SUBSETS: readonly FontSubset[] = ['jp', 'kr', 'jp-scenarios', 'kr-scenarios', 'jp-common', 'kr-common'];

/** The weights the game draws in: regular text and bold (headings, primary buttons). */
export const FONT_WEIGHTS = [400, 700] as const;
export type FontWeight = (typeof FONT_WEIGHTS)[number];

/**
 * The CSS family name of each subset. Names of our own, so a player's installed "Noto Sans JP"
 * can never stand in for ours (and a test can tell ours from a system font).
 */
export const FONT_FAMILIES: Readonly<Record<FontSubset, string>> = {
  jp: 'CYD Sans JP',
  kr: 'CYD Sans KR',
  'jp-scenarios': 'CYD Sans JP Scenarios',
  'kr-scenarios': 'CYD Sans KR Scenarios',
  'jp-common': 'CYD Sans JP Common',
  'kr-common': 'CYD Sans KR Common',
};

/** Which subsets each interface language needs before its first screen draws. */
export const SUBSETS_FOR: Readonly<Record<Language, readonly FontSubset[]>> = {
  en: ['jp-common', 'kr-common'],
  ja: ['jp', 'kr-common'],
  ko: ['kr', 'jp-common'],
};

/** Which subsets each language loads once its first screen is up: what only the shipped scenarios show. */
export const LATER_SUBSETS_FOR: Readonly<Record<Language, readonly FontSubset[]>> = {
  en: [],
  ja: ['jp-scenarios'],
  ko: ['kr-scenarios'],
};

/** The file name of one subset in one weight, in public/fonts/ (stable: the script overwrites it). */
export function fontFileName(subset: FontSubset, weight: FontWeight): string {
  return `cyd-${subset}-${weight}.woff2`;
}

/** Where the page fetches the fonts from, relative to the page (Vite copies public/fonts/ there). */
const FONT_URL = 'fonts/';

/** A stalled font request must not keep the game from starting: after this, it starts with system fonts. */
const LOAD_PATIENCE_MS = 10_000;

const loaded = new Map<string, Promise<void>>();

/** Adds one face to the document and loads it; repeated calls share the first load. */
function loadFace(subset: FontSubset, weight: FontWeight): Promise<void> {
  const file = fontFileName(subset, weight);
  let done = loaded.get(file);
  if (!done) {
    const face = new FontFace(FONT_FAMILIES[subset], `url(${FONT_URL}${file}) format("woff2")`, { weight: String(weight), style: 'normal', display: 'swap' });
    document.fonts.add(face);
    done = face.load().then(
      () => undefined,
      (error: unknown) => {
        // Forget the failure so a later language switch tries again.
        loaded.delete(file);
        console.warn(`The font ${FONT_URL}${file} did not load (${String(error)}); text falls back to the system's fonts. Run \`npm run assets:fonts\` if the file is missing.`);
      },
    );
    loaded.set(file, done);
  }
  return done;
}

/**
 * Loads every face `language` needs. Resolves when they are ready, when one failed (the game then
 * draws with system fonts rather than not at all), or after LOAD_PATIENCE_MS at the latest.
 */
export function loadLanguageFonts(language: Language, subsets: readonly FontSubset[] = SUBSETS_FOR[language]): Promise<void> {
  if (typeof document === 'undefined' || typeof FontFace === 'undefined') return Promise.resolve();
  const faces = subsets.flatMap((subset) => FONT_WEIGHTS.map((weight) => loadFace(subset, weight)));
  let timer: ReturnType<typeof setTimeout> | undefined;
  const patience = new Promise<void>((resolve) => {
    timer = setTimeout(() => {
      console.warn(`The ${language} fonts took longer than ${LOAD_PATIENCE_MS / 1000} s; starting with the system's fonts.`);
      resolve();
    }, LOAD_PATIENCE_MS);
  });
  return Promise.race([Promise.all(faces).then(() => undefined), patience]).finally(() => clearTimeout(timer));
}
