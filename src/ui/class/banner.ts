/**
 * A class game's connection, always in sight while the device holds a seat: which game and seat,
 * and whether it is connected, reconnecting (the orders are kept), lost or taken over — with Rejoin
 * where the team has something to do. It lies outside #app, so no screen change removes it.
 */
import { t } from '../../i18n';
import type { AppStore, ClassGame } from '../../store';
import { announce } from '../announce';
import { button, el } from '../kit';
import { rememberedSeat } from './seatKeys';
import './banner.css';

export function mountClassBanner(store: AppStore): void {
  const text = el('span', { class: 'class-banner-text' });
  // What the instructor has done to the game, beside the connection: paused, the true meters shown.
  const state = el('span', { class: 'class-banner-state' });
  const rejoin = button({
    label: t('classGame.banner.rejoin'),
    key: 'class:banner-rejoin',
    variant: 'quiet',
    onPress: () => {
      const seat = rememberedSeat();
      const c = store.getState().classGame;
      if (!seat || !c) return;
      store.getState().actions.classConnectionChanged('connecting');
      void import('./connection').then(({ joinClassGame }) =>
        joinClassGame(store, { ...seat, takeover: c.connection === 'replaced' }).then((r) => {
          if (!r.ok) {
            store.getState().actions.classConnectionChanged('lost');
            announce(t('classGame.failed', { problem: r.problem }));
          }
        }),
      );
    },
  });
  const banner = el('div', { class: 'class-banner', role: 'status', hidden: true }, text, state, rejoin);
  document.body.insertBefore(banner, document.getElementById('app'));

  let shown: ClassGame | null = null;
  const draw = (c: ClassGame | null): void => {
    if (c === shown) return;
    const before = shown;
    shown = c;
    banner.hidden = c === null;
    if (!c) return;
    const seat = t(`classGame.seats.${c.seat}`);
    text.textContent = c.connection === 'connected' || c.connection === 'connecting' ? t(`classGame.banner.${c.connection}`, { code: c.code, seat }) : t(`classGame.banner.${c.connection}`);
    banner.dataset.connection = c.connection;
    state.textContent = [c.paused && t('classWork.banner.paused'), c.revealed && t('classWork.banner.revealed')].filter(Boolean).join(' · ');
    state.hidden = state.textContent === '';
    if (before && c.paused && !before.paused) announce(t('classWork.paused'));
    if (before && c.revealed && !before.revealed) announce(t('classWork.revealed'));
    rejoin.hidden = c.connection !== 'lost' && c.connection !== 'replaced';
    if (before?.connection !== c.connection && before) announce(text.textContent);
  };
  draw(store.getState().classGame);
  store.subscribe((s) => draw(s.classGame));
}
