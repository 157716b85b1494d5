/** The play table in Japanese; keys mirror src/i18n/en/play.ts. */
export const play = {};
