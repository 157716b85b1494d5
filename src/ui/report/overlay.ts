/**
 * A printable page laid over the game: a toolbar (Back, Print) and the pages. The game underneath is
 * made inert (no focus, no screen reader) and the document takes the page's title until Back or
 * Escape; `onClose` then gives focus back. One at a time: opening one closes any other. The single
 * game's printable debrief and the class debrief's pages both open through here.
 */
import { t } from '../../i18n';

export interface OverlayOptions {
  readonly backLabel: string;
  readonly documentTitle: string;
  /** What takes focus once it is open (the first page's heading). */
  readonly focus: string;
  readonly onClose: () => void;
}

export interface Overlay {
  readonly root: HTMLElement;
  readonly close: () => void;
}

let current: Overlay | null = null;

/** `root` is the dialog (its role, label and language set by the caller); `pages` go under the toolbar. */
export function openOverlay(root: HTMLElement, pages: readonly Node[], o: OverlayOptions): Overlay {
  current?.close();
  const button = (text: string, action: string, className?: string): HTMLButtonElement => {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = text;
    b.dataset.report = action;
    if (className) b.className = className;
    return b;
  };
  const back = button(o.backLabel, 'back');
  const print = button(t('report.view.print'), 'print', 'report-primary');
  const hint = document.createElement('span');
  hint.className = 'report-hint';
  hint.textContent = t('report.view.hint');
  const toolbar = document.createElement('div');
  toolbar.className = 'report-toolbar';
  toolbar.append(back, print, hint);
  root.append(toolbar, ...pages);

  const others = [...document.body.children].filter((c): c is HTMLElement => c instanceof HTMLElement && c !== root && !c.inert);
  const title = document.title;
  const overlay: Overlay = {
    root,
    close: () => {
      if (current !== overlay) return;
      current = null;
      root.remove();
      for (const other of others) other.inert = false;
      document.body.classList.remove('report-open');
      document.title = title;
      o.onClose();
    },
  };
  back.addEventListener('click', overlay.close);
  print.addEventListener('click', () => window.print());
  root.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    // Ours alone: the screen's own Escape (back) must not run underneath.
    event.preventDefault();
    event.stopPropagation();
    overlay.close();
  });
  document.body.append(root);
  for (const other of others) other.inert = true;
  document.body.classList.add('report-open');
  document.title = o.documentTitle;
  current = overlay;
  root.querySelector<HTMLElement>(o.focus)?.focus();
  return overlay;
}

/** Is `overlay` the one open now? */
export const isOpen = (overlay: Overlay | null): boolean => overlay !== null && current === overlay;
