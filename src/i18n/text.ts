/** Scenario text (a string, or {en, ja, ko}) in the player's language, falling back to English. */
import type { Language, Text } from '../engine/model';

export function localize(text: Text | undefined, language: Language): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  const own = text[language];
  if (own === undefined || own.trim() === '') return text.en;
  return language === 'ja' ? withoutFoldedSpaces(own) : own;
}

// Japanese, CJK punctuation and full-width forms: the characters Japanese text runs together without spaces.
const JAPANESE = '[\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\u3000-\\u303f\\uff01-\\uff60\\u30fc]';
// Japanese writes numbers into the sentence too ("2015年12月").
const FOLDED_SPACE = new RegExp(`(${JAPANESE}) (?=${JAPANESE}|\\d)|(\\d) (?=${JAPANESE})`, 'gu');

/**
 * YAML's folded blocks (`>`) join a text's lines with a space, which Japanese does not write
 * between words: a space between two Japanese characters is the file's line break, not the
 * author's. (Korean writes spaces between words, so its text is left as it is.)
 */
export function withoutFoldedSpaces(text: string): string {
  return text.includes(' ') ? text.replace(FOLDED_SPACE, '$1$2') : text;
}

// Letters of Japanese or Korean: a plain string with none of them, shown in a Japanese or Korean interface, is English.
const CJK_LETTER = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/**
 * The `lang` to mark scenario text with when it is shown in `language` but is not in it: 'en' when
 * localize fell back to English (a map without the language, or a plain string written without
 * Japanese or Korean letters), so a screen reader reads it with an English voice; undefined when the
 * text is in the interface's language (the page's own `lang` holds).
 */
export function fallbackLang(text: Text | undefined, language: Language): 'en' | undefined {
  if (language === 'en' || text === undefined) return undefined;
  if (typeof text === 'string') return text.trim() !== '' && !CJK_LETTER.test(text) ? 'en' : undefined;
  const own = text[language];
  return own === undefined || own.trim() === '' ? 'en' : undefined;
}
