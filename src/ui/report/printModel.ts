/**
 * What the printable class debrief says, as data in the interface language: the scenario and who
 * played, the ending and each side's result, every meter's true value over the turns (the game is
 * over, so nothing is secret now), the decision timeline with causes and sources, the instructor's
 * interventions and the discussion questions. printView.ts lays it out; nothing here touches the DOM.
 */
import type { GameState, TurnReport } from '../../engine';
import type { Language, Meter, Scenario, Side } from '../../engine/model';
import { formatTurn, t } from '../../i18n';
import { formatPeriod } from '../../i18n/period';
import { localize } from '../../i18n/text';
import type { Session } from '../../store/session';
import { causeWords, changeWords, sourceWords } from '../play/resolutionText';
import {
  choiceTitle,
  decisionTitle,
  drivingArguments,
  endingModel,
  eventTitle,
  explainChanges,
  formatDelta,
  formatNumber,
  instructorEndingWords,
  interventionLines,
  interventionWithTurn,
  keyEvents,
  meterLabel,
  reflectionQuestions,
  sideName,
  type CauseGroup,
  type KeyEvent,
  type ReflectionQuestion,
} from '../present';
import { sidePlayer } from './gameRecord';

export const SIDES: readonly Side[] = ['tokyo', 'seoul'];

export interface SideResult {
  readonly side: Side;
  readonly name: string;
  /** Who played it: a team, the player, the computer at a difficulty. */
  readonly player: string;
  readonly outcome: string;
  readonly score: string;
}

export interface ChartSeries {
  readonly id: string;
  readonly label: string;
  readonly min: number;
  readonly max: number;
  /** The true value in each state: values[0] at the start, values[i] after turn i. */
  readonly values: readonly number[];
  /** "start 40 → end 55" in the interface language, for the legend. */
  readonly summary: string;
}

export interface MeterRow {
  readonly label: string;
  readonly range: string;
  readonly start: string;
  readonly end: string;
  readonly change: string;
  /** How each side saw it during the game: exactly, through a poll, or not at all. */
  readonly seen: Readonly<Record<Side, string>>;
}

export interface ChangeItem {
  readonly cause: string;
  readonly changes: string;
  readonly explain?: string;
  readonly source?: string;
}

export interface TurnBlock {
  readonly heading: string;
  /** "Tokyo: A; B (together)" for each side. */
  readonly chose: readonly { readonly side: Side; readonly text: string }[];
  readonly events: readonly string[];
  /** The biggest changes of the turn (and every change the instructor made), heaviest first. */
  readonly changes: readonly ChangeItem[];
}

export interface PrintModel {
  readonly language: Language;
  /** The document's title (also the name a browser suggests for the PDF). */
  readonly documentTitle: string;
  readonly scenarioTitle: string;
  readonly summary: string;
  readonly facts: readonly { readonly label: string; readonly value: string }[];
  readonly sides: readonly SideResult[];
  readonly ending: { readonly title: string; readonly text: string; readonly note: string; readonly explain?: string; readonly source?: string };
  readonly chart: { readonly series: readonly ChartSeries[]; readonly xLabels: readonly string[]; readonly marks: readonly KeyEvent[] };
  readonly meters: readonly MeterRow[];
  readonly arguments: readonly { readonly source: string; readonly weight: string; readonly causes: readonly { readonly title: string; readonly explain?: string }[] }[];
  readonly timeline: readonly TurnBlock[];
  readonly interventions: readonly string[];
  /** As the teams read them (src/ui/present/debrief.ts): the text and any choices, never the answer guide or the key. */
  readonly questions: readonly ReflectionQuestion[];
  readonly sources: readonly string[];
}

/** The scenario as someone who sees every meter exactly: the debrief of an ended game hides nothing. */
export function seeingAll(scenario: Scenario): Scenario {
  const exact = { tokyo: 'exact', seoul: 'exact' } as const;
  return { ...scenario, meters: scenario.meters.map((m): Meter => ({ ...m, visibility: exact })) };
}

/** How many causes each turn's block lists besides the instructor's own changes. */
const BIGGEST = 3;

export interface PrintInput {
  readonly scenario: Scenario;
  readonly session: Session;
  /** As from replayStates: one more than the reports. */
  readonly states: readonly GameState[];
  readonly language: Language;
  /** The day the debrief is made, for its header. */
  readonly today: Date;
}

export function printModel({ scenario, session, states, language, today }: PrintInput): PrintModel {
  const all = seeingAll(scenario);
  const title = localize(scenario.title, language);
  const ending = endingModel(scenario, session.state, language);
  const reports = session.reports;
  const played = (side: Side): string => {
    const p = sidePlayer(session, side);
    return p.played === 'computer' ? t('report.played.computer', { difficulty: t(`common.opponentDifficulty.${p.difficulty}`) }) : t(`report.played.${p.played}`);
  };

  const endingTitle = ending?.title || t('report.ending.byInstructorTitle');
  const result = session.state.ending;
  const note = !result
    ? t('report.ending.running', { turn: session.state.turn, turns: scenario.turns })
    : (instructorEndingWords({ turn: result.turn, title: ending?.title ?? '', byInstructor: result.byInstructor === true }) ??
      t('play.debrief.endedAfter', { turn: result.turn, turns: scenario.turns }));

  return {
    language,
    documentTitle: t('report.documentTitle', { title }),
    scenarioTitle: title,
    summary: localize(scenario.summary, language),
    facts: [
      { label: t('report.facts.date'), value: new Intl.DateTimeFormat(language, { dateStyle: 'long' }).format(today) },
      ...(scenario.period ? [{ label: t('report.facts.period'), value: formatPeriod(scenario.period, language) }] : []),
      { label: t('report.facts.mode'), value: t(`report.mode.${session.mode}`) },
      { label: t('report.facts.turns'), value: t('report.facts.turnsValue', { played: reports.length, turns: scenario.turns }) },
    ],
    sides: SIDES.map((side) => ({
      side,
      name: sideName(scenario, side, language),
      player: played(side),
      outcome: ending ? t(`play.outcome.${ending.outcome[side]}`) : '',
      score: ending ? formatNumber(ending.scores[side]) : '',
    })),
    ending: {
      title: endingTitle,
      text: ending?.text ?? '',
      note,
      ...(ending?.explain && { explain: ending.explain }),
      ...(ending?.source && { source: sourceWords(ending.source) }),
    },
    chart: {
      series: scenario.meters.map((m) => {
        const values = states.map((s) => s.meters[m.id]!);
        return {
          id: m.id,
          label: localize(m.label, language),
          min: m.min,
          max: m.max,
          values,
          summary: t('report.chart.summary', { start: value(m, values[0]!), end: value(m, values[values.length - 1]!) }),
        };
      }),
      xLabels: states.map((_, i) => (i === 0 ? t('play.debrief.start') : String(i))),
      marks: keyEvents(scenario, reports, language),
    },
    meters: scenario.meters.map((m) => {
      const start = states[0]!.meters[m.id]!;
      const end = states[states.length - 1]!.meters[m.id]!;
      return {
        label: meterLabel(scenario, m.id, language),
        range: `${formatNumber(m.min)}–${formatNumber(m.max)}`,
        start: value(m, start),
        end: value(m, end),
        change: formatDelta(end - start),
        seen: { tokyo: t(`report.meters.seen.${m.visibility.tokyo}`), seoul: t(`report.meters.seen.${m.visibility.seoul}`) },
      };
    }),
    arguments: drivingArguments(all, reports, 'tokyo', language).map((a) => ({
      source: sourceWords(a.source),
      weight: t('report.arguments.weight', { points: formatNumber(a.weight) }),
      causes: a.causes.slice(0, 3).map((c) => ({ title: c.title, ...(c.explain && { explain: c.explain }) })),
    })),
    timeline: reports.map((r) => turnBlock(scenario, all, r, session, language)),
    interventions: interventionLines(scenario, session.log, language).map(interventionWithTurn),
    questions: reflectionQuestions(scenario, language),
    sources: scenario.sources.map((s) =>
      s.publisher
        ? t('report.sources.withPublisher', { author: s.author, title: s.title, year: s.year, publisher: s.publisher })
        : t('report.sources.entry', { author: s.author, title: s.title, year: s.year }),
    ),
  };
}

function value(m: Meter, v: number): string {
  return `${formatNumber(v)}${m.unit ?? ''}`;
}

function turnBlock(scenario: Scenario, all: Scenario, r: TurnReport, session: Session, language: Language): TurnBlock {
  const when = scenario.calendar ? ` · ${formatTurn(scenario, r.turn)}` : '';
  const chose = SIDES.map((side) => {
    const list = r.decisions[side].map((id) => {
      const d = scenario.decisions.find((x) => x.id === id);
      const title = decisionTitle(scenario, id, language);
      if (!d?.joint) return title;
      return t(r.joint.includes(id) ? 'report.timeline.together' : 'report.timeline.proposed', { title });
    });
    const cutShort = r.ending?.byInstructor && r.decisions.tokyo.length + r.decisions.seoul.length === 0;
    return {
      side,
      text: t('play.debrief.timelineSide', {
        side: sideName(scenario, side, language),
        list: list.join(t('report.punctuation.list')) || t(cutShort ? 'report.timeline.cutShort' : 'play.debrief.nothing'),
      }),
    };
  });
  const byHand = new Set(session.log.filter((e) => e.kind === 'fire' && e.turn === r.turn && !e.undone).map((e) => (e.kind === 'fire' ? e.event : '')));
  const events = r.fired.map((f) => {
    const title = eventTitle(scenario, f.event, language);
    const answer = f.response && t('report.timeline.answered', { side: sideName(scenario, f.response.side, language), choice: choiceTitle(scenario, f.event, f.response.choice, language) });
    const fired = byHand.has(f.event) ? t('report.timeline.firedByInstructor', { title }) : title;
    return answer ? t('report.punctuation.withAnswer', { event: fired, answer }) : fired;
  });
  const groups = explainChanges(all, r, 'tokyo', language).groups;
  const byInstructor = (g: CauseGroup): boolean => g.cause.kind === 'instructor' || g.cause.byInstructor === true;
  const weighed = groups
    .map((g) => ({ g, weight: g.changes.reduce((sum, l) => sum + (l.target === 'meter' && l.seen === 'exact' ? Math.abs(l.delta) : 0), 0) }))
    .filter(({ g, weight }) => weight > 0 || byInstructor(g))
    .sort((a, b) => b.weight - a.weight);
  const biggest = weighed.filter(({ g }, i) => byInstructor(g) || i < BIGGEST);
  return {
    heading: `${t('play.debrief.timelineTurn', { turn: r.turn })}${when}`,
    chose,
    events,
    changes: biggest.map(({ g }) => ({
      cause: causeWords(g.cause, scenario, language),
      changes: g.changes.map(changeWords).join(t('report.punctuation.items')),
      ...(g.cause.explain && { explain: g.cause.explain }),
      ...(g.cause.source && { source: sourceWords(g.cause.source) }),
    })),
  };
}
