/** The page's polite live region and its loading line: what a screen reader hears besides the focused control. */

let announceTimer: ReturnType<typeof setTimeout> | undefined;

/**
 * Says something through the polite live region. The region is emptied first and filled on the
 * next tick so that repeating the same message is announced again.
 */
export function announce(message: string): void {
  const region = document.getElementById('announcer');
  if (!region) return;
  region.textContent = '';
  if (announceTimer !== undefined) clearTimeout(announceTimer);
  announceTimer = setTimeout(() => {
    region.textContent = message;
  }, 50);
}

/** Replaces the loading message (or removes it once the game is ready). */
export function setLoadingMessage(message: string | null): void {
  const el = document.getElementById('loading');
  if (!el) return;
  if (message === null) el.remove();
  else el.textContent = message;
}
