/**
 * Asks before a file from a link (`?scenario=`) replaces the instructor's own file with the same id:
 * a link can come from anyone, and the remembered file is their work. A modal library dialog built
 * from the kit's controls; the safe answer (keep) has the focus and is what Escape gives.
 */
import { currentLanguage, t } from '../../i18n';
import { announce } from '../announce';
import { button, el, uniqueId } from '../kit';
import { libraryDialog } from './dialog';

export interface ReplaceQuestion {
  /** The instructor's file the link's would replace. */
  readonly own: string;
  /** The link's file: its name, where it came from, its id. */
  readonly incoming: string;
  readonly url: string;
  readonly id: string;
}

/** True when the person chose to replace their file. */
export type AskToReplace = (question: ReplaceQuestion) => Promise<boolean>;

export const askToReplace: AskToReplace = (q) =>
  new Promise<boolean>((resolve) => {
    const active = document.activeElement;
    const returnTo = active instanceof HTMLElement && active !== document.body ? active : null;
    let answered = false;
    const answer = (replace: boolean): void => {
      if (answered) return;
      answered = true;
      dialog.close();
      dialog.remove();
      if (returnTo?.isConnected) returnTo.focus({ preventScroll: true });
      resolve(replace);
    };
    const dialog = libraryDialog(() => answer(false));
    dialog.lang = currentLanguage();
    const heading = el('h2', { id: uniqueId('library-replace'), text: t('library.replace.heading', { file: q.own }) });
    const body = el('p', { id: uniqueId('library-replace-body'), class: 'library-intro', text: t('library.replace.body', { incoming: q.incoming, url: q.url, id: q.id, file: q.own }) });
    dialog.setAttribute('aria-labelledby', heading.id);
    dialog.setAttribute('aria-describedby', body.id);
    const keep = button({ label: t('library.replace.keep'), onPress: () => answer(false), variant: 'primary', key: 'library:keep' });
    const replace = button({ label: t('library.replace.replace'), onPress: () => answer(true), variant: 'danger', key: 'library:replace' });
    dialog.append(heading, body, el('div', { class: 'library-actions' }, replace, keep));
    dialog.showModal();
    keep.focus();
    announce(heading.textContent ?? '');
  });
