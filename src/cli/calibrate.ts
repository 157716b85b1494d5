/**
 * `scenario calibrate FILE --orders HISTORY.json --polls POLLS.yaml [--seeds N] [--json] [--check]`:
 * replays the history orders over seeds 1..N and says, per meter, how closely the game follows the polls.
 */
import { IllegalOrderError } from '../engine';
import { localize } from '../i18n/text';
import { calibrate, type Calibration, type SeriesCalibration, type Trajectory } from '../scenario/calibration';
import { loadPolls } from '../scenario/polls';
import { formatProblem } from '../scenario/problems';
import type { Scenario } from '../engine/model';
import { EXIT, parseArgs, readFileOrReport, UsageError, type CliIO } from './io';
import { parseOrdersFile, toOrders } from './orders';
import { replay } from './replay';
import { loadForCommand } from './scenarioFile';

export const DEFAULT_SEEDS = 20;
const MAX_SEEDS = 1000;

export function calibrateCommand(args: readonly string[], io: CliIO): number {
  const { positional, options } = parseArgs(args, ['orders', 'polls', 'seeds'], ['json', 'check']);
  if (positional.length !== 1) throw new UsageError('calibrate needs exactly one scenario file');
  const ordersPath = options.get('orders');
  const pollsPath = options.get('polls');
  if (typeof ordersPath !== 'string') throw new UsageError('calibrate needs --orders HISTORY.json (the history orders to replay)');
  if (typeof pollsPath !== 'string') throw new UsageError('calibrate needs --polls POLLS.yaml (the poll figures to compare with)');
  const seedsOption = options.get('seeds') ?? String(DEFAULT_SEEDS);
  const seeds = Number(seedsOption);
  if (!Number.isInteger(seeds) || seeds < 1 || seeds > MAX_SEEDS) throw new UsageError(`--seeds must be a whole number from 1 to ${MAX_SEEDS}, not '${String(seedsOption)}'`);

  const file = positional[0]!;
  const scenario = loadForCommand(io, file);
  if (!scenario) return EXIT.invalid;
  const pollsBytes = readFileOrReport(io, pollsPath);
  if (!pollsBytes) return EXIT.invalid;
  const polls = loadPolls(pollsPath, new TextDecoder().decode(pollsBytes), scenario);
  if (!polls.ok) {
    for (const p of polls.problems) io.err(formatProblem(p));
    return EXIT.invalid;
  }
  const ordersBytes = readFileOrReport(io, ordersPath);
  if (!ordersBytes) return EXIT.invalid;
  const orders = parseOrdersFile(new TextDecoder().decode(ordersBytes));
  if (!orders.ok) {
    io.err(`${ordersPath}: error: ${orders.message}`);
    return EXIT.invalid;
  }

  const games: Trajectory[] = [];
  const refused: string[] = [];
  const start = Object.fromEntries(scenario.meters.map((m) => [m.id, m.start]));
  for (let s = 1; s <= seeds; s++) {
    try {
      const played = replay(
        scenario,
        String(s),
        orders.turns.map((t) => toOrders(scenario, t)),
      );
      games.push({ seed: String(s), meters: [start, ...played.turns.map((t) => t.meters)] });
    } catch (e) {
      if (!(e instanceof IllegalOrderError)) throw e;
      refused.push(`seed ${s}: ${e.message}`);
    }
  }
  if (games.length === 0) {
    io.err(`${ordersPath}: error: no seed could play these orders (${refused[0] ?? 'no seeds'}); fix the orders with 'replay' first`);
    return EXIT.invalid;
  }
  const result = calibrate(scenario, polls.polls, games);
  if (options.has('json')) io.out(JSON.stringify({ ...result, orders: ordersPath, polls: pollsPath, refused }, null, 2));
  else printCalibration(io, scenario, result, refused);
  const missed = result.series.filter((s) => s.meets === false).length;
  return options.has('check') && missed > 0 ? EXIT.invalid : EXIT.ok;
}

function printCalibration(io: CliIO, scenario: Scenario, result: Calibration, refused: readonly string[]): void {
  const label = (id: string) => localize(scenario.meters.find((m) => m.id === id)?.label, 'en') || id;
  io.out(`${scenario.id}: the history orders replayed with seeds 1–${result.seeds.length + refused.length}, against ${result.series.length} poll series`);
  for (const r of refused) io.out(`  left out — ${r}`);
  for (const series of result.series) {
    io.out('');
    io.out(`${series.meter} (${label(series.meter)}) — ${series.source}${series.reportOnly ? ' [report only]' : ''}`);
    io.out(`  ${'date'.padEnd(10)} ${'turn'.padStart(5)} ${'poll'.padStart(6)} ${'game'.padStart(6)} ${'error'.padStart(6)}`);
    for (const f of series.figures) {
      const onScale = f.target === f.poll ? '' : ` (${fixed(f.target)} on the meter)`;
      const game = f.game === null ? '     —' : fixed(f.game).padStart(6);
      const error = f.error === null ? ' outside the game' : signed(f.error).padStart(6);
      io.out(
        `  ${f.date.padEnd(10)} ${fixed(f.position, 2).padStart(5)} ${fixed(f.poll).padStart(6)} ${game} ${error}${onScale}${f.seeds && f.seeds < result.seeds.length ? ` (${f.seeds} seeds reached it)` : ''}`,
      );
    }
    io.out(`  ${verdict(series, result)}`);
  }
  const held = result.series.filter((s) => s.meets !== null);
  const met = held.filter((s) => s.meets).length;
  io.out('');
  io.out(
    `${met} of ${held.length} series held to the targets meet them (directions ≥ ${Math.round(result.targets.direction * 100)}% agree, mean level error ≤ ${fixed(result.targets.level_error)} points)${
      held.length > met
        ? `; missed: ${held
            .filter((s) => !s.meets)
            .map((s) => s.meter)
            .join(', ')}`
        : ''
    }`,
  );
}

/** One sentence per series: the numbers, then whether they meet the targets and which one misses. */
function verdict(series: SeriesCalibration, result: Calibration): string {
  const d = series.directions;
  const facts = [
    d.of ? `directions ${d.agree} of ${d.of} agree` : 'no poll-to-poll change inside the game',
    `levels: mean error ${fixed(series.levels.meanError)}, r ${fixed(series.levels.r, 2)}`,
    `changes: mean error ${fixed(series.changes.meanError)}, r ${fixed(series.changes.r, 2)}`,
  ].join(' · ');
  if (series.meets === null) return `${facts}${series.reportOnly ? '' : ' · no figure falls inside the game'}`;
  if (series.meets) return `${facts} · meets the targets`;
  const why: string[] = [];
  if (d.of && d.agree / d.of < result.targets.direction) why.push(`only ${Math.round((100 * d.agree) / d.of)}% of directions agree`);
  if ((series.levels.meanError ?? 0) > result.targets.level_error) why.push(`levels are ${fixed(series.levels.meanError)} points off on average`);
  return `${facts} · MISSES the targets: ${why.join(', ')}`;
}

function fixed(v: number | null, digits = 1): string {
  return v === null ? 'n/a' : v.toFixed(digits);
}

function signed(v: number): string {
  return `${v >= 0 ? '+' : ''}${v.toFixed(1)}`;
}
