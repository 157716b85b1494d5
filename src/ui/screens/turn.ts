/**
 * The turn: the map as the board and the meters (changes since last turn tweened by the world; the
 * other public as a poll with its error band), political capital, the decision cards by category,
 * the guide note, the other side's proposals, the events that ask for an answer, End turn and the
 * news. It builds from turnModel and calls the store's actions; the rules stay in the engine.
 */
import { playSound } from '../../audio/sound';
import type { DecisionCategory } from '../../engine/model';
import { t, turnHeading } from '../../i18n';
import { cue, setStage } from '../../world/stage';
import { announce } from '../announce';
import { button, choice, el, keyHint, scrollRegion } from '../kit';
import { playContext, previousState } from '../play/context';
import { turnModel, type CardModel, type TurnModel } from '../play/turnModel';
import { eventsSection, guidePanel, proposalsSection } from './turn/asks';
import { cardElement } from './turn/cards';
import { noticeBar } from './noticeBar';
import { meterRows } from './turn/meters';
import { classSeatStatus } from './turn/classSeat';
import { clockText, teamTimer } from './turn/timer';
import { clockLeftMs, hasSealed } from '../../store';
import './turn.css';
import type { ScreenView } from './view';

/** Guide notes the player dismissed, by game and turn (they stay dismissed when the screen is built again). */
const dismissedGuides = new Set<string>();

export const turnView: ScreenView = (root, ctx) => {
  const { actions } = ctx;
  const state = ctx.state();
  const play = playContext(state);
  if (!play) {
    actions.go('title');
    return;
  }
  const { scenario, session, human, other, language } = play;
  const hotseat = session.mode === 'hotseat';
  const build = (): TurnModel => turnModel(scenario, ctx.state().session ?? session, language, previousState(play), ctx.state().instructor.revealed);
  let model = build();
  let filter: DecisionCategory | 'all' = 'all';
  const guideKey = `${session.seed}:${session.state.turn}`;
  const guideOpen = (): boolean => !watching && model.guide.length > 0 && !dismissedGuides.has(guideKey);
  // Hot-seat: the first team's End turn seals its choices and passes the screen on.
  const passing = hotseat && !hasSealed(session, other);
  const team = t(`common.sides.${human}`);
  // A class game's observer (the projector) watches: the board and the meters both sides see, who has sealed; no cards.
  const watching = session.mode === 'class' && state.classGame?.seat === 'observer';

  // Header: whose government, which month, which turn, the capital; in hot-seat the team and its timer.
  const heading = turnHeading(scenario, session.state.turn, watching ? undefined : model.sideName);
  const capital = el('div', { class: 'turn-capital' });
  const clock = state.clock;
  const head = el(
    'header',
    { class: 'turn-head' },
    el('h1', { class: 'turn-title' }, el('span', watching ? { text: heading.title } : { class: `side-${human}`, text: heading.title }), el('span', { class: 'turn-of', text: ` · ${heading.turnOf}` })),
    hotseat ? el('p', { class: `turn-team side-${human}`, text: t('hotseat.turn.choosing', { side: team }) }) : null,
    (hotseat || session.mode === 'class') && clock && clock.side === human ? teamTimer(ctx, human) : null,
    watching ? null : capital,
    button({ label: t('play.turn.menu'), key: 'menu', variant: 'quiet', onPress: () => actions.openSettings() }),
  );

  // Left: the board (the world draws the map in this box) and the meters.
  const board = el('div', { class: 'turn-board board-slot', role: 'img', aria: { label: t('play.turn.mapCaption') } });
  const reduced = state.settings.reducedMotion;
  const meters = meterRows(model.meters, `${session.seed}:${session.orders.length}:${session.state.turn}:${human}`, !reduced);
  const revealed = state.instructor.revealed;
  const note = revealed
    ? el('p', { class: 'turn-revealed', text: `◆ ${t('instructor.revealedMarker')}` })
    : model.meters.some((m) => m.seen === 'poll')
      ? el('p', { class: 'turn-note', text: t('play.turn.pollNote') })
      : null;
  const meterHeading = watching ? t('classGame.turn.sharedMeters') : t('play.turn.meters');
  const meterRegion = scrollRegion(meterHeading, el('h2', { class: 'turn-column-heading', text: meterHeading }), meters.list, note);
  meterRegion.classList.add('turn-meter-region');
  meterRegion.dataset.key = 'scroll:meters';

  // Centre: the category filter and the cards, scrolling natively.
  const filterSlot = el('div', { class: 'turn-filter-slot' });
  const cardList = el('div', { class: 'turn-cards' });
  const cardRegion = scrollRegion(t('play.turn.decisions'), cardList);
  cardRegion.classList.add('turn-card-region');
  cardRegion.dataset.key = 'scroll:cards';

  // Right: the guide, the proposals and the events (scrolling), and under them End turn, never covered.
  const asks = scrollRegion(t('play.turn.sideRegion'));
  asks.classList.add('turn-asks');
  asks.dataset.key = 'scroll:asks';
  const end = button({
    label: passing ? t('hotseat.turn.sealAndPass', { side: t(`common.sides.${other}`) }) : t('play.turn.endTurn'),
    key: 'end',
    variant: 'primary',
    shortcut: 'E',
    class: 'turn-end',
    onPress: () => actions.endTurn(),
  });

  // Bottom: the news, a wrapping line (a busy turn's scrolls within a few lines).
  const news = model.news.length ? model.news : [t('play.ticker.quiet')];
  const ticker = scrollRegion(
    t('play.turn.news'),
    el('h2', { class: 'turn-news-label', text: t('play.turn.news') }),
    el('ul', { class: 'turn-news-items' }, ...news.map((text) => el('li', { text }))),
  );
  ticker.classList.add('turn-news');
  ticker.dataset.key = 'scroll:news';

  root.append(
    el(
      'div',
      { class: 'turn-layout' },
      head,
      el('div', { class: 'turn-left' }, board, meterRegion),
      watching
        ? el('main', { class: 'turn-centre turn-watching' }, el('h2', { class: 'turn-column-heading', text: t('classGame.turn.watchingHeading') }), classSeatStatus(ctx, end))
        : el('main', { class: 'turn-centre' }, el('h2', { class: 'visually-hidden', text: t('play.turn.decisions') }), filterSlot, cardRegion),
      el(
        'div',
        { class: 'turn-right' },
        noticeBar(ctx),
        asks,
        end,
        session.mode === 'class' && !watching ? classSeatStatus(ctx, end) : null,
        keyHint(t(watching ? 'classGame.turn.observerKeys' : 'play.turn.keys')),
      ),
      ticker,
    ),
  );

  const toggle = (card: CardModel): void => {
    const before = ctx.state().session?.draft;
    actions.toggleDecision(card.id);
    const after = ctx.state().session?.draft;
    if (before === after) {
      announce(t('play.turn.cannot', { title: card.title, reason: card.reason ?? t('play.turn.unavailable.condition') }));
      return;
    }
    playSound('card');
    announce(t(after?.decisions.includes(card.id) ? 'play.turn.chose' : 'play.turn.unchose', { title: card.title, left: model.capitalLeft }));
  };

  const toggleGuide = (): void => {
    if (model.guide.length === 0) return;
    if (dismissedGuides.has(guideKey)) dismissedGuides.delete(guideKey);
    else {
      // Only this game's notes are remembered: ten games in a row keep nothing of the earlier ones.
      for (const k of dismissedGuides) if (!k.startsWith(`${session.seed}:`)) dismissedGuides.delete(k);
      dismissedGuides.add(guideKey);
    }
    refresh();
    if (guideOpen()) announce(model.guide.map((g) => (g.title ? `${g.title}. ${g.text}` : g.text)).join(' '));
  };

  const drawCards = (): void => {
    const shown = model.cards.filter((c) => filter === 'all' || c.category === filter);
    cardList.replaceChildren(...(shown.length ? shown.map((c) => cardElement(c, () => toggle(c))) : [el('p', { class: 'turn-note', text: t('play.turn.noCards') })]));
    // The turn opens on its first card (the Menu comes first on the page, but is not where a turn starts).
    const first = cardList.querySelector<HTMLElement>('.turn-card-toggle');
    if (first) first.dataset.autofocus = '';
  };

  /** Draws what the draft changes (the capital, the cards, the answers) in place: focus and scrolling stay. */
  const refresh = (): void => {
    const active = document.activeElement;
    const focusKey = active instanceof HTMLElement && root.contains(active) ? active.dataset.key : undefined;
    const scrolls = { cards: cardRegion.scrollTop, asks: asks.scrollTop };

    capital.replaceChildren(
      el('span', { class: 'turn-capital-label', text: t('play.turn.capital') }),
      // Gold pips for what is left, hollow ones for what the draft has spent.
      el(
        'span',
        { class: 'turn-pips', aria: { hidden: true } },
        ...Array.from({ length: model.capitalTotal }, (_, i) => el('span', { class: i < model.capitalLeft ? 'turn-pip turn-pip-left' : 'turn-pip' })),
      ),
      el('span', { class: 'turn-capital-left', text: t('play.turn.capitalLeft', { left: model.capitalLeft, total: model.capitalTotal }) }),
    );

    const filterChoice = choice({
      legend: t('play.turn.filter'),
      name: 'filter',
      layout: 'row',
      class: 'turn-filter',
      value: filter,
      options: (['all', ...model.categories] as const).map((c) => ({ value: c, label: t(`play.category.${c}`) })),
      onChange: (value) => {
        filter = value as DecisionCategory | 'all';
        drawCards();
        cardRegion.scrollTop = 0;
      },
    });
    // The tabs show the short names; each says its whole one.
    for (const input of filterChoice.querySelectorAll<HTMLInputElement>('input')) input.setAttribute('aria-label', t(`play.categoryLong.${input.value as DecisionCategory | 'all'}`));
    filterSlot.replaceChildren(filterChoice);
    drawCards();

    asks.replaceChildren(
      ...[
        proposalsSection(model, (p) => {
          const card = model.cards.find((c) => c.id === p.id);
          if (card) toggle(card);
        }),
        eventsSection(model, (r, choiceId) => {
          const before = ctx.state().session?.draft;
          actions.respond(r.event, choiceId);
          if (before === ctx.state().session?.draft) return;
          playSound('card');
          announce(t('play.turn.answered', { title: r.choices.find((c) => c.id === choiceId)?.label ?? choiceId }));
        }),
        // What asks for an answer comes first; the guide under it (a long note would push it out of sight).
        // The guide speaks to the side at the controls: an observer has none.
        watching ? null : guidePanel(model, guideOpen(), toggleGuide),
      ].filter((x): x is HTMLElement => x !== null),
    );

    cardRegion.scrollTop = scrolls.cards;
    asks.scrollTop = scrolls.asks;
    if (focusKey) root.querySelector<HTMLElement>(`[data-key="${CSS.escape(focusKey)}"]`)?.focus({ preventScroll: true });
  };
  refresh();

  setStage({ map: { slot: board, highlight: human }, meters: meters.bars });

  // Each watch compares with what the screen was built from: the change that opened the screen is
  // reported to listeners added while it is being delivered, and must not build the screen again.
  let draft = session.draft;
  ctx.watch(
    (s) => s.session?.draft,
    (now) => {
      if (!now || now === draft || ctx.state().screen !== 'turn') return;
      draft = now;
      model = build();
      refresh();
    },
  );
  // The instructor changed the game (an event fired, a meter set, a turn taken back) or what the room sees: built anew.
  ctx.watch(
    (s) => s.session?.state,
    (now) => {
      if (now !== session.state) ctx.redraw();
    },
  );
  ctx.watch(
    (s) => s.instructor.revealed,
    (now) => {
      if (now !== revealed) ctx.redraw();
    },
  );

  ctx.keys({
    e: () => actions.endTurn(),
    g: () => toggleGuide(),
    // Enter ends the turn when no control has focus (on a control, it is the control's).
    Enter: (event) => {
      if (event.target instanceof Element && event.target.closest('[tabindex], label, fieldset')) return;
      actions.endTurn();
    },
  });
  ctx.onEscape(() => (guideOpen() ? toggleGuide() : actions.openSettings()));

  // The turn said as it opens, its sounds, and the world's moments: a proposal waiting, events fired.
  const parts = [
    t('play.turn.begins', { turn: session.state.turn, turns: scenario.turns, side: model.sideName, capital: t('play.turn.capitalSpoken', { left: model.capitalLeft, total: model.capitalTotal }) }),
  ];
  if (model.news.length) parts.push(t('play.turn.eventsFired', { list: model.news.join('; ') }));
  if (guideOpen()) parts.push(...model.guide.map((g) => g.text));
  if (hotseat && clock && clock.side === human) parts.push(t('hotseat.turn.timeLeftSpoken', { side: team, time: clockText(clockLeftMs(clock, Date.now())) }));
  announce(parts.join(' '));
  const later = (ms: number, run: () => void): void => {
    const timer = setTimeout(run, ms);
    ctx.onLeave(() => clearTimeout(timer));
  };
  if (session.state.fired.length > 0) {
    playSound('event');
    cue({ kind: 'pulse', at: human });
  }
  if (model.proposals.length > 0) {
    cue({ kind: 'arc', from: other, to: human, what: 'proposal' });
    later(350, () => playSound('proposal'));
  }
  const net = model.meters.filter((m) => m.seen === 'exact').reduce((sum, m) => sum + m.change, 0);
  if (Math.abs(net) >= 0.05) later(reduced ? 0 : 300, () => playSound(net > 0 ? 'meter_up' : 'meter_down'));
};
