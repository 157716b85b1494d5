/**
 * The search over one turn's orders: a beam search that grows orders one decision (or
 * one answer to an event) at a time, keeping the best few partial orders at each step
 * and stopping when no addition helps or the level's budget of work is spent. Each new
 * order is screened in a few sampled futures; only the most promising are played in all.
 * Decisions are only ever added in the scenario's order, so each set is met once.
 */
import { choosing, decisionOptions, unavailableReason, type SideOrders } from '../engine';
import { lookup } from '../engine/lookup';
import type { Decision, ResponseChoice, Scenario, Side } from '../engine/model';
import type { GameState } from '../engine/state';
import type { Level } from './levels';
import { lookAhead, type Future } from './lookahead';
import { leaning, type Judge } from './value';

interface Candidate {
  /** Indexes into the open decisions, ascending. */
  readonly picks: readonly number[];
  /** Non-default answers, by event id. */
  readonly responses: Readonly<Record<string, string>>;
  readonly cost: number;
  readonly key: string;
  /** Futures played so far, and the sum of their values. */
  played: number;
  sum: number;
  /** Leaning and noise: added once, whatever the number of futures. */
  bias: number;
  value: number;
}

/** An event asking this side for an answer, and the answers other than its default. */
interface Question {
  readonly event: string;
  readonly choices: readonly ResponseChoice[];
}

export interface Search {
  readonly scenario: Scenario;
  readonly state: GameState;
  readonly believed: GameState;
  readonly side: Side;
  readonly level: Level;
  readonly judge: Judge;
  readonly futures: readonly Future[];
  /** The computer's own generator: noise and slips. */
  readonly random: () => number;
}

export function bestOrders(s: Search): SideOrders {
  const { scenario, state, side, level } = s;
  const capital = state.capital[side];
  // What the side's cards show as open now: the same knowledge a human player has.
  const open: Decision[] = [];
  for (const o of decisionOptions(scenario, state, side)) if (!o.unavailable) open.push(o.decision);
  // A decision open in the real game may not be in the believed one (its `when` reads a meter the side
  // sees only through a poll): the look-ahead plays it only where the believed world allows it.
  const view = choosing(scenario, s.believed, side);
  const playable = open.map((d) => unavailableReason(s.believed, d, view) === undefined);
  const questions: Question[] = [];
  for (const pending of state.responses) {
    if (pending.side !== side) continue;
    const response = lookup(scenario).events.get(pending.event)!.response!;
    questions.push({ event: pending.event, choices: response.choices.filter((c) => c.id !== response.default) });
  }

  const ordersOf = (c: Candidate, forLookAhead: boolean): SideOrders => {
    const decisions: string[] = [];
    for (const i of c.picks) if (!forLookAhead || playable[i]) decisions.push(open[i]!.id);
    return { decisions, responses: c.responses };
  };
  let work = 0;
  /** Plays `c` in the futures up to `upTo` it has not met yet. */
  const evaluate = (c: Candidate, upTo: number): void => {
    if (c.played >= upTo) return;
    c.sum += lookAhead(s.judge, s.futures, c.played, upTo, ordersOf(c, true), level.depth);
    work += (upTo - c.played) * level.depth;
    c.played = upTo;
    c.value = c.sum / c.played + c.bias;
  };
  const make = (picks: readonly number[], responses: Readonly<Record<string, string>>, cost: number): Candidate => ({
    picks,
    responses,
    cost,
    key: `${picks.join(',')}|${Object.entries(responses)
      .map(([e, c]) => `${e}=${c}`)
      .sort()
      .join(',')}`,
    played: 0,
    sum: 0,
    bias:
      leaning(
        s.judge,
        picks.map((i) => open[i]!.category),
      ) + (level.noise > 0 ? level.noise * (2 * s.random() - 1) : 0),
    value: 0,
  });
  const grow = (c: Candidate): Candidate[] => {
    const next: Candidate[] = [];
    const from = c.picks.length ? c.picks[c.picks.length - 1]! + 1 : 0;
    for (let i = from; i < open.length; i++) {
      if (c.cost + open[i]!.cost <= capital) next.push(make([...c.picks, i], c.responses, c.cost + open[i]!.cost));
    }
    for (const q of questions) {
      if (q.event in c.responses) continue;
      for (const choice of q.choices) {
        if (c.cost + choice.cost <= capital) next.push(make(c.picks, { ...c.responses, [q.event]: choice.id }, c.cost + choice.cost));
      }
    }
    return next;
  };

  const byValue = (a: Candidate, b: Candidate): number => b.value - a.value;
  const root = make([], {}, 0);
  evaluate(root, level.samples);
  const all: Candidate[] = [root];
  const seen = new Set([root.key]);
  let best = root;
  let beam = [root];
  while (work < level.work) {
    // Screen every new order in a few futures, then play the most promising in all of them.
    const children: Candidate[] = [];
    for (const c of beam) {
      for (const child of grow(c)) {
        if (seen.has(child.key) || work >= level.work) continue;
        seen.add(child.key);
        evaluate(child, level.screen);
        children.push(child);
      }
    }
    if (children.length === 0) break;
    children.sort(byValue);
    const promising = children.slice(0, 2 * level.beam);
    for (const c of promising) evaluate(c, level.samples);
    promising.sort(byValue);
    for (const c of promising) all.push(c);
    beam = promising.slice(0, level.beam);
    if (beam[0]!.value <= best.value) break;
    best = beam[0]!;
  }
  if (level.slip > 0 && s.random() < level.slip) {
    all.sort((a, b) => b.value - a.value);
    best = all[Math.floor(s.random() * Math.min(3, all.length))]!;
  }
  return ordersOf(best, false);
}
