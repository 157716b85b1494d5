/** `scenario simulate FILE --games N --seed S [--tokyo P --seoul P] [--strategies] [--json]`: many games, and what they say about balance. */
import seedrandom from 'seedrandom';
import { computerOrders, type Difficulty } from '../ai';
import { searchStrategy, type Plan, type StrategyBudget } from '../ai/strategies';
import { newGame, randomOrders, resolveTrustedTurn, type GameState, type SideOrders } from '../engine';
import { SIDES, type Outcome, type Scenario, type Side } from '../engine/model';
import { EXIT, parseArgs, UsageError, type CliIO } from './io';
import { loadForCommand } from './scenarioFile';

/**
 * Chooses one side's orders for a turn. Players get their own seeded stream so they never disturb
 * the game's. A player builds legal orders from the engine's own options (the random player, the
 * computer); their tests check that, so the simulator resolves their orders without checking them again.
 */
export type Player = (scenario: Scenario, state: GameState, side: Side, random: () => number) => SideOrders;

/** The computer at one difficulty; it draws from its own stream, derived from the game's seed, not from `random`. */
function computer(difficulty: Difficulty): Player {
  return (scenario, state, side) => computerOrders(scenario, state, side, difficulty);
}

export const PLAYERS: Record<string, Player> = { random: randomOrders, ai: computer('normal'), 'ai-easy': computer('easy'), 'ai-hard': computer('hard') };

/**
 * How hard `--strategies` looks: a bounded search whatever --games says. Games against the
 * computer cost a few milliseconds a turn, games against random play a few microseconds.
 */
export const STRATEGY_BUDGET: StrategyBudget = {
  iterations: 40,
  gamesPerCandidate: { random: 100, ai: 8 },
  finalGames: { random: 1000, ai: 60 },
};

export interface StrategyReport {
  /** For each turn, the decisions the plan takes when open and affordable, in order of preference. */
  plan: Plan;
  /** Win share of the plan against random play and against the computer (normal). */
  winShare: Record<string, number>;
  games: Record<string, number>;
  /** Wins more than half its games against both: the scenario may have a dominant strategy. */
  dominant: boolean;
  tried: number;
}

export interface SimulationReport {
  scenario: string;
  seed: string;
  games: number;
  players: Record<Side, string>;
  meanTurns: number;
  endings: Record<string, number>;
  outcomes: Record<Side, Record<Outcome, number>>;
  meters: Record<string, { min: number; max: number; meanFinal: number }>;
  decisions: Record<string, number>;
  events: Record<string, number>;
  neverChosen: string[];
  neverFired: string[];
  neverReached: string[];
  /** For each side, each decision it can take: its win share in games where it took the decision at least once, and in games where it did not. */
  winsWith: Record<Side, Record<string, DecisionWins>>;
  /** With --strategies: the best fixed plan found for each side. */
  strategies?: Record<Side, StrategyReport>;
}

export interface DecisionWins {
  /** Games in which the side took the decision at least once. */
  games: number;
  winShareWith: number;
  winShareWithout: number;
}

/** Plays one game to its ending and returns the final state; `observe` sees every state after a turn. */
export function playGame(scenario: Scenario, seed: string, players: Record<Side, Player>, observe?: (state: GameState) => void): GameState {
  let state = newGame(scenario, seed);
  const random = seedrandom.alea(`${seed}/players`);
  while (!state.ending) {
    const orders = { tokyo: players.tokyo(scenario, state, 'tokyo', random), seoul: players.seoul(scenario, state, 'seoul', random) };
    state = resolveTrustedTurn(scenario, state, orders).state;
    observe?.(state);
  }
  return state;
}

export function simulate(scenario: Scenario, games: number, seed: string, playerNames: Record<Side, string> = { tokyo: 'random', seoul: 'random' }): SimulationReport {
  const players = { tokyo: PLAYERS[playerNames.tokyo]!, seoul: PLAYERS[playerNames.seoul]! };
  const endings = Object.fromEntries(scenario.endings.map((e) => [e.id, 0]));
  const decisions = Object.fromEntries(scenario.decisions.map((d) => [d.id, 0]));
  const events = Object.fromEntries(scenario.events.map((e) => [e.id, 0]));
  const outcomes = { tokyo: { win: 0, draw: 0, loss: 0 }, seoul: { win: 0, draw: 0, loss: 0 } };
  const meters = Object.fromEntries(scenario.meters.map((m) => [m.id, { min: m.start, max: m.start, meanFinal: 0 }]));
  const took = { tokyo: counts(scenario, 'tokyo'), seoul: counts(scenario, 'seoul') };
  let totalTurns = 0;
  const observe = (state: GameState): void => {
    for (const m of scenario.meters) {
      const v = state.meters[m.id]!;
      const range = meters[m.id]!;
      if (v < range.min) range.min = v;
      if (v > range.max) range.max = v;
    }
  };
  for (let g = 0; g < games; g++) {
    const final = playGame(scenario, `${seed}/${g}`, players, observe);
    const ending = final.ending!;
    endings[ending.id] = (endings[ending.id] ?? 0) + 1;
    for (const side of SIDES) outcomes[side][ending.outcome[side]]++;
    totalTurns += ending.turn;
    for (const m of scenario.meters) meters[m.id]!.meanFinal += final.meters[m.id]! / games;
    for (const h of final.history) {
      for (const side of SIDES) for (const id of h.decisions[side]) decisions[id] = (decisions[id] ?? 0) + 1;
      for (const id of h.fired) events[id] = (events[id] ?? 0) + 1;
    }
    for (const side of SIDES) {
      const won = ending.outcome[side] === 'win' ? 1 : 0;
      const taken = new Set(final.history.flatMap((h) => h.decisions[side]));
      for (const [id, c] of Object.entries(took[side])) {
        if (taken.has(id)) {
          c.games++;
          c.winsWith += won;
        } else c.winsWithout += won;
      }
    }
  }
  const zero = (counts: Record<string, number>): string[] => Object.keys(counts).filter((id) => counts[id] === 0);
  return {
    scenario: scenario.id,
    seed,
    games,
    players: playerNames,
    meanTurns: games ? totalTurns / games : 0,
    endings,
    outcomes,
    meters,
    decisions,
    events,
    neverChosen: zero(decisions),
    neverFired: zero(events),
    neverReached: zero(endings),
    winsWith: {
      tokyo: winShares(took.tokyo, games),
      seoul: winShares(took.seoul, games),
    },
  };
}

function counts(scenario: Scenario, side: Side): Record<string, { games: number; winsWith: number; winsWithout: number }> {
  return Object.fromEntries(scenario.decisions.filter((d) => d.side === side || d.side === 'both').map((d) => [d.id, { games: 0, winsWith: 0, winsWithout: 0 }]));
}

function winShares(counted: ReturnType<typeof counts>, games: number): Record<string, DecisionWins> {
  const share = (wins: number, of: number): number => (of === 0 ? 0 : Number((wins / of).toFixed(4)));
  return Object.fromEntries(Object.entries(counted).map(([id, c]) => [id, { games: c.games, winShareWith: share(c.winsWith, c.games), winShareWithout: share(c.winsWithout, games - c.games) }]));
}

export function simulateCommand(args: readonly string[], io: CliIO): number {
  const { positional, options } = parseArgs(args, ['games', 'seed', 'tokyo', 'seoul'], ['json', 'strategies']);
  if (positional.length !== 1) throw new UsageError('simulate needs exactly one scenario file');
  const games = Number(options.get('games') ?? 1000);
  if (!Number.isInteger(games) || games < 1 || games > 10_000_000) throw new UsageError('--games takes a whole number from 1 to 10,000,000');
  const seed = options.get('seed');
  if (typeof seed !== 'string') throw new UsageError('simulate needs --seed S');
  const playerNames = { tokyo: String(options.get('tokyo') ?? 'random'), seoul: String(options.get('seoul') ?? 'random') };
  for (const side of SIDES) {
    if (!PLAYERS[playerNames[side]]) throw new UsageError(`--${side} takes one of: ${Object.keys(PLAYERS).join(', ')}`);
  }
  const scenario = loadForCommand(io, positional[0]!);
  if (!scenario) return EXIT.invalid;
  const report = simulate(scenario, games, seed, playerNames);
  if (options.has('strategies')) report.strategies = strategies(scenario, seed);
  if (options.has('json')) io.out(JSON.stringify(report, null, 2));
  else printReport(io, report);
  return EXIT.ok;
}

/** The best fixed plan for each side against random play and the computer. */
export function strategies(scenario: Scenario, seed: string, budget: StrategyBudget = STRATEGY_BUDGET): Record<Side, StrategyReport> {
  const opponents = { random: PLAYERS.random!, ai: PLAYERS.ai! };
  const found = (side: Side): StrategyReport => {
    const r = searchStrategy(scenario, side, opponents, budget, seed);
    return { plan: r.plan, winShare: { ...r.winShare }, games: { ...r.games }, dominant: r.dominant, tried: r.tried };
  };
  return { tokyo: found('tokyo'), seoul: found('seoul') };
}

function pct(n: number, of: number): string {
  return `${((100 * n) / of).toFixed(1)}%`.padStart(6);
}

function printReport(io: CliIO, r: SimulationReport): void {
  io.out(`${r.games} games of '${r.scenario}' (seed ${r.seed}; tokyo ${r.players.tokyo}, seoul ${r.players.seoul}); mean length ${r.meanTurns.toFixed(1)} turns`);
  io.out('endings:');
  for (const [id, n] of Object.entries(r.endings)) io.out(`  ${pct(n, r.games)}  ${id}`);
  for (const side of SIDES) {
    const o = r.outcomes[side];
    io.out(`${side}: win ${pct(o.win, r.games)}  draw ${pct(o.draw, r.games)}  loss ${pct(o.loss, r.games)}`);
  }
  io.out('meters (lowest seen / mean at the end / highest seen):');
  for (const [id, m] of Object.entries(r.meters)) io.out(`  ${id.padEnd(24)} ${m.min.toFixed(1).padStart(7)} ${m.meanFinal.toFixed(1).padStart(7)} ${m.max.toFixed(1).padStart(7)}`);
  io.out('decisions chosen (times, all games):');
  for (const [id, n] of Object.entries(r.decisions)) io.out(`  ${String(n).padStart(8)}  ${id}`);
  io.out('events fired (times, all games):');
  for (const [id, n] of Object.entries(r.events)) io.out(`  ${String(n).padStart(8)}  ${id}`);
  io.out('win share when a side takes a decision at least once / when it does not (a strong lift hints at a dominant strategy):');
  for (const side of SIDES) {
    const rows = Object.entries(r.winsWith[side]).sort(([, a], [, b]) => b.winShareWith - b.winShareWithout - (a.winShareWith - a.winShareWithout));
    for (const [id, w] of rows) io.out(`  ${side.padEnd(6)} ${id.padEnd(24)} ${pct(w.winShareWith * r.games, r.games)} / ${pct(w.winShareWithout * r.games, r.games)}  (taken in ${w.games} games)`);
  }
  io.out(`decisions never chosen: ${r.neverChosen.join(', ') || 'none'}`);
  io.out(`events never fired: ${r.neverFired.join(', ') || 'none'}`);
  io.out(`endings never reached: ${r.neverReached.join(', ') || 'none'}`);
  if (r.strategies) printStrategies(io, r.strategies);
}

function printStrategies(io: CliIO, found: Record<Side, StrategyReport>): void {
  io.out('best fixed plan found for each side (decisions taken each turn when open and affordable; win share against each opponent):');
  for (const side of SIDES) {
    const s = found[side];
    const shares = Object.entries(s.winShare)
      .map(([n, w]) => `${n} ${pct(w * s.games[n]!, s.games[n]!).trim()} of ${s.games[n]}`)
      .join(', ');
    io.out(`  ${side}: ${shares} (${s.tried} plans tried)${s.dominant ? '  DOMINANT: wins most games against every opponent' : ''}`);
    s.plan.forEach((list, t) => io.out(`    turn ${String(t + 1).padStart(2)}: ${list.join(', ') || '(nothing)'}`));
  }
}
