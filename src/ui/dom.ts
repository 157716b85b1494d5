/**
 * The accessible DOM layer: a real document structure that mirrors what the canvas shows, for
 * keyboard users, screen readers and end-to-end tests. Text is always set with textContent.
 */

function byId(id: string): HTMLElement {
  const el = document.getElementById(id);
  if (!el) throw new Error(`index.html is missing #${id}`);
  return el;
}

/** Removes whatever the previous screen put into the layer. */
export function clearScreen(): void {
  byId('a11y-content').replaceChildren();
}

export interface TitleScreenOptions {
  title: string;
  subtitle: string;
  onStart: () => void;
}

/** Mirrors the title screen: a heading, its subtitle and the Start control. */
export function showTitleScreen({ title, subtitle, onStart }: TitleScreenOptions): void {
  const h1 = document.createElement('h1');
  h1.className = 'visually-hidden';
  h1.textContent = title;
  const ja = hiddenParagraph('近くて遠い国', 'ja');
  const ko = hiddenParagraph('가깝고도 먼 나라', 'ko');
  const sub = hiddenParagraph(subtitle);

  const start = document.createElement('button');
  start.type = 'button';
  start.textContent = 'Start';
  start.addEventListener('click', onStart);

  byId('a11y-content').replaceChildren(h1, ja, ko, sub, start);
}

/** Text the canvas shows, repeated for screen readers only. */
function hiddenParagraph(text: string, lang?: string): HTMLParagraphElement {
  const p = document.createElement('p');
  p.className = 'visually-hidden';
  if (lang) p.lang = lang;
  p.textContent = text;
  return p;
}

let announceTimer: ReturnType<typeof setTimeout> | undefined;

/**
 * Says something through the polite live region. The region is emptied first and filled on the
 * next tick so that repeating the same message is announced again.
 */
export function announce(message: string): void {
  const region = byId('announcer');
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
