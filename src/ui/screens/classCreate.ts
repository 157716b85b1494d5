/**
 * Starting an instructor's class: the scenario, how many games (or open joining, where the server
 * adds a game whenever the teams fill the last), the turn timer, and the teams' memos (optional, or
 * required with a shortest length). Create asks the class server for the class, keeps its
 * instructor key for the dashboard to show once, and opens the dashboard.
 */
import { MAX_CLASS_GAMES, MEMO_MIN_MAX, type ClassSettings } from '../../class/instructor';
import { t, tx } from '../../i18n';
import { announce } from '../announce';
import { createClass } from '../class/classApi';
import { keepNewKey } from '../class/newClass';
import { button, choice, el, textField } from '../kit';
import { menuFrame } from './menu';
import { timerChoice } from './timerChoice';
import './classCreate.css';
import type { ScreenView } from './view';

/** The form between redraws (a language change rebuilds the screen from this). */
const form = {
  scenario: null as string | null,
  joining: 'fixed' as 'fixed' | 'open',
  games: '10',
  turnSeconds: null as number | null,
  memo: 'optional' as 'optional' | 'required',
  minLength: '100',
  busy: false,
  problem: null as string | null,
};

/** A whole number typed in a box, within bounds; null when it is not one. */
export function wholeNumber(text: string, min: number, max: number): number | null {
  const trimmed = text.trim();
  if (!/^\d{1,4}$/.test(trimmed)) return null;
  const n = Number(trimmed);
  return n >= min && n <= max ? n : null;
}

/** The class the form describes, or what is wrong with it (in words). */
export function settingsOf(f: typeof form): { settings: ClassSettings } | { problem: string } {
  if (!f.scenario) return { problem: t('instructorClass.create.noScenario') };
  const games = f.joining === 'open' ? null : wholeNumber(f.games, 1, MAX_CLASS_GAMES);
  if (f.joining === 'fixed' && games === null) return { problem: t('instructorClass.create.gamesProblem', { max: MAX_CLASS_GAMES }) };
  const minLength = f.memo === 'required' ? wholeNumber(f.minLength, 0, MEMO_MIN_MAX) : 0;
  if (minLength === null) return { problem: t('instructorClass.create.minLengthProblem', { max: MEMO_MIN_MAX }) };
  return { settings: { scenario: f.scenario, games, turnSeconds: f.turnSeconds, memo: { required: f.memo === 'required', minLength } } };
}

export const classCreateView: ScreenView = (root, ctx) => {
  const { actions, store } = ctx;
  const entries = ctx.state().catalog.filter((e) => e.origin === 'shipped');
  if (!entries.some((e) => e.id === form.scenario)) form.scenario = entries[0]?.id ?? null;
  const back = (): void => actions.go('classJoin');

  const create = async (): Promise<void> => {
    const read = settingsOf(form);
    if ('problem' in read) {
      form.problem = read.problem;
      announce(read.problem);
      return ctx.redraw();
    }
    form.busy = true;
    form.problem = null;
    ctx.redraw();
    announce(t('instructorClass.create.creating'));
    const made = await createClass(read.settings);
    form.busy = false;
    if (!made.ok) {
      form.problem = t('classGame.failed', { problem: made.problem });
      announce(form.problem);
      if (ctx.state().screen === 'classCreate') ctx.redraw();
      return;
    }
    keepNewKey(made.body.code, made.body.instructorKey);
    const { openClass } = await import('../class/instructorConnection');
    void openClass(store, { code: made.body.code, key: made.body.instructorKey });
  };

  const count = textField({
    label: t('instructorClass.create.gamesLabel'),
    key: 'create:games',
    value: form.games,
    detail: t('instructorClass.create.gamesHint', { max: MAX_CLASS_GAMES }),
    inputMode: 'numeric',
    maxLength: 2,
    onInput: (v) => (form.games = v),
    onEnter: () => void create(),
  });
  count.hidden = form.joining === 'open';
  const minLength = textField({
    label: t('instructorClass.create.minLengthLabel'),
    key: 'create:min-length',
    value: form.minLength,
    detail: t('instructorClass.create.minLengthHint', { max: MEMO_MIN_MAX }),
    inputMode: 'numeric',
    maxLength: 4,
    onInput: (v) => (form.minLength = v),
    onEnter: () => void create(),
  });
  minLength.hidden = form.memo !== 'required';

  const body = [
    el('p', { class: 'setup-intro', text: t('instructorClass.create.intro') }),
    el(
      'div',
      { class: 'panel setup-group' },
      choice({
        legend: t('instructorClass.create.scenario'),
        name: 'create-scenario',
        layout: 'column',
        value: form.scenario,
        options: entries.map((e) => ({ value: e.id, label: tx(e.scenario.title), detail: t('scenarios.length', { count: e.scenario.turns }) })),
        onChange: (v) => (form.scenario = v),
      }),
    ),
    el(
      'div',
      { class: 'panel setup-group' },
      choice({
        legend: t('instructorClass.create.joining'),
        name: 'create-joining',
        layout: 'column',
        value: form.joining,
        options: [
          { value: 'fixed', label: t('instructorClass.create.fixed'), detail: t('instructorClass.create.fixedDetail') },
          { value: 'open', label: t('instructorClass.create.open'), detail: t('instructorClass.create.openDetail') },
        ],
        onChange: (v) => {
          form.joining = v === 'open' ? 'open' : 'fixed';
          count.hidden = form.joining === 'open';
        },
      }),
      count,
    ),
    el(
      'div',
      { class: 'panel setup-group' },
      timerChoice(form.turnSeconds, (seconds) => (form.turnSeconds = seconds), 'create-timer'),
    ),
    el(
      'div',
      { class: 'panel setup-group' },
      choice({
        legend: t('instructorClass.create.memos'),
        name: 'create-memo',
        layout: 'column',
        value: form.memo,
        options: [
          { value: 'optional', label: t('instructorClass.create.memoOptional'), detail: t('instructorClass.create.memoOptionalDetail') },
          { value: 'required', label: t('instructorClass.create.memoRequired'), detail: t('instructorClass.create.memoRequiredDetail') },
        ],
        onChange: (v) => {
          form.memo = v === 'required' ? 'required' : 'optional';
          minLength.hidden = form.memo !== 'required';
        },
      }),
      minLength,
    ),
    form.problem ? el('p', { class: 'notice', role: 'alert', text: form.problem }) : null,
  ];

  root.append(
    menuFrame({
      class: 'setup class-create',
      heading: t('instructorClass.create.heading'),
      body,
      buttons: [button({ label: t('common.back'), key: 'create:back', onPress: back })],
      primary: [
        button({
          label: form.busy ? t('instructorClass.create.creatingShort') : t('instructorClass.create.create'),
          key: 'create:create',
          variant: 'primary',
          disabled: form.busy || entries.length === 0,
          onPress: () => void create(),
        }),
      ],
      hint: t('keys.list'),
    }),
  );
  ctx.onEscape(back);
  announce(t('instructorClass.create.heading'));
};
