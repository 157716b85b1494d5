/** What a language needs before any screen is drawn in it: its strings and its fonts (so no screen shows in a system font and then jumps to ours). */
import type { Language } from '../engine/model';
import { loadLanguage } from '../i18n';
import { loadLanguageFonts } from './fonts';

export function prepareLanguage(language: Language): Promise<void> {
  return Promise.all([loadLanguage(language), loadLanguageFonts(language)]).then(() => undefined);
}
