/** The menus table in Japanese; keys mirror src/i18n/en/menus.ts. */
export const menus = {};
