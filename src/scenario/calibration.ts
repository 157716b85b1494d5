/**
 * How closely a scenario's history replay follows the polls: each figure placed on its turn by the
 * calendar, the replayed meter read at the end of that turn, and the agreement of levels and of changes.
 */
import { turnStartMonths } from '../engine/calendar';
import type { Scenario } from '../engine/model';
import { pollMonth, type PollSeries, type PollsFile } from './polls';

/** One replayed game: the meters at the start (index 0) and at the end of each turn played (index k). */
export interface Trajectory {
  readonly seed: string;
  readonly meters: readonly Readonly<Record<string, number>>[];
}

/** A poll change smaller than this is "flat"; the game then agrees when it moves less than FLAT_GAME. */
export const FLAT_POLL = 0.5;
export const FLAT_GAME = 1;
/** A figure this many turns outside the game's span is still read, against the nearest end. */
const EDGE = 0.5;

export interface FigureReading {
  readonly date: string;
  /** Where the figure falls on the turn axis: 0 = the start, k = the end of turn k. */
  readonly position: number;
  readonly poll: number;
  /** The poll figure on the meter's scale (the same as `poll` without a `scale:`). */
  readonly target: number;
  /** The meter there, averaged over the seeds that reached it; null when the figure is outside the game. */
  readonly game: number | null;
  readonly error: number | null;
  /** How many seeds' games reached this figure. */
  readonly seeds: number;
  readonly note?: string;
}

export interface Agreement {
  readonly meanError: number | null;
  /** Pearson correlation; null with fewer than 3 points or no variation. */
  readonly r: number | null;
}

export interface SeriesCalibration {
  readonly meter: string;
  readonly source: string;
  readonly reportOnly: boolean;
  readonly figures: readonly FigureReading[];
  /** Changes between the turns that have figures (figures of one turn averaged), and how many the game moves the same way. */
  readonly directions: { readonly agree: number; readonly of: number };
  readonly levels: Agreement;
  readonly changes: Agreement;
  /** Against the file's targets; null when the series is report-only or has no figure inside the game. */
  readonly meets: boolean | null;
}

export interface Calibration {
  readonly scenario: string;
  readonly seeds: readonly string[];
  readonly targets: PollsFile['targets'];
  readonly series: readonly SeriesCalibration[];
}

export function calibrate(scenario: Scenario, polls: PollsFile, games: readonly Trajectory[]): Calibration {
  const starts = turnStartMonths(scenario);
  if (!starts) throw new Error(`scenario '${scenario.id}' has no calendar`);
  return {
    scenario: scenario.id,
    seeds: games.map((g) => g.seed),
    targets: polls.targets,
    series: polls.polls.map((series) => calibrateSeries(series, starts, games, polls.targets)),
  };
}

function calibrateSeries(series: PollSeries, starts: readonly number[], games: readonly Trajectory[], targets: PollsFile['targets']): SeriesCalibration {
  const toMeter = series.scale ? line(series.scale.poll, series.scale.meter) : (v: number) => v;
  const figures = series.figures.map((f): FigureReading => {
    const position = turnPosition(starts, pollMonth(f.date));
    const readings = games.map((g) => readAt(g.meters, series.meter, position)).filter((v): v is number => v !== undefined);
    const target = toMeter(f.value);
    const game = readings.length ? mean(readings) : null;
    return { date: f.date, position, poll: f.value, target, game, error: game === null ? null : game - target, seeds: readings.length, ...(f.note !== undefined && { note: f.note }) };
  });
  const inside = readingsByTurn(figures);
  const pollChanges: number[] = [];
  const gameChanges: number[] = [];
  let agree = 0;
  for (let i = 1; i < inside.length; i++) {
    const dPoll = inside[i]!.target - inside[i - 1]!.target;
    const dGame = inside[i]!.game - inside[i - 1]!.game;
    pollChanges.push(dPoll);
    gameChanges.push(dGame);
    if (Math.abs(dPoll) < FLAT_POLL ? Math.abs(dGame) < FLAT_GAME : Math.sign(dPoll) === Math.sign(dGame)) agree++;
  }
  const levels = {
    meanError: inside.length ? mean(inside.map((f) => Math.abs(f.game - f.target))) : null,
    r: pearson(
      inside.map((f) => f.target),
      inside.map((f) => f.game),
    ),
  };
  const changes = { meanError: pollChanges.length ? mean(pollChanges.map((d, i) => Math.abs(gameChanges[i]! - d))) : null, r: pearson(pollChanges, gameChanges) };
  const directionOk = pollChanges.length === 0 || agree / pollChanges.length >= targets.direction - 1e-9;
  const meets = series.report_only || levels.meanError === null ? null : directionOk && levels.meanError <= targets.level_error;
  return { meter: series.meter, source: series.source, reportOnly: series.report_only, figures, directions: { agree, of: pollChanges.length }, levels, changes, meets };
}

/**
 * The figures inside the game, one reading per turn: the game resolves a turn at once, so it can say
 * nothing about a rise and fall within one (two polls a month apart in a two-month turn). Figures in
 * the same turn are averaged, the poll's and the game's alike; the start (position ≤ 0) is turn 0.
 */
function readingsByTurn(figures: readonly FigureReading[]): { target: number; game: number }[] {
  const turns = new Map<number, { target: number; game: number; n: number }>();
  for (const f of figures) {
    if (f.game === null) continue;
    const turn = turnOf(f.position);
    const sum = turns.get(turn) ?? { target: 0, game: 0, n: 0 };
    turns.set(turn, { target: sum.target + f.target, game: sum.game + f.game, n: sum.n + 1 });
  }
  return [...turns.entries()].sort(([a], [b]) => a - b).map(([, sum]) => ({ target: sum.target / sum.n, game: sum.game / sum.n }));
}

/**
 * A month (with its fraction) on the turn axis: turn k spans starts[k-1] … starts[k], so a
 * month a third into turn 2 is 1.33. Before the first turn and after the last, the nearest turn's
 * length carries on.
 */
export function turnPosition(starts: readonly number[], month: number): number {
  const last = starts.length - 1;
  if (month < starts[0]!) return (month - starts[0]!) / (starts[1]! - starts[0]!);
  for (let k = 1; k <= last; k++) if (month < starts[k]!) return k - 1 + (month - starts[k - 1]!) / (starts[k]! - starts[k - 1]!);
  return last + (month - starts[last]!) / (starts[last]! - starts[last - 1]!);
}

/**
 * The meter a figure is compared with: at the end of the turn whose months hold the figure's date
 * (the start values before turn 1), since a turn is the finest time the game has. Undefined outside this game.
 */
function readAt(meters: Trajectory['meters'], meter: string, position: number): number | undefined {
  const played = meters.length - 1;
  if (position < -EDGE || position > played + EDGE) return undefined;
  return meters[Math.min(turnOf(position), played)]?.[meter];
}

/** The turn whose months hold a position (turn k spans k − 1 … k); 0, the start, for anything before turn 1. */
function turnOf(position: number): number {
  return position <= 0 ? 0 : Math.ceil(position);
}

function line(from: readonly [number, number], to: readonly [number, number]): (v: number) => number {
  return (v) => to[0] + ((v - from[0]) * (to[1] - to[0])) / (from[1] - from[0]);
}

function mean(values: readonly number[]): number {
  return values.reduce((s, v) => s + v, 0) / values.length;
}

export function pearson(xs: readonly number[], ys: readonly number[]): number | null {
  if (xs.length < 3 || xs.length !== ys.length) return null;
  const mx = mean(xs);
  const my = mean(ys);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < xs.length; i++) {
    sxy += (xs[i]! - mx) * (ys[i]! - my);
    sxx += (xs[i]! - mx) ** 2;
    syy += (ys[i]! - my) ** 2;
  }
  return sxx === 0 || syy === 0 ? null : sxy / Math.sqrt(sxx * syy);
}
