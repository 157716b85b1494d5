/** Strings of the class debrief: the printable page and the JSON and CSV exports. */
export const report = {};
