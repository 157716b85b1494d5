/**
 * Hot-seat: between two teams' turns, a screen that shows nothing of either side's meters or
 * choices. It names the team to take the controls (in its colour), the turn and date, and whether
 * the other team's choices are sealed; the team's press (Enter, Space or the big button) reveals
 * its turn. The same screen starts every turn, so the room always knows whose turn it is.
 */
import { SIDES } from '../../engine/model';
import { t, turnNumberAndWhen, turnWhen } from '../../i18n';
import { hasSealed } from '../../store';
import { otherSide } from '../../store/session';
import { announce } from '../announce';
import { button, el, keyHint } from '../kit';
import { noticeBar } from './noticeBar';
import './handover.css';
import type { ScreenView } from './view';

export const handoverView: ScreenView = (root, ctx) => {
  const { actions } = ctx;
  const { session, catalog } = ctx.state();
  const scenario = session && catalog.find((e) => e.id === session.scenarioId)?.scenario;
  if (!session || !scenario) {
    actions.go('title');
    return;
  }
  const side = session.human;
  const other = otherSide(side);
  const team = t(`common.sides.${side}`);
  const reveal = (): void => actions.revealTurn();
  const when = turnNumberAndWhen(scenario, session.state.turn);
  const date = turnWhen(scenario, session.state.turn);
  const pass = t('hotseat.handover.pass', { side: team });
  const press = t('hotseat.handover.press');
  const status = hasSealed(session, other) ? t('hotseat.handover.sealed', { side: t(`common.sides.${other}`) }) : t('hotseat.handover.first', { side: team });

  const revealButton = button({ label: t('hotseat.handover.reveal', { side: team }), key: 'reveal', variant: 'primary', class: 'handover-reveal', onPress: reveal });
  revealButton.dataset.autofocus = '';

  root.append(
    el(
      'div',
      { class: `handover-layout handover-${side}` },
      // A band in each side's colour along the top: the screen belongs to neither, the team called is lit.
      el('div', { class: 'handover-band', aria: { hidden: true } }, ...SIDES.map((s) => el('span', { class: s === side ? `handover-band-${s} handover-band-on` : `handover-band-${s}` }))),
      el('header', { class: 'handover-top' }, noticeBar(ctx), button({ label: t('play.turn.menu'), key: 'menu', variant: 'quiet', onPress: () => actions.openSettings() })),
      el(
        'main',
        { class: 'handover-card panel' },
        el('p', { class: 'handover-when muted', text: when }),
        // One heading says both halves, as the room reads it: whom to pass to, and what to press.
        el(
          'h1',
          { class: 'handover-call' },
          el('span', { class: `handover-pass side-${side}`, text: pass }),
          el('span', { class: 'visually-hidden', text: ' — ' }),
          el('span', { class: 'handover-press', text: press }),
        ),
        revealButton,
        el('p', { class: 'handover-status', text: status }),
        el('p', { class: 'handover-private muted', text: t('hotseat.handover.private', { side: team }) }),
      ),
      el('footer', { class: 'handover-foot' }, keyHint(t('hotseat.handover.keys'))),
    ),
  );

  // Enter or Space anywhere reveals (the focused button handles its own key).
  ctx.keys({ Enter: reveal, ' ': reveal });
  // A key held down on the screen before must not reveal this team's turn to the team that just
  // passed the screen on: its repeats land on the focused reveal button, and are dropped here.
  const dropRepeats = (event: KeyboardEvent): void => {
    if (event.repeat && (event.key === 'Enter' || event.key === ' ')) event.preventDefault();
  };
  document.addEventListener('keydown', dropRepeats, true);
  ctx.onLeave(() => document.removeEventListener('keydown', dropRepeats, true));
  ctx.onEscape(() => actions.openSettings());
  announce(t(date === undefined ? 'hotseat.handover.announceUndated' : 'hotseat.handover.announce', { side: team, turn: session.state.turn, turns: scenario.turns, date }));
};
