/** The menus table in Korean; keys mirror src/i18n/en/menus.ts. */
export const menus = {};
