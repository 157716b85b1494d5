/**
 * The library dialog: the problems of scenario files that could not join the list, as the command
 * line prints them (FILE:LINE:COL and the checker's own words), each with the line it points at and
 * a caret under the column. A modal DOM dialog (visible, not canvas): focus moves into it and comes
 * back on close; Escape closes; the game underneath keeps its state. Text only via textContent.
 */
import { currentLanguage, t } from '../../i18n';
import { formatProblem } from '../../scenario/problems';
import type { AppStore, LibraryProblem, LibraryReport } from '../../store';
import { announce } from '../announce';
import { inApp } from '../appRoot';
import { button as kitButton, el as kitEl } from '../kit';

/** A problem in the player's language: the checker's words as they are, or the interface's wording of a reason. */
export function problemMessage(problem: LibraryProblem): string {
  return problem.message ?? t(`library.reasons.${problem.reason ?? 'fileUnreadable'}`, { ...problem.params });
}

/** Where a problem is, as editors jump to it ("name.yaml:12:5"); empty for a problem with no place. */
export function problemPlace(file: string, problem: LibraryProblem): string {
  return problem.line === undefined ? '' : `${file}:${problem.line}:${problem.col ?? 1}`;
}

/** The problems as text to copy: the command line's lines (FILE:LINE:COL: error: MESSAGE), then a count per file. */
export function problemsText(reports: readonly LibraryReport[]): string {
  const lines: string[] = [];
  for (const report of reports) {
    if (report.from) lines.push(`# ${report.from}`);
    for (const p of report.problems) {
      const message = problemMessage(p);
      lines.push(p.line === undefined ? `${report.file}: error: ${message}` : formatProblem({ file: report.file, line: p.line, col: p.col ?? 1, message, stage: 'file' }));
    }
    lines.push(`${report.file}: ${report.problems.length} problem${report.problems.length === 1 ? '' : 's'}`);
  }
  return lines.join('\n');
}

/** The kit's element builder, in the dialog's call shape. */
function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  return kitEl(tag, { ...(text !== undefined && { text }), ...(className && { class: className }) });
}

function button(label: string, onClick: () => void): HTMLButtonElement {
  return kitButton({ label, onPress: onClick });
}

function heading(report: LibraryReport): string {
  if (report.file === '') return t('library.dialog.headingLibrary');
  if (report.added) return t('library.dialog.headingWarning', { file: report.file });
  if (report.rememberedId !== undefined) return t('library.dialog.headingRemembered', { file: report.file });
  return t('library.dialog.headingFailed', { file: report.file });
}

/** One problem: where, what, and the lines around it with a caret under the column. */
function problemItem(file: string, problem: LibraryProblem): HTMLLIElement {
  const item = el('li');
  const place = problemPlace(file, problem);
  if (place) item.append(el('span', place, 'library-place'), ' ');
  const message = el('span', problemMessage(problem), 'library-message');
  // The checker speaks English (as on the command line); say so to a screen reader in another language.
  if (problem.message !== undefined) message.lang = 'en';
  item.append(message);
  if (problem.source !== undefined) item.append(sourceExcerpt(problem, problem.source));
  return item;
}

/** The rows the dialog shows for a problem: the lines around it with their numbers, its own line marked. */
export function excerptRows(problem: LibraryProblem, source: string): { gutter: string; text: string; marked: boolean }[] {
  const lines = problem.excerpt?.length ? problem.excerpt : [{ line: problem.line ?? 1, text: source, marked: true }];
  const width = String(lines.at(-1)!.line).length;
  // The marked line is the one cut around the column, so the caret's place in it holds.
  return lines.map((l) => ({ gutter: `${String(l.line).padStart(width)} │ `, text: l.marked ? source : l.text, marked: l.marked }));
}

function sourceExcerpt(problem: LibraryProblem, source: string): HTMLPreElement {
  const pre = el('pre', undefined, 'library-source');
  for (const row of excerptRows(problem, source)) {
    const gutter = el('span', row.gutter, 'library-gutter');
    gutter.setAttribute('aria-hidden', 'true');
    pre.append(gutter, el('code', row.text, row.marked ? 'library-marked' : undefined), '\n');
    if (!row.marked) continue;
    // The caret lines up under the column whatever the characters before it (tabs, wide CJK
    // characters): the line's own text up to the column, invisible, pushes it there.
    const column = (problem.sourceCol ?? problem.col ?? 1) - 1;
    const caretLine = el('span', undefined, 'library-caret-line');
    caretLine.setAttribute('aria-hidden', 'true');
    caretLine.append(el('span', row.gutter + row.text.slice(0, column), 'library-pad'), el('span', '^', 'library-caret'));
    pre.append(caretLine, '\n');
  }
  return pre;
}

/**
 * A library dialog, in the page (not yet open): an alertdialog whose keys and pointer presses stay
 * inside it, Escape (and the browser's own cancel) calling `onEscape`.
 */
export function libraryDialog(onEscape: () => void): HTMLDialogElement {
  const dialog = el('dialog', undefined, 'library-dialog');
  dialog.setAttribute('role', 'alertdialog');
  dialog.addEventListener('cancel', (event) => {
    event.preventDefault();
    onEscape();
  });
  // Keys stay in the dialog: the screen underneath (its Escape, the turn screen's shortcuts) must not hear them.
  dialog.addEventListener('keydown', (event) => {
    event.stopPropagation();
    if (event.key === 'Escape') {
      event.preventDefault();
      onEscape();
    }
  });
  // Nor the pointer: Phaser hears mouse and touch releases on the whole window and would press the canvas button under the dialog's.
  for (const type of ['mousedown', 'mouseup', 'pointerdown', 'pointerup', 'touchstart', 'touchend']) dialog.addEventListener(type, (event) => event.stopPropagation());
  document.body.append(dialog);
  return dialog;
}

/** Shows the store's libraryProblems whenever there are some. Returns the unsubscribe. */
export function installLibraryDialog(store: AppStore): () => void {
  let dialog: HTMLDialogElement | null = null;
  let returnTo: HTMLElement | null = null;

  const dismiss = (): void => store.getState().actions.dismissLibraryProblems();

  const close = (): void => {
    if (!dialog) return;
    dialog.close();
    dialog.remove();
    dialog = null;
    // Back where the player was, or (if that screen has gone meanwhile) the current screen's first
    // control; a list of choices is entered at its chosen one, as Tab would.
    const target = returnTo?.isConnected ? returnTo : (inApp('input[type="radio"]:checked') ?? inApp('button:not([disabled]), input:not([disabled])'));
    returnTo = null;
    target?.focus({ preventScroll: true });
  };

  const show = (reports: readonly LibraryReport[]): void => {
    const opening = dialog === null;
    if (!dialog) {
      returnTo = document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null;
      dialog = libraryDialog(dismiss);
    }
    const d = dialog;
    d.lang = currentLanguage();

    const title = el('h2', reports.length === 1 ? heading(reports[0]!) : t('library.dialog.headingMany', { count: reports.length }));
    title.id = 'library-dialog-title';
    d.setAttribute('aria-labelledby', title.id);
    const intro = el('p', t(reports.every((r) => r.problems.every((p) => p.message === undefined)) ? 'library.dialog.introOther' : 'library.dialog.intro'), 'library-intro');
    intro.id = 'library-dialog-intro';
    d.setAttribute('aria-describedby', intro.id);

    const body = el('div', undefined, 'library-reports');
    for (const report of reports) {
      const section = el('section');
      if (reports.length > 1) section.append(el('h3', heading(report)));
      if (report.from) section.append(el('p', t('library.dialog.from', { url: report.from }), 'library-from'));
      section.append(el('p', t('library.dialog.count', { count: report.problems.length, file: report.file || 'cyd.library' }), 'library-count'));
      const list = el('ol', undefined, 'library-problems');
      list.append(...report.problems.map((p) => problemItem(report.file, p)));
      section.append(list);
      if (report.rememberedId !== undefined) {
        const id = report.rememberedId;
        section.append(
          button(t('library.dialog.forget', { file: report.file }), () => {
            store.getState().actions.removeFromLibrary(id);
            announce(t('library.removed', { file: report.file }));
            const rest = store.getState().libraryProblems.filter((r) => r !== report);
            dismiss();
            if (rest.length > 0) store.getState().actions.showLibraryProblems(rest);
          }),
        );
      }
      body.append(section);
    }

    const copy = button(t('library.dialog.copy'), () => {
      const text = problemsText(store.getState().libraryProblems);
      const copied = navigator.clipboard?.writeText(text) ?? Promise.reject(new Error('no clipboard'));
      copied.then(
        () => announce(t('library.dialog.copied')),
        () => announce(t('library.dialog.copyFailed')),
      );
    });
    const closeButton = kitButton({ label: t('library.dialog.close'), onPress: dismiss, variant: 'primary' });
    const footer = el('div', undefined, 'library-actions');
    footer.append(copy, closeButton);
    d.replaceChildren(title, intro, body, footer);

    if (opening) d.showModal();
    closeButton.focus();
    announce(title.textContent ?? '');
  };

  const render = (reports: readonly LibraryReport[]): void => (reports.length > 0 ? show(reports) : close());
  render(store.getState().libraryProblems);
  return store.subscribe((state, previous) => {
    if (state.libraryProblems !== previous.libraryProblems) render(state.libraryProblems);
  });
}
