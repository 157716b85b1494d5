/**
 * The search for a dominant strategy: a fixed plan, blind to what happens in the game,
 * that still wins most games whatever the other side does. A scenario where one exists
 * teaches one thing only, so `simulate --strategies` looks for one and flags it.
 *
 * A plan lists, for each turn, decisions in order of preference; on that turn the side
 * takes each that is open and still affordable, and gives the default answer to any event.
 * The search starts from the empty plan and from "always take X when open" for each
 * decision X, then climbs: it changes one turn (or every turn) of the best plan so far by
 * adding or removing one decision, and keeps the change when it wins at least as often
 * against the weaker of its two opponents (random play and the computer).
 */
import seedrandom from 'seedrandom';
import { choosing, newGame, resolveTurn, unavailableReason, type SideOrders } from '../engine';
import { lookup } from '../engine/lookup';
import type { Scenario, Side } from '../engine/model';
import type { GameState } from '../engine/state';

/** Chooses one side's orders; `random` is the player's own seeded stream. */
export type Opponent = (scenario: Scenario, state: GameState, side: Side, random: () => number) => SideOrders;

/** For each turn (index 0 is turn 1), decision ids in order of preference. */
export type Plan = readonly (readonly string[])[];

export interface StrategyBudget {
  /** Changes tried after the starting plans. */
  readonly iterations: number;
  /** Games per candidate plan against each opponent. */
  readonly gamesPerCandidate: Readonly<Record<string, number>>;
  /** Games for the final measure of the best plan against each opponent. */
  readonly finalGames: Readonly<Record<string, number>>;
}

export interface StrategyResult {
  readonly plan: Plan;
  /** Win share of the best plan against each opponent, over `games` games. */
  readonly winShare: Readonly<Record<string, number>>;
  readonly games: Readonly<Record<string, number>>;
  /** True when the plan wins more than half its games against every opponent. */
  readonly dominant: boolean;
  /** Plans tried. */
  readonly tried: number;
}

export function planOrders(scenario: Scenario, plan: Plan, state: GameState, side: Side): SideOrders {
  const wanted = plan[state.turn - 1];
  if (!wanted || wanted.length === 0 || state.ending) return { decisions: [] };
  const { decisions: byId } = lookup(scenario);
  const view = choosing(scenario, state, side);
  let budget = state.capital[side];
  const decisions: string[] = [];
  for (const id of wanted) {
    const d = byId.get(id)!;
    if (d.cost <= budget && unavailableReason(state, d, view) === undefined) {
      decisions.push(id);
      budget -= d.cost;
    }
  }
  return { decisions };
}

function winShare(scenario: Scenario, plan: Plan, side: Side, opponent: Opponent, games: number, seed: string): number {
  const other: Side = side === 'tokyo' ? 'seoul' : 'tokyo';
  let wins = 0;
  for (let g = 0; g < games; g++) {
    let state = newGame(scenario, `${seed}/${g}`);
    const random = seedrandom.alea(`${seed}/${g}/players`);
    while (!state.ending) {
      const mine = planOrders(scenario, plan, state, side);
      const theirs = opponent(scenario, state, other, random);
      state = resolveTurn(scenario, state, side === 'tokyo' ? { tokyo: mine, seoul: theirs } : { tokyo: theirs, seoul: mine }).state;
    }
    if (state.ending.outcome[side] === 'win') wins++;
  }
  return games === 0 ? 0 : wins / games;
}

export function searchStrategy(scenario: Scenario, side: Side, opponents: Readonly<Record<string, Opponent>>, budget: StrategyBudget, seed: string): StrategyResult {
  const ids = lookup(scenario).choosable[side].map((d) => d.id);
  const names = Object.keys(opponents);
  const random = seedrandom.alea(`${seed}/strategies/${side}`);
  type Fitness = { worst: number; mean: number };
  // Every candidate meets the same games, so a better share means a better plan, not better luck.
  const fitness = (plan: Plan): Fitness => {
    const shares = names.map((n) => winShare(scenario, plan, side, opponents[n]!, budget.gamesPerCandidate[n] ?? 0, `${seed}/search/${n}`));
    return { worst: Math.min(...shares), mean: shares.reduce((a, b) => a + b, 0) / shares.length };
  };
  const strictlyBetter = (a: Fitness, b: Fitness): boolean => a.worst > b.worst || (a.worst === b.worst && a.mean > b.mean);
  // Climbing also accepts an equal plan, so the search can drift across a plateau.
  const noWorse = (a: Fitness, b: Fitness): boolean => a.worst > b.worst || (a.worst === b.worst && a.mean >= b.mean);
  const turns = scenario.turns;
  const starts: Plan[] = [Array.from({ length: turns }, () => [])];
  for (const id of ids) starts.push(Array.from({ length: turns }, () => [id]));
  let best = starts[0]!;
  let bestFit = fitness(best);
  let tried = 1;
  for (const plan of starts.slice(1)) {
    const fit = fitness(plan);
    tried++;
    if (strictlyBetter(fit, bestFit)) {
      best = plan;
      bestFit = fit;
    }
  }
  for (let i = 0; i < budget.iterations && ids.length > 0; i++) {
    const plan = mutate(best, ids, random);
    const fit = fitness(plan);
    tried++;
    if (noWorse(fit, bestFit)) {
      best = plan;
      bestFit = fit;
    }
  }
  const winShares: Record<string, number> = {};
  for (const n of names) winShares[n] = Number(winShare(scenario, best, side, opponents[n]!, budget.finalGames[n] ?? 0, `${seed}/final/${n}`).toFixed(4));
  return { plan: best, winShare: winShares, games: { ...budget.finalGames }, dominant: names.every((n) => winShares[n]! > 0.5), tried };
}

/** One small change: a decision added to or removed from one turn's list, or from every turn's. */
function mutate(plan: Plan, ids: readonly string[], random: () => number): Plan {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const everyTurn = random() < 0.25;
  const turn = Math.floor(random() * plan.length);
  const id = pick(ids);
  const change = (list: readonly string[]): string[] => (list.includes(id) ? list.filter((x) => x !== id) : [...list, id]);
  return plan.map((list, t) => (everyTurn || t === turn ? change(list) : list));
}
