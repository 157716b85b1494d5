/** `scenario simulate FILE --games N --seed S [--tokyo P --seoul P] [--strategies] [--json]`: many games, and what they say about balance. */
import seedrandom from 'seedrandom';
import { computerOrders, type Difficulty } from '../ai';
import { searchStrategy, type Plan, type StrategyBudget } from '../ai/strategies';
import { newGame, randomOrders, resolveTrustedTurn, type GameState, type SideOrders, type TurnReport } from '../engine';
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
  /** Games that reached each ending. */
  endings: Record<string, number>;
  /** What each ending is for each side (the scenario's `outcome:`). */
  endingOutcomes: Record<string, Record<Side, Outcome>>;
  /** For each side, its wins by the ending that gave them (only the endings it wins). */
  winsByEnding: Record<Side, Record<string, number>>;
  outcomes: Record<Side, Record<Outcome, number>>;
  meters: Record<string, { min: number; max: number; meanFinal: number }>;
  /** Times each decision was chosen by a side, all games (for a joint one: its proposals and acceptances; `joint` says them apart). */
  decisions: Record<string, number>;
  /** For each joint decision: proposals made by each side, agreements (it took effect) and proposals left to lapse. */
  joint: Record<string, JointCounts>;
  events: Record<string, number>;
  neverChosen: string[];
  neverFired: string[];
  neverReached: string[];
  /** For each side, each decision it can take: its win share in games where it took the decision at least once, and in games where it did not. */
  winsWith: Record<Side, Record<string, DecisionWins>>;
  /** With --strategies: the best fixed plan found for each side. */
  strategies?: Record<Side, StrategyReport>;
  /** The numbers above read as a judgement (see verdict()). */
  verdict: Verdict;
}

export interface JointCounts {
  /** Times a side chose it alone, putting it to the other side for the next turn. */
  proposed: Record<Side, number>;
  /** Times it took effect: both chose it the same turn, or one accepted the other's proposal. */
  agreed: number;
  /** Proposals the other side let lapse (each applies the decision's `declined:` effects). */
  lapsed: number;
}

export interface DecisionWins {
  /** Games in which the side took the decision at least once. */
  games: number;
  winShareWith: number;
  winShareWithout: number;
}

/** Plays one game to its ending and returns the final state; `observe` sees every state after a turn, with the turn's report. */
export function playGame(scenario: Scenario, seed: string, players: Record<Side, Player>, observe?: (state: GameState, report: TurnReport) => void): GameState {
  let state = newGame(scenario, seed);
  const random = seedrandom.alea(`${seed}/players`);
  while (!state.ending) {
    const orders = { tokyo: players.tokyo(scenario, state, 'tokyo', random), seoul: players.seoul(scenario, state, 'seoul', random) };
    const resolved = resolveTrustedTurn(scenario, state, orders);
    state = resolved.state;
    observe?.(state, resolved.report);
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
  const endingOutcomes = Object.fromEntries(scenario.endings.map((e) => [e.id, { ...e.outcome }]));
  const winsByEnding = { tokyo: winEndings(scenario, 'tokyo'), seoul: winEndings(scenario, 'seoul') };
  const joint: Record<string, JointCounts> = Object.fromEntries(scenario.decisions.filter((d) => d.joint).map((d) => [d.id, { proposed: { tokyo: 0, seoul: 0 }, agreed: 0, lapsed: 0 }]));
  let totalTurns = 0;
  const observe = (state: GameState, report: TurnReport): void => {
    for (const m of scenario.meters) {
      const v = state.meters[m.id]!;
      const range = meters[m.id]!;
      if (v < range.min) range.min = v;
      if (v > range.max) range.max = v;
    }
    for (const p of report.proposed) joint[p.decision]!.proposed[p.by]++;
    for (const id of report.joint) joint[id]!.agreed++;
    for (const p of report.declined) joint[p.decision]!.lapsed++;
  };
  for (let g = 0; g < games; g++) {
    const final = playGame(scenario, `${seed}/${g}`, players, observe);
    const ending = final.ending!;
    endings[ending.id] = (endings[ending.id] ?? 0) + 1;
    for (const side of SIDES) {
      outcomes[side][ending.outcome[side]]++;
      if (ending.outcome[side] === 'win') winsByEnding[side][ending.id] = (winsByEnding[side][ending.id] ?? 0) + 1;
    }
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
  const report: Omit<SimulationReport, 'verdict'> = {
    scenario: scenario.id,
    seed,
    games,
    players: playerNames,
    meanTurns: games ? totalTurns / games : 0,
    endings,
    endingOutcomes,
    winsByEnding,
    outcomes,
    meters,
    decisions,
    joint,
    events,
    neverChosen: zero(decisions),
    neverFired: zero(events),
    neverReached: zero(endings),
    winsWith: {
      tokyo: winShares(took.tokyo, games),
      seoul: winShares(took.seoul, games),
    },
  };
  return { ...report, verdict: verdict(report) };
}

function winEndings(scenario: Scenario, side: Side): Record<string, number> {
  return Object.fromEntries(scenario.endings.filter((e) => e.outcome[side] === 'win').map((e) => [e.id, 0]));
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
  if (options.has('strategies')) {
    report.strategies = strategies(scenario, seed);
    report.verdict = verdict(report);
  }
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
  io.out('endings (games, share, what it is for each side):');
  const width = Math.max(...Object.keys(r.endings).map((id) => id.length));
  for (const [id, n] of Object.entries(r.endings)) io.out(`  ${String(n).padStart(8)} ${pct(n, r.games)}  ${id.padEnd(width)}  ${outcomeWords(r.endingOutcomes[id]!)}`);
  for (const side of SIDES) {
    const o = r.outcomes[side];
    const wins = Object.entries(r.winsByEnding[side])
      .filter(([, n]) => n > 0)
      .map(([id, n]) => `${id} ${n}`);
    io.out(`${side}: win ${pct(o.win, r.games)}  draw ${pct(o.draw, r.games)}  loss ${pct(o.loss, r.games)}  wins by ending: ${wins.join(', ') || 'none'}`);
  }
  io.out('meters (lowest seen / mean at the end / highest seen):');
  for (const [id, m] of Object.entries(r.meters)) io.out(`  ${id.padEnd(24)} ${m.min.toFixed(1).padStart(7)} ${m.meanFinal.toFixed(1).padStart(7)} ${m.max.toFixed(1).padStart(7)}`);
  io.out('decisions chosen (times, all games; a joint decision: proposals by each side, agreements that took effect, proposals left to lapse):');
  for (const [id, n] of Object.entries(r.decisions)) {
    const j = r.joint[id];
    if (j) io.out(`  ${id}: proposed by tokyo ${j.proposed.tokyo}, by seoul ${j.proposed.seoul}; agreed ${j.agreed}; lapsed ${j.lapsed}`);
    else io.out(`  ${String(n).padStart(8)}  ${id}`);
  }
  io.out('events fired (times, all games):');
  for (const [id, n] of Object.entries(r.events)) io.out(`  ${String(n).padStart(8)}  ${id}`);
  io.out(`win share when a side takes a decision at least once / when it does not (a lift of ${points(VERDICT.dominantLift)} or more is DOMINANT):`);
  const dominant = new Set(r.verdict.dominant.map((d) => `${d.side}/${d.decision}`));
  for (const side of SIDES) {
    const rows = Object.entries(r.winsWith[side]).sort(([, a], [, b]) => b.winShareWith - b.winShareWithout - (a.winShareWith - a.winShareWithout));
    for (const [id, w] of rows) {
      const flag = dominant.has(`${side}/${id}`) ? '  DOMINANT' : '';
      io.out(`  ${side.padEnd(6)} ${id.padEnd(24)} ${pct(w.winShareWith * r.games, r.games)} / ${pct(w.winShareWithout * r.games, r.games)}  (taken in ${w.games} games)${flag}`);
    }
  }
  io.out(`decisions never chosen: ${r.neverChosen.join(', ') || 'none'}`);
  io.out(`events never fired: ${r.neverFired.join(', ') || 'none'}`);
  io.out(`endings never reached: ${r.neverReached.join(', ') || 'none'}`);
  if (r.strategies) printStrategies(io, r.strategies);
  io.out('');
  io.out(`verdict: ${r.verdict.text.join(' ')}`);
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

// ── the verdict: the numbers above, read in words ──────────────────────────────────────────

/**
 * The thresholds the verdict reads the numbers by (docs/authoring.md §9 names them). Shares are
 * 0..1; a gap or a lift is a difference of shares, so 0.1 is 10 points.
 */
export const VERDICT = {
  /** Win shares this close or closer: the sides win about as often. */
  evenGap: 0.1,
  /** Win shares this far apart or further: one side wins far more often. Between the two: the game leans. */
  lopsidedGap: 0.25,
  /** Both sides winning less often than this: the game is rarely won at all, and the gap says little. */
  rareWin: 0.1,
  /** Taking a decision at least once lifts its side's win share by this much or more: dominant. */
  dominantLift: 0.2,
  /** Games needed each way (taken, not taken) before a lift counts: fewer is noise. */
  dominantMinGames: 30,
  /** One ending reached in more than this share of games swallows the game. */
  swallowingEnding: 0.85,
  /** Fewer games than this: the shares can be several points off. */
  fewGames: 200,
} as const;

export type Balance = 'balanced' | 'leans' | 'lopsided' | 'rarely-won';

export interface DominantDecision {
  side: Side;
  decision: string;
  /** winShareWith − winShareWithout. */
  lift: number;
  winShareWith: number;
  winShareWithout: number;
}

export interface Verdict {
  balance: Balance;
  /** The side that wins more often, when the game leans or is lopsided. */
  favoured?: Side;
  /** Tokyo's win share minus Seoul's. */
  gap: number;
  /** Decisions whose taking lifts their side's win share by VERDICT.dominantLift or more, largest lift first. */
  dominant: DominantDecision[];
  /** The verdict paragraph, one sentence an item: what the numbers say and what to look at. */
  text: string[];
}

const SIDE_NAME: Record<Side, string> = { tokyo: 'Tokyo', seoul: 'Seoul' };

function share(n: number): string {
  return `${(100 * n).toFixed(1)}%`;
}

function points(d: number): string {
  return `${Math.round(100 * Math.abs(d))} points`;
}

/** Reads a report's numbers against VERDICT: who wins how often, dominant decisions and plans, an ending that swallows the game. */
export function verdict(r: Omit<SimulationReport, 'verdict'>): Verdict {
  const win = { tokyo: r.games ? r.outcomes.tokyo.win / r.games : 0, seoul: r.games ? r.outcomes.seoul.win / r.games : 0 };
  const gap = Number((win.tokyo - win.seoul).toFixed(4));
  const favoured: Side = gap >= 0 ? 'tokyo' : 'seoul';
  const other: Side = favoured === 'tokyo' ? 'seoul' : 'tokyo';
  const balance: Balance =
    win.tokyo < VERDICT.rareWin && win.seoul < VERDICT.rareWin ? 'rarely-won' : Math.abs(gap) <= VERDICT.evenGap ? 'balanced' : Math.abs(gap) < VERDICT.lopsidedGap ? 'leans' : 'lopsided';
  const dominant = dominantDecisions(r);
  const text: string[] = [];

  if (r.games < VERDICT.fewGames) text.push(`Only ${r.games} games: the shares above can be several points off; run --games ${VERDICT.fewGames * 5} or more before judging.`);
  const topEnding = Object.entries(r.endings).sort(([, a], [, b]) => b - a)[0];
  const plans = r.strategies ? SIDES.filter((s) => r.strategies![s].dominant) : [];
  const nothingDominant = dominant.length === 0 && plans.length === 0;
  if (balance === 'rarely-won') {
    text.push(
      `Rarely won: Tokyo wins ${share(win.tokyo)}, Seoul ${share(win.seoul)}` +
        (topEnding ? `; the most common ending is ${topEnding[0]} (${share(topEnding[1] / r.games)}, ${outcomeWords(r.endingOutcomes[topEnding[0]]!)})` : '') +
        '.' +
        (r.players.tokyo === 'random' && r.players.seoul === 'random'
          ? ' Random play seldom reaches an ending that takes a plan: try --tokyo ai --seoul ai.'
          : " Look at the `when:` of the endings a side wins: the meters they read may not get that far in the game's turns with these decisions' effects."),
    );
  } else if (balance === 'balanced') {
    text.push(
      nothingDominant
        ? `Looks balanced: Tokyo wins ${share(win.tokyo)}, Seoul ${share(win.seoul)}, and no decision is dominant.`
        : `The sides win about as often (Tokyo ${share(win.tokyo)}, Seoul ${share(win.seoul)}), but ${dominant.length + plans.length === 1 ? 'one thing is' : 'some things are'} dominant (below).`,
    );
  } else {
    const wins = Object.entries(r.winsByEnding[favoured])
      .filter(([, n]) => n > 0)
      .sort(([, a], [, b]) => b - a)
      .map(([id, n]) => `${id} ${share(n / r.games)}`);
    text.push(
      `${SIDE_NAME[favoured]} wins ${balance === 'lopsided' ? 'far ' : ''}more often than ${SIDE_NAME[other]} (${share(win[favoured])} vs ${share(win[other])}, ${points(gap)} apart): ` +
        `look at the endings ${SIDE_NAME[favoured]} wins (${wins.join(', ') || 'none'}) — their \`when:\` may be easier to reach than ${SIDE_NAME[other]}'s — ` +
        `and at each side's \`capital\` and the size of its decisions' effects on the meters those endings read.`,
    );
  }
  if (r.players.tokyo !== r.players.seoul) {
    text.push(`The sides had different players (Tokyo ${r.players.tokyo}, Seoul ${r.players.seoul}), so a gap between them says as much about the players as about the scenario.`);
  }
  for (const d of dominant) {
    const whatever = r.players[d.side] === 'random' ? `whatever else ${SIDE_NAME[d.side]} chose (its other choices were random)` : `in these games`;
    text.push(
      `DOMINANT ${d.side} ${d.decision}: ${SIDE_NAME[d.side]} won ${share(d.winShareWith)} of the games in which it took ${d.decision} and ${share(d.winShareWithout)} of those in which it did not — ` +
        `taking it raises the win share by ${points(d.lift)}, ${whatever}. A class will find it and take it every game: raise its \`cost\`, give it a \`cooldown\` or \`once: true\`, ` +
        `open it only \`when:\` something holds, or make its effects smaller.`,
    );
  }
  for (const side of plans) {
    text.push(
      `DOMINANT plan for ${side}: a fixed plan, blind to what happens, wins most games against both random play and the computer (below), so ${SIDE_NAME[side]} can win without reading the game. ` +
        "Give the other side a counter-move to the plan's decisions, a cost at home, or a rule that punishes repeating them.",
    );
  }
  if (topEnding && topEnding[1] / r.games > VERDICT.swallowingEnding) {
    text.push(`One ending swallows the game: ${topEnding[0]} ends ${share(topEnding[1] / r.games)} of games; loosen the \`when:\` of the others or tighten its own.`);
  }
  if (r.neverReached.length) text.push(`${r.neverReached.length === 1 ? 'One ending is' : `${r.neverReached.length} endings are`} never reached (${r.neverReached.join(', ')}).`);
  return { balance, ...(balance === 'leans' || balance === 'lopsided' ? { favoured } : {}), gap, dominant, text };
}

/** Decisions whose taking lifts their side's win share by VERDICT.dominantLift or more, judged on enough games each way. */
function dominantDecisions(r: Omit<SimulationReport, 'verdict'>): DominantDecision[] {
  const found: DominantDecision[] = [];
  for (const side of SIDES) {
    for (const [decision, w] of Object.entries(r.winsWith[side])) {
      const lift = Number((w.winShareWith - w.winShareWithout).toFixed(4));
      if (w.games < VERDICT.dominantMinGames || r.games - w.games < VERDICT.dominantMinGames || lift < VERDICT.dominantLift) continue;
      found.push({ side, decision, lift, winShareWith: w.winShareWith, winShareWithout: w.winShareWithout });
    }
  }
  return found.sort((a, b) => b.lift - a.lift);
}

const OUTCOME_VERB: Record<Outcome, string> = { win: 'wins', draw: 'draws', loss: 'loses' };

/** An ending's outcome in words: "both win", "tokyo wins, seoul loses". */
function outcomeWords(outcome: Record<Side, Outcome>): string {
  if (outcome.tokyo === outcome.seoul) return outcome.tokyo === 'draw' ? 'a draw for both' : `both ${outcome.tokyo === 'win' ? 'win' : 'lose'}`;
  return `tokyo ${OUTCOME_VERB[outcome.tokyo]}, seoul ${OUTCOME_VERB[outcome.seoul]}`;
}
