/**
 * The debrief: the ending and each side's outcome and score; the meters over the turns as one side
 * saw them, charted (the printable debrief's own SVG chart) with the turns' key events marked; and a
 * scrolling column with the essays' arguments that drove the result, what the polls hid, the
 * timeline of decisions with their effects, the instructor's interventions and questions for
 * reflection. Below: the class report (print, JSON, CSV), another scenario, Play again.
 */
import { playSound } from '../../audio/sound';
import { SIDES, type Side } from '../../engine/model';
import { currentLanguage, t } from '../../i18n';
import { fallbackLang } from '../../i18n/text';
import { announce } from '../announce';
import { inApp } from '../appRoot';
import { button, choice, el, keyHint, scrollRegion } from '../kit';
import { gameStates, playContext } from '../play/context';
import { argumentLines, keyEventLines, questionLines, resultWords, revealedLines, seriesSpoken, timelineLines } from '../play/debriefText';
import { sourceWords, type Line } from '../play/resolutionText';
import {
  decisionTimeline,
  drivingArguments,
  endingModel,
  instructorEndingWords,
  interventionLines,
  interventionWithTurn,
  keyEvents,
  meterSeries,
  reflectionQuestions,
  revealedMeters,
  sideName,
  type MeterSeries,
} from '../present';
import { legendSwatch, meterChart, type ChartLine } from '../report/chart';
import './debrief.css';
import { answerForm } from '../class/answers';
import { lineElement } from './resolution';
import type { ScreenView } from './view';

// Hot-seat: whose meters the chart and the reading column follow, kept for the game while the
// screen is redrawn or revisited (a new game starts again from Tokyo's).
let follow: { readonly seed: string; readonly side: Side } | null = null;
// The ending's sound and announcement, once per visit (not again when the switch or the language redraws the screen).
let greeted = false;

/** The report's code loads on first use: most games end without one, and the first screen stays light. */
function withReport(use: (report: typeof import('../report/actions')) => void): void {
  import('../report/actions').then(use, (error: unknown) => announce(t('report.announce.failed', { message: error instanceof Error ? error.message : String(error) })));
}

/** A side's series on the chart's turns: a value (and a poll's margin) where the side had a reading. */
function chartLine(s: MeterSeries, states: number): ChartLine {
  const values: (number | null)[] = Array.from({ length: states }, () => null);
  const margins: (number | null)[] = [...values];
  for (const p of s.points) {
    values[p.x] = p.value;
    margins[p.x] = p.margin;
  }
  return { id: s.id, min: s.min, max: s.max, values, poll: s.seen === 'poll', ...(s.seen === 'poll' && { margins }) };
}

export const debriefView: ScreenView = (root, ctx) => {
  const state = ctx.state();
  const play = playContext(state);
  const ending = play && endingModel(play.scenario, play.session.state, play.language);
  if (!play || !ending) {
    root.append(el('h1', { text: t('play.debrief.heading') }));
    return;
  }
  const { scenario, session, language } = play;
  // Hot-seat: both teams read the debrief together; the chart and the reading column follow the side the switch picks.
  const hotseat = session.mode === 'hotseat';
  if (follow?.seed !== session.seed) follow = { seed: session.seed, side: 'tokyo' };
  const human = hotseat ? follow.side : play.human;
  const states = gameStates(play);
  const endingEntry = scenario.endings.find((e) => e.id === ending.id);

  // A game the instructor ended when no ending held has no ending title of its own.
  const endingTitle = ending.title || t('instructor.debrief.endedTitle');
  const results = SIDES.map((side) => ({ side, text: resultWords(ending, side, hotseat ? null : human, scenario, language) }));
  const endedAfter = instructorEndingWords(ending) ?? t('play.debrief.endedAfter', { turn: ending.turn, turns: scenario.turns });

  // The chart: what the followed side saw, on the turns of the game.
  const series = meterSeries(scenario, states, human, language);
  const marks = keyEvents(scenario, session.reports, language);
  // Hot-seat: the title says whose meters the chart follows (one player's debrief says "your").
  const followed = hotseat ? t(`common.sides.${human}`) : undefined;
  const chartTitle = followed ? t('play.debrief.chartSide', { side: followed }) : t('play.debrief.chart');
  const xLabels = states.map((_, i) => (i === 0 ? t('play.debrief.start') : String(i)));
  const chart = meterChart(
    series.map((s) => chartLine(s, states.length)),
    xLabels,
    marks,
    chartTitle,
  );
  const legend = el('ul', { class: 'debrief-legend' });
  series.forEach((s, i) => legend.append(el('li', {}, legendSwatch(i, s.seen === 'poll'), el('span', { text: seriesSpoken(s) }))));

  const switcher = hotseat
    ? choice({
        legend: t('hotseat.debrief.chartFollows'),
        name: 'follow',
        layout: 'row',
        class: 'debrief-follow',
        value: human,
        options: SIDES.map((s) => ({ value: s, label: t('hotseat.debrief.follow', { side: t(`common.sides.${s}`) }) })),
        onChange: (value) => {
          if (!follow || follow.side === value) return;
          follow = { ...follow, side: value as Side };
          ctx.redraw();
          announce(t('hotseat.debrief.follow', { side: t(`common.sides.${value as Side}`) }));
        },
      })
    : null;

  const answers = answerForm(ctx, scenario, language);
  const lines: Line[] = [
    ...argumentLines(drivingArguments(scenario, session.reports, human, language), followed),
    ...revealedLines(revealedMeters(scenario, states, human, language), followed),
    ...(ending.explain ? [{ text: ending.explain, style: 'explain' as const }, ...(ending.source ? [{ text: sourceWords(ending.source), style: 'source' as const }] : [])] : []),
    ...keyEventLines(marks),
    ...timelineLines(decisionTimeline(scenario, session.reports, human, language), scenario, language),
    ...(session.log.length
      ? [
          { text: t('instructor.debrief.heading'), style: 'heading' as const },
          ...interventionLines(scenario, session.log, language).map((l): Line => ({ text: interventionWithTurn(l), style: l.undone ? 'muted' : 'plain' })),
        ]
      : []),
    // A class's team answers the questions below instead (its answers go to the instructor).
    ...(answers ? [] : questionLines(reflectionQuestions(scenario, language))),
  ];
  const reading = scrollRegion(t('play.debrief.sections'), ...lines.map((line) => lineElement(line, 'h2')), answers);
  reading.classList.add('debrief-reading');
  reading.dataset.key = 'scroll:debrief';
  // Focus starts where the old screen put it: on the switch in hot-seat, else in the reading column.
  const start = switcher?.querySelector<HTMLElement>('input:checked') ?? reading;
  start.dataset.autofocus = '';

  const chartRegion = scrollRegion(
    chartTitle,
    el('p', { class: 'debrief-chart-note', text: t('play.debrief.chartNote', { side: sideName(scenario, human, language) }) }),
    el('figure', { class: 'debrief-figure' }, chart, legend),
  );
  chartRegion.classList.add('debrief-chart');
  chartRegion.dataset.key = 'scroll:chart';

  const classGame = play.session.mode === 'class';
  const again = (): void => {
    const { pick } = ctx.state();
    if (pick.scenarioId && (pick.side || pick.mode === 'hotseat')) void ctx.actions.startGame();
    else ctx.actions.go('side');
  };
  const reportButtons = [
    button({
      label: t('report.buttons.print'),
      key: 'report:print',
      onPress: () =>
        withReport((r) => {
          // Back from the printable page, focus returns to the button that opened it.
          const back = (): void => inApp('[data-key="report:print"]')?.focus({ preventScroll: true });
          if (r.openPrintableDebrief(ctx.state(), back)) announce(t('report.announce.opened'));
        }),
    }),
    button({
      label: t('report.buttons.exportJson'),
      key: 'report:json',
      onPress: () =>
        withReport((r) => {
          if (r.downloadGameRecord(ctx.state())) announce(t('report.announce.json'));
        }),
    }),
    button({
      label: t('report.buttons.exportCsv'),
      key: 'report:csv',
      onPress: () =>
        withReport((r) => {
          if (r.downloadMetersCsv(ctx.state())) announce(t('report.announce.csv'));
        }),
    }),
  ];

  const lang = currentLanguage();
  root.append(
    el(
      'div',
      { class: 'debrief-layout' },
      el(
        'header',
        { class: 'debrief-head' },
        el(
          'div',
          { class: 'debrief-heading' },
          el('h1', { class: 'debrief-title', text: t('common.labelled', { label: t('play.debrief.heading'), text: t('play.debrief.ending', { title: endingTitle }) }) }),
          button({ label: t('play.turn.menu'), key: 'menu', variant: 'quiet', class: 'debrief-menu', onPress: () => ctx.actions.openSettings() }),
        ),
        ending.text ? el('p', { class: 'debrief-ending', text: ending.text, lang: fallbackLang(endingEntry?.text, lang) }) : null,
        // The old mirror named this list by the outcome word, and the browser tests find it so.
        el(
          'div',
          { class: 'debrief-facts' },
          el(
            'section',
            { class: 'debrief-results', aria: { label: t('play.outcome.win') } },
            el('ul', {}, ...results.map((r) => el('li', { class: `debrief-result side-${r.side}`, text: r.text })), el('li', { class: 'debrief-ended muted', text: endedAfter })),
          ),
          keyHint(t('play.debrief.keys')),
        ),
      ),
      el(
        'div',
        { class: 'debrief-body' },
        el('div', { class: 'panel debrief-chart-panel' }, el('div', { class: 'debrief-chart-head' }, el('h2', { text: chartTitle }), switcher), chartRegion),
        el('div', { class: 'panel debrief-reading-panel' }, reading),
      ),
      el(
        'footer',
        { class: 'debrief-foot' },
        // A class game's record is the server's (the device has no seed to replay it from): print and CSV only; the way on is out of the class game.
        el('div', { class: 'debrief-report' }, ...(classGame ? reportButtons.filter((b) => b.dataset.key !== 'report:json') : reportButtons)),
        classGame
          ? el('div', { class: 'debrief-next' }, button({ label: t('classGame.lobby.leave'), key: 'class:leave', variant: 'primary', onPress: () => ctx.actions.leaveClassGame() }))
          : el(
              'div',
              { class: 'debrief-next' },
              button({ label: t('play.debrief.another'), key: 'another', onPress: () => ctx.actions.go('scenarios') }),
              button({ label: t('play.debrief.playAgain'), key: 'again', variant: 'primary', class: 'debrief-again', onPress: again }),
            ),
      ),
    ),
  );

  ctx.onEscape(() => ctx.actions.openSettings());
  ctx.onLeave(() => {
    if (ctx.state().screen !== 'debrief') greeted = false;
  });
  if (greeted) return;
  greeted = true;
  if (!hotseat) {
    const outcome = ending.outcome[human];
    playSound(outcome === 'win' ? 'ending_win' : outcome === 'draw' ? 'ending_draw' : 'ending_loss');
    announce(t('play.debrief.announce', { title: endingTitle, side: sideName(scenario, human, language), outcome: t(`play.outcome.${outcome}`) }));
  } else {
    // Two teams, one room: the ending's sound is the draw's unless both sides fared alike.
    const both = ending.outcome.tokyo === ending.outcome.seoul ? ending.outcome.tokyo : 'draw';
    playSound(both === 'win' ? 'ending_win' : both === 'draw' ? 'ending_draw' : 'ending_loss');
    announce(`${t('play.debrief.ending', { title: endingTitle })}. ${results.map((r) => r.text).join('. ')}`);
  }
};
