/**
 * The committed CJK subset fonts (public/fonts/) draw every character the game shows in each
 * language, so no player ever meets a tofu box; and they are exactly what `npm run assets:fonts`
 * makes from today's tables and scenarios (so the script is deterministic and the files fresh).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Language } from '../src/engine/model';
import { FONT_SUBSETS, FONT_WEIGHTS, LATER_SUBSETS_FOR, SUBSETS_FOR, fontFileName } from '../src/ui/fonts';
import { charactersOf, collectShownText, isHangul, isJapaneseScript } from '../tools/fontText';
import { FONT_DIR, fontCharacters, sourceFontPath, writeFonts } from '../tools/make-fonts';

const shown = collectShownText();
const hex = (cp: number): string => `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;

/** What a language's faces draw, per weight, once all are loaded: the union of their cmaps. */
async function drawable(lang: Language, weight: (typeof FONT_WEIGHTS)[number]): Promise<Set<number>> {
  const out = new Set<number>();
  for (const subset of [...SUBSETS_FOR[lang], ...LATER_SUBSETS_FOR[lang]]) {
    for (const cp of await fontCharacters(readFileSync(join(FONT_DIR, fontFileName(subset, weight))))) out.add(cp);
  }
  return out;
}

/** Every character the full Noto fonts have (what a rerun of the script could add). */
async function inNoto(weight: (typeof FONT_WEIGHTS)[number]): Promise<Set<number>> {
  const out = new Set<number>();
  for (const subset of ['jp', 'kr'] as const) for (const cp of await fontCharacters(readFileSync(sourceFontPath(subset, weight)))) out.add(cp);
  return out;
}

/**
 * Characters of `lang`'s text its faces lack, each with the first source that shows it and the
 * fix: rerun the script, or (when not even the full Noto fonts have it) write another character.
 */
async function missing(lang: Language, weight: (typeof FONT_WEIGHTS)[number], needsOurFont: (cp: number) => boolean): Promise<string[]> {
  const has = await drawable(lang, weight);
  const noto = await inNoto(weight);
  const problems: string[] = [];
  const reported = new Set<number>();
  for (const { source, text } of shown[lang]) {
    for (const cp of charactersOf([text])) {
      if (!needsOurFont(cp) || has.has(cp) || reported.has(cp)) continue;
      reported.add(cp);
      const fix = noto.has(cp) ? 'run `npm run assets:fonts` and commit public/fonts/' : 'Noto Sans JP/KR have no glyph for it: write another character (e.g. › or → for ▸)';
      problems.push(`${String.fromCodePoint(cp)} (${hex(cp)}) from ${source}: ${fix}`);
    }
  }
  return problems;
}

const RERUN = 'characters the committed fonts cannot draw (tofu for a player without CJK system fonts)';

describe('the subset fonts in public/fonts', () => {
  it.each(FONT_WEIGHTS)('draw every character of the Japanese interface and scenarios (weight %i)', async (weight) => {
    // Everything on a Japanese screen comes from the game's fonts, Latin included.
    expect(await missing('ja', weight, () => true), RERUN).toEqual([]);
  });

  it.each(FONT_WEIGHTS)('draw every character of the Korean interface and scenarios (weight %i)', async (weight) => {
    expect(await missing('ko', weight, () => true), RERUN).toEqual([]);
  });

  it.each(FONT_WEIGHTS)('draw the CJK characters English screens show from the small common subsets (weight %i)', async (weight) => {
    // Latin comes from the system on English screens; only kana, kanji and hangul need ours.
    expect(await missing('en', weight, (cp) => isJapaneseScript(cp) || isHangul(cp)), RERUN).toEqual([]);
  });

  it('give English screens only a few kilobytes of CJK, and Japanese and Korean their own script', async () => {
    const sizes = Object.fromEntries(FONT_SUBSETS.map((subset) => [subset, readFileSync(join(FONT_DIR, fontFileName(subset, 400))).length]));
    expect(sizes['jp-common']! + sizes['kr-common']!).toBeLessThan(20 * 1024);
    const jp = await fontCharacters(readFileSync(join(FONT_DIR, fontFileName('jp', 400))));
    const kr = await fontCharacters(readFileSync(join(FONT_DIR, fontFileName('kr', 400))));
    // Whole kana blocks, so a teacher's own scenario in Japanese never lacks a kana.
    for (const cp of [0x3041, 0x3093, 0x30a1, 0x30f6, 0x30fc]) expect(jp.has(cp), hex(cp)).toBe(true);
    expect([...kr].some(isHangul)).toBe(true);
    expect([...jp].some(isHangul)).toBe(false);
  });

  describe('are what `npm run assets:fonts` makes', () => {
    const fresh = mkdtempSync(join(tmpdir(), 'cyd-fonts-'));
    afterAll(() => rmSync(fresh, { recursive: true, force: true }));

    it('byte for byte', { timeout: 180_000 }, async () => {
      await writeFonts(fresh);
      for (const subset of FONT_SUBSETS) {
        for (const weight of FONT_WEIGHTS) {
          const file = fontFileName(subset, weight);
          const same = readFileSync(join(fresh, file)).equals(readFileSync(join(FONT_DIR, file)));
          expect(same, `public/fonts/${file} differs from the script's output: run npm run assets:fonts`).toBe(true);
        }
      }
      expect(readFileSync(join(FONT_DIR, 'OFL.txt'), 'utf8')).toMatch(/SIL OPEN FONT LICENSE Version 1\.1/);
    });
  });
});
