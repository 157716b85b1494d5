/**
 * A team joins an instructor's class by its code (typed, or from the class's link or QR code, which
 * join at once): the class server hands the team a free seat in one of the class's games and the
 * seat's key, and the page then joins that seat as it joins any other.
 */
import type { ClassSeat } from '../../class/instructor';
import { showSeatKey } from '../../class/protocol';
import { readRoomCode } from '../../class/roomCode';
import { SIDES, type Side } from '../../engine/model';
import { t } from '../../i18n';
import { announce } from '../announce';
import { button, choice, el, textField } from '../kit';
import { postClassApi } from './classApi';

/** `?class=CODE` in the page address (a scanned class QR code): read once, then taken out of the address bar. */
export function classFromAddress(): string | null {
  const code = readRoomCode(new URL(location.href).searchParams.get('class') ?? '');
  if (!code.ok) return null;
  history.replaceState(null, '', location.pathname);
  return code.code;
}

/** Asks the class for a seat; the seat, or why not in the server's words. */
export async function askForSeat(code: string, side: Side | null): Promise<{ ok: true; seat: ClassSeat } | { ok: false; problem: string }> {
  const asked = await postClassApi<Partial<ClassSeat>>(`/api/classes/${encodeURIComponent(code)}/join`, side ? { side } : {});
  if (!asked.ok) return asked;
  const { game, seat, key } = asked.body;
  if (typeof game === 'string' && typeof key === 'string' && (seat === 'tokyo' || seat === 'seoul')) return { ok: true, seat: { game, seat, key } };
  return { ok: false, problem: t('instructorClass.api.strange') };
}

export interface ClassJoinState {
  code: string;
  side: Side | null;
}

/** The "Join a class" panel; `join` is called with a checked class code (or told what is wrong with it). */
export function classJoinPanel(state: ClassJoinState, busy: boolean, join: (code: string) => void, problem: (text: string) => void): HTMLElement {
  const submit = (): void => {
    const code = readRoomCode(state.code);
    if (!code.ok) return problem(t(`classGame.codeProblem.${code.problem}`));
    join(code.code);
  };
  const code = textField({
    label: t('classWork.join.code'),
    key: 'class:class-code',
    value: state.code,
    detail: t('classWork.join.codeHint'),
    maxLength: 40,
    onInput: (v) => (state.code = v),
    onEnter: submit,
  });
  code.querySelector('input')?.setAttribute('autocapitalize', 'characters');
  const side = choice({
    legend: t('classWork.join.side'),
    name: 'class-side',
    layout: 'row',
    value: state.side ?? 'either',
    options: [{ value: 'either', label: t('classWork.join.either') }, ...SIDES.map((s) => ({ value: s, label: t(`classGame.seats.${s}`) }))],
    onChange: (v) => (state.side = v === 'either' ? null : (v as Side)),
  });
  return el(
    'section',
    { class: 'panel class-join class-join-class', aria: { label: t('classWork.join.heading') } },
    el('h2', { text: t('classWork.join.heading') }),
    el('p', { class: 'setup-intro', text: t('classWork.join.intro') }),
    code,
    side,
    el('div', { class: 'class-row' }, button({ label: busy ? t('classGame.joiningShort') : t('classWork.join.join'), key: 'class:join-class', variant: 'primary', disabled: busy, onPress: submit })),
  );
}

/** Said once the class gave the team its seat: where it plays, and the key to write down. */
export function seatGiven(seat: ClassSeat): string {
  const words = t('classWork.join.seat', { side: t(`classGame.seats.${seat.seat}`), code: seat.game, key: showSeatKey(seat.key) });
  announce(words);
  return words;
}
