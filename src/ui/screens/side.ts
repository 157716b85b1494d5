/**
 * How to play: against the computer (Tokyo or Seoul, each side's name and goals in the scenario's
 * words, the computer opponent's difficulty, and Start, which starts the game and shows the
 * briefing) or two teams on this screen (both sides' goals, the turn order, and Continue to the
 * class setup).
 */
import { SIDES, type Side, type Text } from '../../engine/model';
import { currentLanguage, t, tx } from '../../i18n';
import { fallbackLang } from '../../i18n/text';
import type { Difficulty, Mode } from '../../store';
import { DIFFICULTIES, MODES } from '../../store/session';
import { announce } from '../announce';
import { button, choice, el, section, setChoice } from '../kit';
import { menuFrame } from './menu';
import './side.css';
import type { ScreenView } from './view';

/** Scenario text in the interface's language, marked lang=en when it fell back to English. */
function scenarioText(tag: 'p' | 'span', text: Text | undefined, className: string): HTMLElement {
  const lang = fallbackLang(text, currentLanguage());
  return el(tag, { class: className, text: tx(text), ...(lang && { lang }) });
}

export const sideView: ScreenView = (root, ctx) => {
  const { actions } = ctx;
  const { catalog, pick } = ctx.state();
  const entry = catalog.find((e) => e.id === pick.scenarioId);
  if (!entry) {
    // Reached without a scenario (a file removed meanwhile): back to the list rather than a blank screen, once this one is up.
    queueMicrotask(() => actions.go('scenarios'));
    return;
  }
  const scenario = entry.scenario;
  const hotseat = pick.mode === 'hotseat';
  const back = (): void => actions.go('scenarios');

  const mode = choice({
    legend: t('hotseat.mode.legend'),
    name: 'mode',
    value: pick.mode,
    options: MODES.map((m) => ({ value: m, label: t(`hotseat.mode.${m}`), detail: t(`hotseat.mode.${m}Hint`) })),
    onChange: (m) => actions.pickMode(m as Mode),
  });

  /** A side's name and goals, in the scenario's words. */
  const aboutSide = (side: Side): Node => {
    const about = scenario.sides[side];
    return el(
      'span',
      { class: 'side-about' },
      scenarioText('span', about.name, 'side-name'),
      el('span', { class: 'side-goals-heading', text: t('side.goalsHeading') }),
      scenarioText('span', about.goals, 'side-goals'),
    );
  };

  const start = button({
    label: hotseat ? t('hotseat.teams.next') : t('side.start'),
    key: 'side:start',
    variant: 'primary',
    disabled: !hotseat && !pick.side,
    onPress: () => (hotseat ? actions.go('classSetup') : void actions.startGame()),
  });

  let body: HTMLElement[];
  let sides: HTMLFieldSetElement | null = null;
  let levels: HTMLFieldSetElement | null = null;
  if (hotseat) {
    // Both teams play: each side's goals, to read, nothing to choose.
    // The turn order first, under the way to play it explains; then both teams' goals.
    body = [
      mode,
      el('p', { class: 'side-order', text: t('hotseat.teams.order') }),
      section(
        t('hotseat.teams.heading'),
        { class: 'side-teams' },
        el(
          'div',
          { class: 'side-pair' },
          ...SIDES.map((side) =>
            el('article', { class: `panel side-team side-card-${side}` }, el('h2', { class: 'side-team-name', text: t('hotseat.team', { side: t(`common.sides.${side}`) }) }), aboutSide(side)),
          ),
        ),
      ),
    ];
  } else {
    sides = choice({
      legend: t('side.sideLegend'),
      name: 'side',
      class: 'side-choice',
      value: pick.side,
      options: SIDES.map((side) => ({ value: side, label: t('side.lead', { name: t(`common.sides.${side}`) }), detail: aboutSide(side) })),
      onChange: (side) => actions.pickSide(side as Side),
    });
    // Against the computer, the side is what is chosen here; the way to play is one Shift+Tab above.
    const first = sides.querySelector<HTMLElement>(`[data-key="side:${pick.side ?? 'tokyo'}"]`);
    if (first) first.dataset.autofocus = '';
    levels = choice({
      legend: t('side.opponentLegend'),
      name: 'difficulty',
      value: pick.difficulty,
      options: DIFFICULTIES.map((level) => ({ value: level, label: t(`common.opponentDifficulty.${level}`), detail: t(`side.opponentHints.${level}`) })),
      onChange: (level) => actions.pickDifficulty(level as Difficulty),
    });
    body = [mode, sides, levels];
  }

  const title = fallbackLang(scenario.title, currentLanguage());
  root.append(
    menuFrame({
      class: 'side',
      heading: t('side.heading'),
      lead: el('p', { text: tx(scenario.title), ...(title && { lang: title }) }),
      body,
      buttons: [button({ label: t('common.back'), key: 'side:back', onPress: back })],
      primary: [start],
      hint: t('keys.list'),
    }),
  );

  // A change of mode changes the whole screen: drawn again (focus stays on the mode chosen). The
  // comparison is with what this drawing was made from: a redraw's own watches hear the change that caused it too.
  ctx.watch(
    (s) => s.pick.mode,
    (m) => m !== pick.mode && ctx.redraw(),
  );
  ctx.watch(
    (s) => s.pick,
    (p, before) => {
      if (p.mode !== before.mode || hotseat) return;
      if (sides) setChoice(sides, p.side);
      if (levels) setChoice(levels, p.difficulty);
      start.disabled = p.side === null;
      if (p.side && p.side !== before.side) announce(t('side.opponentPlays', { name: t(`common.sides.${p.side === 'tokyo' ? 'seoul' : 'tokyo'}`) }));
    },
  );
  ctx.onEscape(back);
  announce(hotseat ? `${t('side.heading')}. ${t('hotseat.mode.chosenHotseat')}` : t('side.heading'));
};
