/**
 * Where the screens live: index.html's #app, the one element holding every word and control of the
 * game (the instructor's panel and the library's dialog lie outside it and make it inert while open).
 */
export const APP_ID = 'app';

/** The screens' root, or null before index.html has it (a test page without it). */
export const appRoot = (): HTMLElement | null => document.getElementById(APP_ID);

/** The screen's first control matching `selector`, searched inside #app only. */
export const inApp = <E extends HTMLElement = HTMLElement>(selector: string): E | null => appRoot()?.querySelector<E>(selector) ?? null;
