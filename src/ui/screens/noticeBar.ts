/**
 * The save notice: what the player must read about their saves (a damaged save, full storage,
 * another tab, choices dropped), across the top of the screen until dismissed. One bar for every
 * screen that can be showing when a notice arrives, so it is never set and left unsaid.
 */
import { saveProblemText, t } from '../../i18n';
import type { Notice } from '../../store';
import { announce } from '../announce';
import { button, el } from '../kit';
import type { ScreenContext } from './view';

function bar(ctx: ScreenContext, notice: Notice): HTMLElement {
  return el(
    'div',
    { class: 'notice notice-bar', role: 'alert' },
    el('p', { text: t('common.labelled', { label: t('title.noticeError'), text: saveProblemText(notice.problem) }) }),
    button({
      label: t('title.dismiss'),
      key: 'notice:dismiss',
      onPress: () => {
        ctx.actions.dismissNotice();
        announce(t('title.dismissed'));
      },
    }),
  );
}

/** A slot that shows the store's notice, and follows it while the screen shows (it says a new one aloud; the slot's role=alert reads it). */
export function noticeBar(ctx: ScreenContext): HTMLElement {
  const slot = el('div', { class: 'notice-slot' });
  const show = (notice: Notice | null): void => {
    slot.replaceChildren(...(notice ? [bar(ctx, notice)] : []));
  };
  show(ctx.state().notice);
  ctx.watch((s) => s.notice, show);
  return slot;
}
