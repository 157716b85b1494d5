/** Strings of an instructor's own scenarios: loading a file, its located problems, the remembered list. */
export const library = {};
