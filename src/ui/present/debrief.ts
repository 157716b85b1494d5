/**
 * What the debrief shows, as data: the ending, each visible meter over the turns (as the human's
 * side saw it), the turns' key events for the chart, the timeline of decisions with their effects,
 * the essays' arguments that moved the meters most, and the questions for reflection.
 */
import type { GameState, TurnReport } from '../../engine';
import type { Language, Outcome, Scenario, Side } from '../../engine/model';
import { explainChanges, type CauseGroup } from './explain';
import { localize } from '../../i18n/text';
import { decisionTitle, eventTitle, sourceRef, thingTitle, type SourceRef } from './names';

export interface EndingModel {
  readonly id: string;
  readonly title: string;
  readonly text: string;
  readonly explain?: string;
  readonly source?: SourceRef;
  /** The turn after which the game ended. */
  readonly turn: number;
  readonly outcome: Readonly<Record<Side, Outcome>>;
  readonly scores: Readonly<Record<Side, number>>;
  /** The instructor ended the game; `id` (and `title`) is '' when no ending held then. */
  readonly byInstructor?: true;
}

export function endingModel(scenario: Scenario, state: GameState, language: Language): EndingModel | null {
  const result = state.ending;
  if (!result) return null;
  const e = scenario.endings.find((x) => x.id === result.id);
  const source = sourceRef(scenario, e?.source);
  return {
    id: result.id,
    title: e ? localize(e.title, language) : result.id,
    text: e ? localize(e.text, language) : '',
    ...(e?.explain && { explain: localize(e.explain, language) }),
    ...(source && { source }),
    turn: result.turn,
    outcome: result.outcome,
    scores: result.scores,
    ...(result.byInstructor && { byInstructor: true as const }),
  };
}

export interface SeriesPoint {
  /** Turns resolved so far: 0 is the start of the game. */
  readonly x: number;
  readonly value: number;
  /** A poll's margin (0 for an exact meter). */
  readonly margin: number;
}

export interface MeterSeries {
  readonly id: string;
  readonly label: string;
  readonly unit?: string;
  readonly min: number;
  readonly max: number;
  readonly seen: 'exact' | 'poll';
  readonly points: readonly SeriesPoint[];
}

/**
 * Each meter the side sees, from the states of the game (replayStates). An exact meter has a point
 * per state; a polled meter a point per poll the side was shown (none is drawn after the last turn).
 */
export function meterSeries(scenario: Scenario, states: readonly GameState[], side: Side, language: Language): MeterSeries[] {
  const series: MeterSeries[] = [];
  for (const m of scenario.meters) {
    const seen = m.visibility[side];
    if (seen === 'hidden') continue;
    const points: SeriesPoint[] = [];
    states.forEach((s, x) => {
      if (seen === 'exact') points.push({ x, value: s.meters[m.id]!, margin: 0 });
      else if (!s.ending) {
        const poll = s.polls[side][m.id];
        if (poll) points.push({ x, value: poll.estimate, margin: poll.margin });
      }
    });
    series.push({ id: m.id, label: localize(m.label, language), ...(m.unit && { unit: m.unit }), min: m.min, max: m.max, seen, points });
  }
  return series;
}

export interface KeyEvent {
  readonly turn: number;
  readonly kind: 'event' | 'together' | 'ending';
  readonly id: string;
  readonly title: string;
}

/** What happened each turn worth a marker on the chart: events that fired, joint decisions taken, the ending. */
export function keyEvents(scenario: Scenario, reports: readonly TurnReport[], language: Language): KeyEvent[] {
  const list: KeyEvent[] = [];
  for (const r of reports) {
    for (const f of r.fired) list.push({ turn: r.turn, kind: 'event', id: f.event, title: eventTitle(scenario, f.event, language) });
    for (const id of r.joint) list.push({ turn: r.turn, kind: 'together', id, title: decisionTitle(scenario, id, language) });
    if (r.ending) {
      const e = scenario.endings.find((x) => x.id === r.ending!.id);
      list.push({ turn: r.turn, kind: 'ending', id: r.ending.id, title: e ? localize(e.title, language) : r.ending.id });
    }
  }
  return list;
}

export interface TimelineTurn {
  readonly turn: number;
  /** Each side's decisions, in the order chosen. */
  readonly decisions: Readonly<Record<Side, readonly { readonly id: string; readonly title: string }[]>>;
  /** The changes decisions and answers made (delayed ones included), as the side saw them. */
  readonly effects: readonly CauseGroup[];
}

const CHOSEN = new Set(['decision', 'joint', 'declined', 'response']);

export function decisionTimeline(scenario: Scenario, reports: readonly TurnReport[], side: Side, language: Language): TimelineTurn[] {
  return reports.map((r) => {
    const explained = explainChanges(scenario, r, side, language);
    const titled = (ids: readonly string[]) => ids.map((id) => ({ id, title: decisionTitle(scenario, id, language) }));
    return {
      turn: r.turn,
      decisions: { tokyo: titled(r.decisions.tokyo), seoul: titled(r.decisions.seoul) },
      effects: explained.groups.filter((g) => CHOSEN.has(g.cause.kind) || (g.cause.kind === 'delayed' && g.cause.origin !== undefined && CHOSEN.has(g.cause.origin))),
    };
  });
}

export interface DrivingArgument {
  readonly source: SourceRef;
  /** Total absolute change its causes made to the meters the side sees: what ranks the arguments. */
  readonly weight: number;
  /** The decisions, events and rules that carried the argument, the heaviest first, each with its explanation. */
  readonly causes: readonly { readonly kind: string; readonly id: string; readonly title: string; readonly explain?: string; readonly weight: number }[];
}

/**
 * The essays' arguments ranked by how much the meters moved under causes that cite them. Only meters
 * the side sees count, so the ranking says nothing about a hidden meter.
 */
export function drivingArguments(scenario: Scenario, reports: readonly TurnReport[], side: Side, language: Language): DrivingArgument[] {
  const bySource = new Map<string, { weight: number; causes: Map<string, { kind: string; id: string; title: string; explain?: string; weight: number }> }>();
  for (const r of reports) {
    for (const c of r.changes) {
      if (c.target !== 'meter' || !c.cause.source) continue;
      const m = scenario.meters.find((x) => x.id === c.id);
      if (!m || m.visibility[side] === 'hidden') continue;
      const size = Math.abs((c.after as number) - (c.before as number));
      let entry = bySource.get(c.cause.source);
      if (!entry) bySource.set(c.cause.source, (entry = { weight: 0, causes: new Map() }));
      entry.weight += size;
      const kind = c.cause.kind === 'delayed' ? (c.cause.origin ?? 'decision') : c.cause.kind;
      const key = `${kind === 'joint' || kind === 'declined' ? 'decision' : kind === 'response' ? 'event' : kind}|${c.cause.id}`;
      let cause = entry.causes.get(key);
      if (!cause) {
        const explain = explainOf(scenario, kind, c.cause.id, language);
        cause = { kind, id: c.cause.id, title: thingTitle(scenario, kind, c.cause.id, language), ...(explain && { explain }), weight: 0 };
        entry.causes.set(key, cause);
      }
      cause.weight += size;
    }
  }
  const list: DrivingArgument[] = [];
  for (const [id, entry] of bySource) {
    const source = sourceRef(scenario, id);
    if (!source) continue;
    list.push({ source, weight: entry.weight, causes: [...entry.causes.values()].sort((a, b) => b.weight - a.weight) });
  }
  return list.sort((a, b) => b.weight - a.weight);
}

function explainOf(scenario: Scenario, kind: string, id: string, language: Language): string | undefined {
  const text =
    kind === 'rule'
      ? scenario.rules.find((x) => x.id === id)?.explain
      : kind === 'event' || kind === 'response'
        ? scenario.events.find((x) => x.id === id)?.explain
        : scenario.decisions.find((x) => x.id === id)?.explain;
  return text && localize(text, language);
}

/** A question as the teams read it: its text and, for a multiple-choice question, the choices in file order. */
export interface ReflectionQuestion {
  readonly text: string;
  /** Empty for an open question. `label`: a, b, c… */
  readonly choices: readonly { readonly label: string; readonly text: string }[];
}

/** The scenario's questions for the teams: never the instructor's answer guide or the right choice. */
export function reflectionQuestions(scenario: Scenario, language: Language): ReflectionQuestion[] {
  return scenario.questions.map((q) => ({
    text: localize(q.text, language),
    choices: (q.choices ?? []).map((c, i) => ({ label: String.fromCharCode(0x61 + i), text: localize(c.text, language) })),
  }));
}

/** A meter the side could not see exactly, revealed once the game is over: the polls' lesson. */
export interface RevealedMeter {
  readonly id: string;
  readonly label: string;
  readonly unit?: string;
  readonly seen: 'poll' | 'hidden';
  /** Its true value at the end. */
  readonly value: number;
  /** The last poll the side was shown, for a polled meter. */
  readonly lastPoll?: { readonly estimate: number; readonly margin: number };
}

/** Only for an ended game: while it runs, the true values stay the engine's secret. */
export function revealedMeters(scenario: Scenario, states: readonly GameState[], side: Side, language: Language): RevealedMeter[] {
  const final = states[states.length - 1];
  if (!final?.ending) return [];
  const lastOpen = [...states].reverse().find((s) => !s.ending);
  const list: RevealedMeter[] = [];
  for (const m of scenario.meters) {
    const seen = m.visibility[side];
    if (seen === 'exact') continue;
    const poll = seen === 'poll' ? lastOpen?.polls[side][m.id] : undefined;
    list.push({
      id: m.id,
      label: localize(m.label, language),
      ...(m.unit && { unit: m.unit }),
      seen,
      value: final.meters[m.id]!,
      ...(poll && { lastPoll: { estimate: poll.estimate, margin: poll.margin } }),
    });
  }
  return list;
}
