/**
 * The class debrief as data: every game of the class side by side from its record — the ending and
 * each side's result, the final true meters, the essays' arguments that moved the game most (the
 * single game's debrief's own ranking, drivingArguments, once per game) — the decisions both sides
 * took aligned by turn across the games, and one meter in every game for one chart. Pure: the class
 * debrief screen and its printable page draw it; the tests read it.
 */
import type { ClassRecord, GameRecord } from '../../class/instructor';
import type { GameState, TurnReport } from '../../engine';
import { SIDES, type Language, type Scenario, type Side } from '../../engine/model';
import { t } from '../../i18n';
import { sourceWords } from '../play/resolutionText';
import type { ChartLine } from '../report/chart';
import { seeingAll } from '../report/printModel';
import { drivingArguments, endingModel } from './debrief';
import { instructorEndingWords } from './interventions';
import { decisionTitle, formatNumber, meterLabel, sideName } from './names';

/** How many of a game's arguments the side-by-side table names. */
export const ARGUMENTS_SHOWN = 3;

export interface DebriefSide {
  readonly side: Side;
  readonly name: string;
  /** "win (score 12)", or '' while the game runs. */
  readonly result: string;
}

export interface DebriefMeter {
  readonly id: string;
  readonly label: string;
  readonly value: number;
  /** The value with its unit. */
  readonly text: string;
}

export interface DebriefGame {
  readonly code: string;
  /** The ending's title; the instructor's ending or a game still running say so. */
  readonly ending: string;
  readonly sides: readonly DebriefSide[];
  /** The true meters at the end (or now, for a game still running). */
  readonly meters: readonly DebriefMeter[];
  /** The essays that moved this game's meters most, heaviest first: "Nishino, “…” (2015) · 14 points". */
  readonly arguments: readonly string[];
}

export interface DecisionCell {
  readonly game: string;
  /** Each side's decisions that turn, in the order chosen (a joint one marked as together or proposed); empty when none or not played. */
  readonly decisions: Readonly<Record<Side, readonly string[]>>;
  /** The game had played this turn. */
  readonly played: boolean;
}

export interface DecisionRow {
  readonly turn: number;
  readonly cells: readonly DecisionCell[];
}

export interface ClassDebriefModel {
  readonly games: readonly DebriefGame[];
  readonly meters: readonly { readonly id: string; readonly label: string }[];
  /** Rows are turns, columns the games, in the class's order. */
  readonly turns: readonly DecisionRow[];
}

/** The game's last state: after its last report (turn 1 as it opened, for a game not yet played). */
export function lastState(game: GameRecord): GameState | undefined {
  return game.states[game.states.length - 1];
}

function decisionsOf(scenario: Scenario, r: TurnReport, side: Side, language: Language): string[] {
  return r.decisions[side].map((id) => {
    const title = decisionTitle(scenario, id, language);
    if (!scenario.decisions.find((d) => d.id === id)?.joint) return title;
    return t(r.joint.includes(id) ? 'report.timeline.together' : 'report.timeline.proposed', { title });
  });
}

function debriefGame(scenario: Scenario, all: Scenario, game: GameRecord, language: Language): DebriefGame {
  const state = lastState(game);
  const ending = state && endingModel(scenario, state, language);
  const endingText = !state
    ? t('instructorClass.debrief.notStarted')
    : !ending
      ? t('instructorClass.debrief.running', { turn: state.turn, turns: scenario.turns })
      : (instructorEndingWords(ending) ?? t('instructorClass.debrief.ended', { title: ending.title, turn: ending.turn }));
  return {
    code: game.code,
    ending: endingText,
    sides: SIDES.map((side) => ({
      side,
      name: sideName(scenario, side, language),
      result: ending ? t('instructorClass.debrief.result', { outcome: t(`play.outcome.${ending.outcome[side]}`), score: formatNumber(ending.scores[side]) }) : '',
    })),
    meters: scenario.meters.map((m) => {
      const value = state?.meters[m.id] ?? m.start;
      return { id: m.id, label: meterLabel(scenario, m.id, language), value, text: `${formatNumber(value)}${m.unit ?? ''}` };
    }),
    // Every meter counts, as in the printable debrief: the class record hides nothing from the instructor.
    arguments: drivingArguments(all, game.reports, 'tokyo', language)
      .slice(0, ARGUMENTS_SHOWN)
      .map((a) => t('instructorClass.debrief.argument', { source: sourceWords(a.source), points: formatNumber(a.weight) })),
  };
}

export function classDebrief(scenario: Scenario, record: ClassRecord, language: Language): ClassDebriefModel {
  const all = seeingAll(scenario);
  const turns = Math.max(0, ...record.games.map((g) => g.reports.length));
  return {
    games: record.games.map((g) => debriefGame(scenario, all, g, language)),
    meters: scenario.meters.map((m) => ({ id: m.id, label: meterLabel(scenario, m.id, language) })),
    turns: Array.from({ length: turns }, (_, i) => ({
      turn: i + 1,
      cells: record.games.map((g) => {
        const r = g.reports[i];
        return {
          game: g.code,
          played: r !== undefined,
          decisions: { tokyo: r ? decisionsOf(scenario, r, 'tokyo', language) : [], seoul: r ? decisionsOf(scenario, r, 'seoul', language) : [] },
        };
      }),
    })),
  };
}

export interface MeterAcrossGames {
  /** One line per game (its id is the game's code), each on the meter's own range. */
  readonly lines: readonly ChartLine[];
  /** "Start", "1", "2"… as far as the longest game went. */
  readonly xLabels: readonly string[];
}

/** One meter's true value in every game of the class, turn by turn (values[0] as turn 1 opened, values[i] after turn i). */
export function meterAcrossGames(scenario: Scenario, record: ClassRecord, meterId: string): MeterAcrossGames {
  const m = scenario.meters.find((x) => x.id === meterId) ?? scenario.meters[0];
  if (!m) return { lines: [], xLabels: [] };
  const longest = Math.max(1, ...record.games.map((g) => g.states.length));
  return {
    lines: record.games.map((g) => ({ id: g.code, min: m.min, max: m.max, values: g.states.map((s) => s.meters[m.id] ?? null) })),
    xLabels: Array.from({ length: longest }, (_, i) => (i === 0 ? t('play.debrief.start') : String(i))),
  };
}

/** The model in parts of at most `size` games each (the games in order, each part's turns with its games' cells): a printed page holds a few columns. */
export function inParts(model: ClassDebriefModel, size: number): ClassDebriefModel[] {
  const parts: ClassDebriefModel[] = [];
  for (let i = 0; i < model.games.length; i += size) {
    const games = model.games.slice(i, i + size);
    const codes = new Set(games.map((g) => g.code));
    parts.push({ ...model, games, turns: model.turns.map((r) => ({ turn: r.turn, cells: r.cells.filter((c) => codes.has(c.game)) })).filter((r) => r.cells.some((c) => c.played)) });
  }
  return parts;
}
