/**
 * A class game's turn, under End turn: what the server has of this turn — this team's orders sealed
 * (with Change orders) or on their way, the other team sealed or still choosing, a refusal in the
 * server's words — kept up to date in place as the server's views arrive. An observer's seat has no
 * End turn: it says what it watches.
 */
import { t } from '../../../i18n';
import { SIDES, type Side } from '../../../engine/model';
import { otherSide } from '../../../store/session';
import { selectMemoShort } from '../../../store';
import { MAX_MEMO } from '../../../class/instructor';
import { announce } from '../../announce';
import { button, el, setButtonLabel, textField } from '../../kit';
import type { ScreenContext } from '../view';

export function classSeatStatus(ctx: ScreenContext, end: HTMLButtonElement): HTMLElement {
  const line = el('p', { class: 'turn-class-status', aria: { live: 'polite' } });
  // The status is the line's text; an observer's is one line per side.
  const refusal = el('p', { class: 'turn-class-refusal', role: 'alert' });
  const change = button({ label: t('classGame.turn.change'), key: 'class:unseal', onPress: () => ctx.actions.unsealOrders() });
  const side = (s: Side): string => t(`classGame.seats.${s}`);
  const paused = el('p', { class: 'turn-class-paused notice', role: 'status', text: t('classWork.paused') });
  const start = ctx.state().classGame;
  // The memo: in a class's games only, written by the team while it chooses and sent with its orders.
  const memo =
    start?.memo && start.seat !== 'observer'
      ? textField({
          label: t('classWork.memo.label'),
          key: 'class:memo',
          value: start.memoDraft,
          multiline: true,
          maxLength: MAX_MEMO,
          detail: start.memo.required ? t('classWork.memo.required', { count: start.memo.minLength }) : t('classWork.memo.optional'),
          onInput: (v) => ctx.actions.setMemo(v),
        })
      : null;
  const memoInput = memo?.querySelector('textarea');
  const memoCount = el('p', { class: 'turn-class-memo-count', aria: { live: 'polite' } });
  memo?.classList.add('turn-class-memo');

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
      const short = selectMemoShort(ctx.state());
      end.hidden = mine;
      change.hidden = !mine;
      change.disabled = c.sending || c.connection !== 'connected' || c.paused;
      end.disabled = change.disabled || (short ?? 0) > 0;
      if (memoInput) memoInput.disabled = mine;
      memoCount.hidden = short === null || mine;
      memoCount.textContent = short === null ? '' : short > 0 ? t('classWork.memo.short', { count: short }) : t('classWork.memo.enough');
      if (short && short > 0) end.title = t('classWork.memo.endBlocked', { count: short });
      else end.removeAttribute('title');
      setButtonLabel(end, c.sending ? t('classGame.turn.sending') : t('play.turn.endTurn'));
      line.textContent = mine ? t('classGame.turn.sealed', { side: side(other) }) : t(c.sealed[other] ? 'classGame.turn.otherSealed' : 'classGame.turn.otherChoosing', { side: side(other) });
    }
    paused.hidden = !c.paused;
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
  return el('div', { class: 'turn-class' }, paused, memo, memoCount, change, line, refusal);
}
