/** What a language needs before any screen is drawn in it: its strings and its fonts (so no screen shows in a system font and then jumps to ours). */
import type { Language } from '../engine/model';
import { loadLanguage } from '../i18n';
import { LATER_SUBSETS_FOR, loadLanguageFonts } from './fonts';

export function prepareLanguage(language: Language): Promise<void> {
  return Promise.all([loadLanguage(language), loadLanguageFonts(language)]).then(() => undefined);
}

/** What a language shows only past its first screen (the shipped scenarios' own characters): fetched once that screen is up. */
export function completeLanguage(language: Language): Promise<void> {
  return loadLanguageFonts(language, LATER_SUBSETS_FOR[language]);
}
