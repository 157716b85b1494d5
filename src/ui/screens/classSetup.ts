/**
 * Before a hot-seat game's briefing: the class session's options. An optional instructor PIN (it
 * locks the instructor panel, which a shared projector would otherwise open to anyone) and the
 * time each team has for its turn. Start starts the game and shows the briefing.
 */
import { t, tx } from '../../i18n';
import { announce } from '../announce';
import { button, el, setChoice, textField, uniqueId } from '../kit';
import { menuFrame } from './menu';
import { timerChoice, timerValue } from './timerChoice';
import './classSetup.css';
import type { ScreenView } from './view';

const PIN_MAX = 8;

/** A PIN is 4 to 8 digits; no PIN at all is fine too. */
function pinProblem(pin: string): boolean {
  return pin !== '' && !/^\d{4,8}$/.test(pin);
}

export const classSetupView: ScreenView = (root, ctx) => {
  const { actions } = ctx;
  const { catalog, pick } = ctx.state();
  const entry = catalog.find((e) => e.id === pick.scenarioId);
  if (!entry || pick.mode !== 'hotseat') {
    // Reached without a hot-seat pick (should not happen): the side screen sorts it out, once this screen is up.
    queueMicrotask(() => actions.go('side'));
    return;
  }
  const back = (): void => actions.go('side');
  /** What is typed in the PIN box; the store keeps it only once it is a whole PIN. */
  let typed = pick.classroom.pin ?? '';

  const start = (): void => {
    if (pinProblem(typed)) {
      announce(t('hotseat.setup.pinInvalid'));
      pinInput?.focus();
      return;
    }
    actions.setClassroom({ pin: typed || null });
    void actions.startGame();
  };

  const pin = textField({
    label: t('hotseat.setup.pinLabel'),
    key: 'pin',
    value: typed,
    detail: t('hotseat.setup.pinHint'),
    inputMode: 'numeric',
    maxLength: PIN_MAX,
    secret: true,
    onInput: (value) => {
      // Digits only: anything else typed is dropped at once, so the box never holds it.
      const digits = value.replace(/\D/g, '').slice(0, PIN_MAX);
      if (pinInput && digits !== value) pinInput.value = digits;
      typed = digits;
      showPin();
      // The store holds a whole PIN or none, so a half-typed one never locks the panel.
      actions.setClassroom({ pin: pinProblem(digits) || digits === '' ? null : digits });
    },
    onEnter: start,
  });
  const pinInput = pin.querySelector('input');
  // Whether a PIN is set, or (in its place) what is wrong with the one typed.
  const status = el('p', { class: 'setup-pin-status', id: uniqueId('pin-status') });
  pinInput?.setAttribute('aria-describedby', [pinInput.getAttribute('aria-describedby'), status.id].filter(Boolean).join(' '));
  const showPin = (): void => {
    const wrong = pinProblem(typed);
    status.textContent = wrong ? t('hotseat.setup.pinInvalid') : typed === '' ? t('hotseat.setup.pinEmpty') : t('hotseat.setup.pinSet', { count: typed.length });
    status.classList.toggle('setup-pin-wrong', wrong);
    pinInput?.setAttribute('aria-invalid', String(wrong));
  };
  showPin();

  const timer = timerChoice(pick.classroom.timerSeconds, (timerSeconds) => actions.setClassroom({ timerSeconds }));

  root.append(
    menuFrame({
      class: 'setup',
      heading: t('hotseat.setup.heading'),
      body: [
        el('p', { class: 'setup-intro', text: t('hotseat.setup.intro', { title: tx(entry.scenario.title) }) }),
        // Plain panels: the field and the group name themselves.
        el('div', { class: 'panel setup-group' }, pin, status),
        el('div', { class: 'panel setup-group' }, timer, el('p', { class: 'setup-hint', text: t('hotseat.setup.timerHint') })),
      ],
      buttons: [button({ label: t('common.back'), key: 'setup:back', onPress: back })],
      primary: [button({ label: t('hotseat.setup.start'), key: 'setup:start', variant: 'primary', onPress: start })],
      hint: t('keys.list'),
    }),
  );

  ctx.watch(
    (s) => s.pick.classroom.timerSeconds,
    (seconds) => setChoice(timer, timerValue(seconds)),
  );
  ctx.onEscape(back);
  announce(t('hotseat.setup.heading'));
};
