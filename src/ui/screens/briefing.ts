/**
 * Before the first turn: the situation and the goals (both teams' in hot-seat), the meters as the
 * player sees them (in hot-seat only those both teams see exactly), the essays the scenario draws on,
 * and the map the world draws as the board. Begin opens the first turn; Menu the game's menu.
 */
import { sideView, type MeterView } from '../../engine';
import { SIDES, type Meter } from '../../engine/model';
import { currentLanguage, formatNumber, t, turnWhen, tx } from '../../i18n';
import { fallbackLang } from '../../i18n/text';
import { otherSide } from '../../store/session';
import { setStage } from '../../world/stage';
import { announce } from '../announce';
import { button, el, keyHint, scrollRegion, section } from '../kit';
import './briefing.css';
import type { ScreenView } from './view';

/** A meter's value as the human side sees it: exact, a poll's estimate ± margin, or not at all. */
export function meterReading(meter: Meter, view: MeterView | undefined): string {
  const unit = meter.unit ?? '';
  const n = (value: number): string => formatNumber(value, { maximumFractionDigits: 0 });
  if (!view) return t('briefing.meterHidden');
  if (view.seen === 'exact') return t('briefing.meterExact', { value: `${n(view.value)}${unit}` });
  return t('briefing.meterPoll', { estimate: `${n(view.estimate)}${unit}`, margin: n(view.margin) });
}

/**
 * Splits text at blank lines; single line breaks inside a paragraph are joined (with a space, except
 * in Japanese, which has none between words) so the paragraph rewraps to its box.
 */
function paragraphs(text: string): string[] {
  const join = currentLanguage() === 'ja' ? '' : ' ';
  return text
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s*\n\s*/g, join).trim())
    .filter(Boolean);
}

export const briefingView: ScreenView = (root, ctx) => {
  const { actions } = ctx;
  const { session, catalog } = ctx.state();
  const scenario = session && catalog.find((e) => e.id === session.scenarioId)?.scenario;
  if (!session || !scenario) {
    actions.go('title');
    return;
  }
  const language = currentLanguage();
  const side = session.human;
  // Hot-seat: both teams read the briefing together, so it shows both sides' goals and only the meters both see exactly.
  const hotseat = session.mode === 'hotseat';
  const view = sideView(scenario, session.state, side);
  const otherView = sideView(scenario, session.state, otherSide(side));
  const sharedView = (id: string): MeterView | undefined => (!hotseat || (view.meters[id]?.seen === 'exact' && otherView.meters[id]?.seen === 'exact') ? view.meters[id] : undefined);
  const goals = hotseat
    ? SIDES.map((s) => ({ side: s, heading: t('hotseat.briefing.goals', { side: t(`common.sides.${s}`) }), text: scenario.sides[s].goals }))
    : [{ side, heading: t('briefing.goals'), text: scenario.sides[side].goals }];
  const metersHeading = hotseat ? t('hotseat.briefing.meters') : t('briefing.meters');
  const heading = t('briefing.heading', { title: tx(scenario.title) });
  // Without a calendar the turn's number would repeat the length beside it ("Turn 1 of 8 · 8 turns"): the length alone says it.
  const when = turnWhen(scenario, session.state.turn);
  const subtitle = t(hotseat ? `hotseat.briefing.teams${when === undefined ? 'Undated' : ''}` : `briefing.youGovern${when === undefined ? 'Undated' : ''}`, {
    name: t(`common.sides.${side}`),
    when,
    turns: t('scenarios.length', { count: scenario.turns }),
  });

  // An instructor's English-only text in a Japanese or Korean interface is marked English for screen readers.
  const story = scenario.briefing ?? scenario.summary;
  const storyLang = fallbackLang(story, language);
  const situation = scrollRegion(
    t('briefing.situation'),
    el('h2', { text: t('briefing.situation') }),
    ...paragraphs(tx(story)).map((text) => el('p', { text, ...(storyLang && { lang: storyLang }) })),
    ...goals.flatMap((g) => {
      const lang = fallbackLang(g.text, language);
      return [el('h2', { ...(hotseat && { class: `side-${g.side}` }), text: g.heading }), ...paragraphs(tx(g.text)).map((text) => el('p', { text, ...(lang && { lang }) }))];
    }),
  );
  situation.classList.add('panel', 'briefing-situation');
  situation.dataset.key = 'briefing:situation';
  // The long text takes focus first: it scrolls by the arrow keys and Page Up/Down.
  situation.dataset.autofocus = '';

  const meterList = el(
    'ul',
    { class: 'briefing-meters' },
    ...scenario.meters.map((meter) => {
      const shared = sharedView(meter.id);
      const reading = hotseat && !shared ? t('hotseat.briefing.meterPrivate') : meterReading(meter, view.meters[meter.id]);
      const descriptionLang = fallbackLang(meter.description, language);
      return el(
        'li',
        { class: shared ? 'briefing-meter' : 'briefing-meter briefing-meter-unseen' },
        el('span', { class: 'briefing-meter-line', text: t('briefing.meterLine', { label: tx(meter.label), reading }) }),
        meter.description ? ' ' : null,
        meter.description ? el('span', { class: 'briefing-meter-description', text: tx(meter.description), ...(descriptionLang && { lang: descriptionLang }) }) : null,
      );
    }),
  );
  const sources = scenario.sources.map((s) => t('briefing.source', { author: s.author, title: s.title, year: s.year }));
  const details = scrollRegion(
    t('briefing.detailsRegion'),
    section(metersHeading, { class: 'briefing-part' }, el('h2', { text: metersHeading }), meterList),
    sources.length
      ? section(t('briefing.sources'), { class: 'briefing-part' }, el('h2', { text: t('briefing.sources') }), el('ul', { class: 'briefing-sources' }, ...sources.map((text) => el('li', { text }))))
      : null,
  );
  details.classList.add('panel', 'briefing-details');
  details.dataset.key = 'briefing:details';

  // The world draws the map here, the player's country highlighted (neither in hot-seat: both teams read this).
  const map = el('div', { class: 'briefing-map board-slot', role: 'img', aria: { label: t('play.turn.mapCaption') } });

  root.append(
    el(
      'div',
      { class: 'briefing-layout' },
      el('header', { class: 'briefing-head' }, el('h1', { text: heading }), el('p', { class: hotseat ? 'briefing-subtitle' : `briefing-subtitle side-${side}`, text: subtitle })),
      el('main', { class: 'briefing-main' }, situation, el('div', { class: 'briefing-side' }, map, details)),
      el(
        'footer',
        { class: 'briefing-foot' },
        // The game's menu (settings, export, quit, the instructor panel), as on the turn screen.
        button({ label: t('play.turn.menu'), key: 'menu', variant: 'quiet', onPress: () => actions.openSettings() }),
        keyHint(t('keys.scroll')),
        button({ label: t('briefing.begin'), key: 'briefing:begin', variant: 'primary', class: 'briefing-begin', onPress: () => actions.beginTurn() }),
      ),
    ),
  );

  setStage({ map: { slot: map, highlight: hotseat ? null : side } });
  ctx.onEscape(() => actions.openSettings());
  announce(heading);
};
