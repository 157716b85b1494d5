/**
 * The `?scenario=` download in the page: a panel that says what is being fetched and from where,
 * how far it has come, and a Cancel button (the kit's), while the game stays usable underneath.
 * Said to screen readers when it starts; the panel is a labelled region they can find.
 */
import { currentLanguage, t } from '../../i18n';
import { announce } from '../announce';
import { button, el } from '../kit';
import type { DownloadProgress } from './address';
import './library.css';

export interface DownloadPanel {
  /** Aborted when the person presses Cancel. */
  readonly signal: AbortSignal;
  readonly progress: (progress: DownloadProgress) => void;
  close(): void;
}

const kb = (bytes: number): string => String(Math.max(0, Math.round(bytes / 1024)));

/** Shows the panel for `file` fetched from `url` (until close). */
export function showDownload(file: string, url: URL): DownloadPanel {
  const cancel = new AbortController();
  const host = url.host || url.href;
  const bar = el('progress', { class: 'library-download-bar', aria: { label: t('library.download.region') } });
  const figures = el('p', { class: 'library-download-figures', text: t('library.download.progressUnknown', { received: 0 }) });
  const stop = button({
    label: t('library.download.cancel'),
    spokenLabel: t('library.download.cancelSpoken', { file }),
    key: 'library:cancel-download',
    onPress: () => cancel.abort(),
  });
  const panel = el(
    'section',
    { class: 'library-download floating-panel', lang: currentLanguage(), aria: { label: t('library.download.region'), busy: true } },
    el('p', { class: 'library-download-what', text: t('library.download.downloading', { file, host }) }),
    bar,
    figures,
    el('div', { class: 'library-download-actions' }, stop),
  );
  document.body.append(panel);
  announce(t('library.download.started', { file, host }));
  return {
    signal: cancel.signal,
    progress: ({ received, total }) => {
      if (total !== null) {
        bar.max = total;
        bar.value = received;
      } else bar.removeAttribute('value');
      figures.textContent = total !== null ? t('library.download.progress', { received: kb(received), total: kb(total) }) : t('library.download.progressUnknown', { received: kb(received) });
    },
    close: () => {
      const hadFocus = panel.contains(document.activeElement);
      panel.remove();
      // Focus on Cancel goes back to the screen, not to the page's body.
      if (hadFocus) document.querySelector<HTMLElement>('#app button:not([disabled]), #app input:not([disabled])')?.focus({ preventScroll: true });
    },
  };
}
