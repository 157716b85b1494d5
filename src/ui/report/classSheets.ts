/**
 * The class debrief's printable pages: the whole class, or one page per team's work. Laid over the
 * game as the single game's printable debrief is (src/ui/report/printView.ts), with its toolbar and
 * the same classes, so the report part of src/style.css prints it the same way: only the pages,
 * black on white, the page size left to the printer (A4 or Letter). Escape or Back returns.
 */
import { t } from '../../i18n';
import { el } from '../kit';
import './classSheets.css';

export interface SheetPage {
  readonly heading: string;
  readonly children: readonly HTMLElement[];
}

let open: { readonly root: HTMLElement; readonly close: () => void } | null = null;

/** Shows `pages` over the game (the page underneath inert) until Back or Escape; `onClose` then gives focus back. */
export function openClassSheets(pages: readonly SheetPage[], language: string, documentTitle: string, onClose: () => void): void {
  open?.close();
  const root = el('div', { class: 'report-view class-sheets', id: 'class-sheets', lang: language, role: 'dialog', aria: { modal: true, label: documentTitle } });
  const back = el('button', { text: t('instructorClass.sheets.back'), data: { report: 'back' } });
  back.type = 'button';
  const print = el('button', { class: 'report-primary', text: t('report.view.print'), data: { report: 'print' } });
  print.type = 'button';
  const articles = pages.map((p, i) => {
    const h1 = el('h1', { text: p.heading, tabIndex: -1 });
    if (i === 0) h1.id = 'class-sheets-title';
    return el('article', { class: 'report-page class-sheet' }, h1, ...p.children);
  });
  root.append(el('div', { class: 'report-toolbar' }, back, print, el('span', { class: 'report-hint', text: t('report.view.hint') })), ...articles);

  const others = [...document.body.children].filter((c): c is HTMLElement => c instanceof HTMLElement && c !== root && !c.inert);
  const title = document.title;
  const close = (): void => {
    if (open?.root !== root) return;
    open = null;
    root.remove();
    for (const o of others) o.inert = false;
    document.body.classList.remove('report-open');
    document.title = title;
    onClose();
  };
  back.addEventListener('click', close);
  print.addEventListener('click', () => window.print());
  root.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    // Ours alone: the screen's own Escape must not run underneath.
    event.preventDefault();
    event.stopPropagation();
    close();
  });
  document.body.append(root);
  for (const o of others) o.inert = true;
  document.body.classList.add('report-open');
  document.title = documentTitle;
  open = { root, close };
  root.querySelector<HTMLElement>('#class-sheets-title')?.focus();
}

export function closeClassSheets(): void {
  open?.close();
}
