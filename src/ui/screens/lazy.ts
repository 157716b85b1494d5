/**
 * A screen whose code is fetched when it is first shown, so the page's first load does not carry it
 * (the class game's screen: most players never open it). Until it arrives the screen says it is
 * loading; then it is built in place, and focus goes where it would have had it been there at once.
 */
import { t } from '../../i18n';
import { el } from '../kit';
import type { ScreenView } from './view';

export function lazyView(load: () => Promise<ScreenView>): ScreenView {
  let loaded: ScreenView | null = null;
  return (root, ctx) => {
    if (loaded) return loaded(root, ctx);
    let left = false;
    ctx.onLeave(() => (left = true));
    root.append(el('p', { class: 'loading-screen', role: 'status', text: t('preloader.loading') }));
    void load().then(
      (view) => {
        loaded = view;
        if (left) return;
        root.replaceChildren();
        view(root, ctx);
        ctx.settled();
      },
      (error: unknown) => {
        if (!left) root.replaceChildren(el('p', { class: 'notice', role: 'alert', text: t('preloader.failed', { file: error instanceof Error ? error.message : String(error) }) }));
      },
    );
  };
}
