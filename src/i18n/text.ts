/** Scenario text (a string, or {en, ja, ko}) in the player's language, falling back to English. */
import type { Language, Text } from '../engine/model';

export function localize(text: Text | undefined, language: Language): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  return hasOwn(text, language) ? text[language]! : text.en;
}

/** Whether a text map has its own, non-blank text in `language`. */
function hasOwn(text: Exclude<Text, string>, language: Language): boolean {
  const own = text[language];
  return own !== undefined && own.trim() !== '';
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
  return hasOwn(text, language) ? undefined : 'en';
}
