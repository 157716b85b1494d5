/**
 * The class debrief's printable pages: the whole class, or one page per team's work. Laid over the
 * game as the single game's printable debrief is (src/ui/report/printView.ts), with its toolbar and
 * the same classes, so the report part of src/style.css prints it the same way: only the pages,
 * black on white, the page size left to the printer (A4 or Letter). Escape or Back returns.
 */
import { t } from '../../i18n';
import { el } from '../kit';
import { isOpen, openOverlay, type Overlay } from './overlay';
import './classSheets.css';

export interface SheetPage {
  readonly heading: string;
  readonly children: readonly HTMLElement[];
}

let open: Overlay | null = null;

/** Shows `pages` over the game (the page underneath inert) until Back or Escape; `onClose` then gives focus back. */
export function openClassSheets(pages: readonly SheetPage[], language: string, documentTitle: string, onClose: () => void): void {
  const root = el('div', { class: 'report-view class-sheets', id: 'class-sheets', lang: language, role: 'dialog', aria: { modal: true, label: documentTitle } });
  const articles = pages.map((p, i) => {
    const h1 = el('h1', { text: p.heading, tabIndex: -1 });
    if (i === 0) h1.id = 'class-sheets-title';
    return el('article', { class: 'report-page class-sheet' }, h1, ...p.children);
  });
  open = openOverlay(root, articles, { backLabel: t('instructorClass.sheets.back'), documentTitle, focus: '#class-sheets-title', onClose });
}

export function closeClassSheets(): void {
  if (isOpen(open)) open!.close();
}
