/**
 * The class screen's part for an instructor's class (many games of one scenario, one dashboard):
 * start a class; reopen the one this device instructs (its key is remembered), or forget it; or
 * open a class's dashboard on another device with its code and instructor key.
 */
import { readSeatKey } from '../../class/protocol';
import { readRoomCode } from '../../class/roomCode';
import { t } from '../../i18n';
import { announce } from '../announce';
import { instructorKeys } from '../class/seatKeys';
import { button, el, textField } from '../kit';
import type { ScreenContext } from './view';

/** What is typed in the open-by-key form, between redraws. */
const typed = { code: '', key: '', problem: null as string | null };

export function classHostSection(ctx: ScreenContext): HTMLElement {
  const remembered = instructorKeys.recall();
  const open = (code: string, key: string): void => {
    announce(t('instructorClass.host.reopening', { code }));
    void import('../class/instructorConnection').then(({ openClass }) => openClass(ctx.store, { code, key }));
  };
  const forget = (): void => {
    instructorKeys.forget();
    announce(t('instructorClass.host.forgotten'));
    ctx.redraw();
  };
  const openTyped = (): void => {
    const code = readRoomCode(typed.code);
    const key = readSeatKey(typed.key);
    typed.problem = !code.ok ? t(`classGame.codeProblem.${code.problem}`) : !key ? t('instructorClass.host.keyProblem') : null;
    if (!code.ok || !key) {
      announce(typed.problem ?? '');
      return ctx.redraw();
    }
    open(code.code, key);
  };
  const codeField = textField({ label: t('instructorClass.host.codeLabel'), key: 'class:instructor-code', value: typed.code, maxLength: 40, onInput: (v) => (typed.code = v), onEnter: openTyped });
  const keyField = textField({
    label: t('instructorClass.host.keyLabel'),
    key: 'class:instructor-key',
    value: typed.key,
    detail: t('instructorClass.host.keyHint'),
    maxLength: 40,
    onInput: (v) => (typed.key = v),
    onEnter: openTyped,
  });
  for (const field of [codeField, keyField]) field.querySelector('input')?.setAttribute('autocapitalize', 'characters');
  return el(
    'section',
    { class: 'panel class-host class-host-class', aria: { label: t('instructorClass.host.heading') } },
    el('h2', { text: t('instructorClass.host.heading') }),
    el('p', { class: 'setup-intro', text: t('instructorClass.host.intro') }),
    el(
      'div',
      { class: 'class-row' },
      button({ label: t('instructorClass.host.start'), key: 'class:start-class', onPress: () => ctx.actions.go('classCreate') }),
      remembered
        ? button({ label: t('instructorClass.host.reopen', { code: remembered.code }), key: 'class:reopen-class', variant: 'primary', onPress: () => open(remembered.code, remembered.key) })
        : null,
      remembered ? button({ label: t('instructorClass.host.forget', { code: remembered.code }), key: 'class:forget-class', variant: 'quiet', onPress: forget }) : null,
    ),
    el('h3', { text: t('instructorClass.host.otherDevice') }),
    codeField,
    keyField,
    typed.problem ? el('p', { class: 'notice', role: 'alert', text: typed.problem }) : null,
    el('div', { class: 'class-row' }, button({ label: t('instructorClass.host.open'), key: 'class:open-class', onPress: openTyped })),
  );
}
