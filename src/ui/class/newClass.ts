/**
 * The instructor key of the class this page has just made, held in memory until the dashboard has
 * shown it and the instructor has noted it: the server shows a key once and keeps only its hash.
 * Never stored here beyond the page (the device's own memory of it is src/ui/class/seatKeys.ts).
 */
let made: { readonly code: string; readonly key: string } | null = null;

export function keepNewKey(code: string, key: string): void {
  made = { code, key };
}

/** The key still to be shown for class `code`, if it was made on this page and not yet noted. */
export function newKeyOf(code: string): string | null {
  return made?.code === code ? made.key : null;
}

export function newKeyNoted(): void {
  made = null;
}
