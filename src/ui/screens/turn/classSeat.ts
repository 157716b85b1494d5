/**
 * A class game's turn, under End turn: what the server has of this turn — this team's orders sealed
 * (with Change orders) or on their way, the other team sealed or still choosing, a refusal in the
 * server's words — kept up to date in place as the server's views arrive. An observer's seat has no
 * End turn: it says what it watches.
 */
import { t } from '../../../i18n';
import { SIDES, type Side } from '../../../engine/model';
import { otherSide } from '../../../store/session';
import { announce } from '../../announce';
import { button, el, setButtonLabel } from '../../kit';
import type { ScreenContext } from '../view';

export function classSeatStatus(ctx: ScreenContext, end: HTMLButtonElement): HTMLElement {
  const line = el('p', { class: 'turn-class-status', aria: { live: 'polite' } });
  // The status is the line's text; an observer's is one line per side.
  const refusal = el('p', { class: 'turn-class-refusal', role: 'alert' });
  const change = button({ label: t('classGame.turn.change'), key: 'class:unseal', onPress: () => ctx.actions.unsealOrders() });
  const side = (s: Side): string => t(`classGame.seats.${s}`);

  const draw = (): void => {
    const c = ctx.state().classGame;
    if (!c) return;
    if (c.seat === 'observer') {
      end.hidden = true;
      change.hidden = true;
      line.replaceChildren(
        el('span', { text: t('classGame.turn.watching') }),
        ...SIDES.map((s) => el('span', { class: `turn-class-side side-${s}`, text: t(c.sealed[s] ? 'classGame.turn.otherSealed' : 'classGame.turn.otherChoosing', { side: side(s) }) })),
      );
    } else {
      const other = otherSide(c.seat);
      const mine = c.sealed[c.seat];
      end.hidden = mine;
      change.hidden = !mine;
      end.disabled = c.sending || c.connection !== 'connected';
      change.disabled = end.disabled;
      setButtonLabel(end, c.sending ? t('classGame.turn.sending') : t('play.turn.endTurn'));
      line.textContent = mine ? t('classGame.turn.sealed', { side: side(other) }) : t(c.sealed[other] ? 'classGame.turn.otherSealed' : 'classGame.turn.otherChoosing', { side: side(other) });
    }
    refusal.textContent = c.refusal ? t('classGame.turn.refused', { problem: c.refusal.problem }) : '';
    refusal.hidden = !c.refusal;
  };
  draw();
  ctx.watch(
    (s) => s.classGame,
    (now, before) => {
      draw();
      if (now && before && now.seat !== 'observer' && now.seat === before.seat && now.sealed[now.seat] && !before.sealed[now.seat]) announce(line.textContent ?? '');
    },
  );
  return el('div', { class: 'turn-class' }, change, line, refusal);
}
