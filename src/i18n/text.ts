/** Scenario text (a string, or {en, ja, ko}) in the player's language, falling back to English. */
import type { Language, Text } from '../engine/model';

export function localize(text: Text | undefined, language: Language): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  const own = text[language];
  return own !== undefined && own.trim() !== '' ? own : text.en;
}
