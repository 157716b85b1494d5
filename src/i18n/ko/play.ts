/** The play table in Korean; keys mirror src/i18n/en/play.ts. */
export const play = {};
