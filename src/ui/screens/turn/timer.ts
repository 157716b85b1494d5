/**
 * Hot-seat: the team's turn timer as the room sees it. The store keeps the clock (and submits the
 * team's choices when it runs out); this only shows the time left, amber in the last 30 seconds,
 * and says the minute and half-minute marks.
 */
import { playSound } from '../../../audio/sound';
import type { Side } from '../../../engine/model';
import { t } from '../../../i18n';
import { clockLeftMs, type Clock } from '../../../store';
import { announce } from '../../announce';
import { el } from '../../kit';
import type { ScreenContext } from '../view';

/** Time left as m:ss, rounded up (a timer showing 0:00 has run out). */
export function clockText(ms: number): string {
  const total = Math.ceil(ms / 1000);
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
}

/** Has the store rung the half-minute warning? undefined while the store does not say (it rings nothing then). */
function warnedOf(clock: Clock | null): boolean | undefined {
  return clock && 'warned' in clock ? Boolean((clock as { warned?: unknown }).warned) : undefined;
}

/** The timer's text, kept up to date every second while the screen shows. */
export function teamTimer(ctx: ScreenContext, side: Side): HTMLElement {
  const team = t(`common.sides.${side}`);
  // Not a live region: the minute marks are announced, the seconds only shown.
  const text = el('p', { class: 'turn-timer', data: { key: 'timer' } });
  let shown = -1;
  let timeUp = false;
  const tick = (): void => {
    const { clock, screen, instructor } = ctx.state();
    if (!clock || clock.side !== side || screen !== 'turn') return;
    const left = clockLeftMs(clock, Date.now());
    const seconds = Math.ceil(left / 1000);
    if (seconds !== shown) {
      const before = shown;
      shown = seconds;
      text.textContent = t('hotseat.turn.timeLeftSpoken', { side: team, time: clockText(left) });
      text.classList.toggle('turn-timer-low', seconds <= 30);
      const storeWarns = warnedOf(clock) !== undefined;
      if (before > 60 && seconds <= 60 && seconds > 30) announce(t('hotseat.turn.oneMinute', { side: team }));
      else if (!storeWarns && before > 30 && seconds <= 30 && seconds > 0) warn();
    }
    if (left <= 0 && !timeUp && !instructor.paused) {
      timeUp = true;
      announce(t('hotseat.turn.timeUp', { side: team }));
      // Until the store's timer lands: the store submits by itself once it keeps `warned`.
      if (warnedOf(clock) === undefined) ctx.actions.timeUp();
    }
  };
  const warn = (): void => {
    playSound('warning');
    announce(t('hotseat.turn.thirtySeconds', { side: team }));
  };
  ctx.watch(
    (s) => warnedOf(s.clock),
    (warned, before) => {
      if (warned && before === false) warn();
    },
  );
  tick();
  // Four looks a second, so the shown second turns over close to when it does.
  const interval = setInterval(tick, 250);
  ctx.onLeave(() => clearInterval(interval));
  return text;
}
