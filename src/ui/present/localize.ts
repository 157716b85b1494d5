/** Scenario text in the player's language, falling back to English (the one helper of src/i18n/text.ts). */
export { localize } from '../../i18n/text';
