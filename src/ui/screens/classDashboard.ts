/**
 * The instructor's dashboard: one class on the class server, all its games at a glance. How teams
 * join (the code, the link, its QR code; the instructor key once), the alerts (a team idle for
 * minutes, a game far ahead or behind), the actions for the selected games or all of them with what
 * came of each, and a card per game. The parts that change with every message are drawn again in
 * place, so a half-typed reason and the focus stay where they are.
 */
import type { ActedMessage, InstructorAction } from '../../class/instructor';
import { currentLanguage, t, tx } from '../../i18n';
import { selectClassAlerts, selectClassEntry, selectClassGames, type AppState, type InstructorClass } from '../../store';
import { announce } from '../announce';
import { instructorKeys } from '../class/seatKeys';
import { newKeyOf } from '../class/newClass';
import { button, el } from '../kit';
import { actedWords, actionWords, alertWords } from '../present/classGames';
import { controls, type ControlsForm } from './dashboard/controls';
import { gameCardElement, selectAll } from './dashboard/gameCards';
import { joinPanels } from './dashboard/joinPanel';
import { menuFrame } from './menu';
import './classDashboard.css';
import type { ScreenView } from './view';

/** How often the alerts are worked out again between messages (a team's idle minutes grow). */
const ALERTS_EVERY_MS = 15_000;

/** What the dashboard keeps between redraws, for one class. */
const dash = {
  code: '',
  selected: new Set<string>(),
  form: { target: 'all', event: '', meter: '', value: '', reason: '', confirming: null } as ControlsForm,
  /** The alerts already said aloud, so each is announced once. */
  announced: new Set<string>(),
  /** The result last announced. */
  lastActed: null as ActedMessage | null,
};

function forClass(code: string): void {
  if (dash.code === code) return;
  dash.code = code;
  dash.selected = new Set();
  dash.form = { target: 'all', event: '', meter: '', value: '', reason: '', confirming: null };
  dash.announced = new Set();
  dash.lastActed = null;
}

/** Replaces `container`'s children, giving focus back to the control with the same key if it had it. */
function rebuild(container: HTMLElement, ...children: (HTMLElement | null)[]): void {
  const active = document.activeElement;
  const key = active instanceof HTMLElement && container.contains(active) ? active.dataset.key : undefined;
  container.replaceChildren(...children.filter((c): c is HTMLElement => c !== null));
  if (!key) return;
  const again = container.querySelector<HTMLElement>(`[data-key="${CSS.escape(key)}"]`);
  if (again && !(again as HTMLButtonElement).disabled) again.focus({ preventScroll: true });
}

export const classDashboardView: ScreenView = (root, ctx) => {
  const { actions, store } = ctx;
  const first = ctx.state().instructorClass;
  if (!first) {
    // Reached with no class (should not happen): back to the class screen, once this one is up.
    queueMicrotask(() => actions.go('classJoin'));
    return;
  }
  forClass(first.code);
  const language = currentLanguage();

  const status = el('div', { class: 'dash-status' });
  const alerts = el('section', { class: 'dash-alerts', aria: { label: t('instructorClass.alerts.heading') } });
  // Not a live region: what came of an action is said once, through the page's announcer.
  const results = el('div', { class: 'dash-results' });
  const side = el('div', { class: 'dash-side-column' });
  const cards = el('div', { class: 'dash-games' });
  const join = el('div', { class: 'dash-join-slot' });

  const reconnect = (): void => {
    const kept = instructorKeys.recall();
    const key = kept?.code === dash.code ? kept.key : newKeyOf(dash.code);
    if (!key) return actions.leaveClass();
    void import('../class/instructorConnection').then(({ openClass }) => openClass(store, { code: dash.code, key }));
  };

  const act = (action: InstructorAction): void => {
    const c = ctx.state().instructorClass;
    const entry = selectClassEntry(ctx.state());
    if (!c || !entry) return;
    const games = dash.form.target === 'all' ? 'all' : [...dash.selected];
    const problem = actions.actOnClass(games, action);
    const what = actionWords(entry.scenario, action, language);
    announce(problem ? t(`instructorClass.actProblem.${problem}`) : t('instructorClass.sending', { action: what }));
  };

  const drawStatus = (c: InstructorClass): void => {
    const entry = selectClassEntry(ctx.state());
    const lines: (HTMLElement | null)[] = [
      el('p', { class: `dash-connection dash-connection-${c.connection}`, text: t(`instructorClass.connection.${c.connection}`) }),
      c.sending > 0 ? el('p', { class: 'muted', text: t('instructorClass.sendingCount', { count: c.sending }) }) : null,
      c.refusal ? el('p', { class: 'notice', role: 'alert', text: t('classGame.failed', { problem: c.refusal.problem }) }) : null,
      c.settings && !entry ? el('p', { class: 'notice', role: 'alert', text: t('instructorClass.noScenario', { id: c.settings.scenario }) }) : null,
      c.connection === 'lost' ? button({ label: t('instructorClass.reconnect'), key: 'dash:reconnect', variant: 'primary', onPress: reconnect }) : null,
    ];
    rebuild(status, ...lines);
  };

  const drawAlerts = (state: AppState): void => {
    const entry = selectClassEntry(state);
    if (!entry) return rebuild(alerts);
    const list = selectClassAlerts(state, Date.now());
    const words = list.map((a) => ({ id: `${a.kind}:${a.game}:${'side' in a ? a.side : ''}`, text: alertWords(entry.scenario, a, language) }));
    rebuild(
      alerts,
      el('h2', { text: t('instructorClass.alerts.heading') }),
      words.length ? el('ul', { class: 'dash-alert-list' }, ...words.map((w) => el('li', { text: w.text }))) : el('p', { class: 'muted', text: t('instructorClass.alerts.none') }),
    );
    // Each new alert is said once; one that went away may be said again when it comes back.
    const fresh = words.filter((w) => !dash.announced.has(w.id));
    dash.announced = new Set(words.map((w) => w.id));
    if (fresh.length) announce(fresh.map((w) => w.text).join(' '));
  };

  const drawResults = (c: InstructorClass): void => {
    const entry = selectClassEntry(ctx.state());
    if (!entry || c.acted.length === 0) return rebuild(results);
    const [latest, ...earlier] = c.acted.map((a) => actedWords(entry.scenario, a, language));
    rebuild(
      results,
      el('h2', { text: t('instructorClass.acted.heading') }),
      el('p', { class: 'dash-acted', text: latest!.summary }),
      latest!.problems.length ? el('ul', { class: 'dash-acted-problems' }, ...latest!.problems.map((p) => el('li', { text: p }))) : null,
      earlier.length ? el('ul', { class: 'dash-acted-earlier muted' }, ...earlier.map((w) => el('li', { text: w.summary }))) : null,
    );
    if (c.acted[0] !== dash.lastActed) {
      dash.lastActed = c.acted[0]!;
      announce([latest!.summary, ...latest!.problems].join(' '));
    }
  };

  const drawSide = (): void => {
    const state = ctx.state();
    const c = state.instructorClass;
    const entry = selectClassEntry(state);
    if (!c || !entry) return rebuild(side);
    const games = selectClassGames(state);
    const sample = games.find((g) => dash.selected.has(g.code)) ?? games[0];
    rebuild(
      side,
      controls({
        scenario: entry.scenario,
        language,
        form: dash.form,
        selectedCount: games.filter((g) => dash.selected.has(g.code)).length,
        sample,
        connected: c.connection === 'connected',
        act,
        redraw: drawSide,
      }),
    );
  };

  const select = (code: string, on: boolean): void => {
    if (on) dash.selected.add(code);
    else dash.selected.delete(code);
    drawCards();
    drawSide();
  };

  const drawCards = (): void => {
    const state = ctx.state();
    const c = state.instructorClass;
    const entry = selectClassEntry(state);
    if (!c) return;
    if (!c.settings) return rebuild(cards, el('p', { class: 'muted', role: 'status', text: t('instructorClass.waiting') }));
    if (!entry) return rebuild(cards);
    const games = selectClassGames(state);
    const codes = games.map((g) => g.code);
    // A game that left the class is no longer selected.
    for (const code of dash.selected) if (!codes.includes(code)) dash.selected.delete(code);
    rebuild(
      cards,
      el('h2', { text: t('instructorClass.games.heading', { count: games.length }) }),
      selectAll(codes, dash.selected, (on) => {
        dash.selected = new Set(on ? codes : []);
        drawCards();
        drawSide();
      }),
      games.length
        ? el('div', { class: 'dash-cards' }, ...games.map((g) => gameCardElement(entry.scenario, g, language, { selected: dash.selected, onSelect: select })))
        : el('p', { class: 'muted', text: t('instructorClass.games.none') }),
    );
  };

  const drawAll = (): void => {
    const c = ctx.state().instructorClass;
    if (!c) return;
    drawStatus(c);
    drawAlerts(ctx.state());
    drawResults(c);
    drawCards();
  };

  const drawJoin = (): void => rebuild(join, ...joinPanels(dash.code, drawJoin));
  drawJoin();
  drawAll();
  drawSide();

  const debrief = button({ label: t('instructorClass.debriefButton'), key: 'dash:debrief', variant: 'primary', onPress: () => actions.requestClassRecord() });
  // The scenario's title once the class's picture has said which it is (filled in place: a redraw would move the focus and the scroll).
  const lead = el('p');
  const drawLead = (): void => {
    const entry = selectClassEntry(ctx.state());
    lead.textContent = entry ? t('instructorClass.dashboard.lead', { title: tx(entry.scenario.title) }) : '';
  };
  drawLead();
  root.append(
    menuFrame({
      class: 'class-dashboard',
      heading: t('instructorClass.dashboard.heading', { code: first.code }),
      lead,
      body: [status, el('div', { class: 'dash-layout' }, el('div', { class: 'dash-aside' }, join, side), el('div', { class: 'dash-main' }, alerts, results, cards))],
      buttons: [button({ label: t('instructorClass.leave'), key: 'dash:leave', onPress: () => actions.leaveClass() })],
      primary: [debrief],
      hint: t('instructorClass.dashboard.keys'),
    }),
  );

  let drawnSideFor = '';
  const sideKey = (s: AppState): string => {
    const c = s.instructorClass;
    return c ? `${c.connection}|${c.settings?.scenario ?? ''}|${c.order.length}` : '';
  };
  drawnSideFor = sideKey(ctx.state());
  ctx.watch(
    (s) => s.instructorClass,
    (c, before) => {
      if (!c) return;
      drawAll();
      // The controls are drawn again only when what they offer changes (not with every summary): a half-typed reason stays.
      const key = sideKey(ctx.state());
      if (key !== drawnSideFor) {
        drawnSideFor = key;
        drawSide();
      }
      if (before && c.connection !== before.connection) announce(t(`instructorClass.connection.${c.connection}`));
      if (before?.settings !== c.settings) drawLead();
    },
  );
  const timer = setInterval(() => drawAlerts(ctx.state()), ALERTS_EVERY_MS);
  ctx.onLeave(() => clearInterval(timer));
  announce(t('instructorClass.dashboard.heading', { code: first.code }));
};
