/**
 * What a side wants, as one number: the ending's outcome for it above all (win ≫ draw ≫
 * loss), then its `score` expression, then the personality of the scenario's `ai` section
 * (a value per meter point, a bonus per decision of a category).
 */
import { evalContext } from '../engine/context';
import type { AiPersonality, Outcome, Scenario, Side } from '../engine/model';
import type { GameState } from '../engine/state';

const NOTHING_CHOSEN = { tokyo: [], seoul: [] };

/** Outcome weights, in units of the outcome's value: a draw is the zero point. */
const OUTCOME: Readonly<Record<Outcome, number>> = { win: 1, draw: 0, loss: -1 };

/**
 * A game not yet over is judged partly by the final ending that would hold if it ended now,
 * at this share of a real ending's value: it points the search toward a winning ending
 * before the ending is within its look-ahead.
 */
const PROJECTED_SHARE = 0.25;

export interface Judge {
  readonly scenario: Scenario;
  readonly side: Side;
  readonly personality: AiPersonality;
  /** Value of a win (and minus the value of a loss), much larger than any score difference. */
  readonly outcomeValue: number;
}

export function judge(scenario: Scenario, side: Side, state: GameState): Judge {
  const personality = scenario.ai[side];
  const judging: Judge = { scenario, side, personality, outcomeValue: 0 };
  // Scores may be on any scale: an ending outweighs ten times the score as it stands.
  return { ...judging, outcomeValue: 1000 + 10 * Math.abs(scoreNow(judging, state)) };
}

function contextOf(scenario: Scenario, state: GameState) {
  return evalContext(scenario, {
    meters: state.meters,
    counters: state.counters,
    flags: state.flags,
    history: state.history,
    current: { turn: state.turn, fired: state.fired, decisions: NOTHING_CHOSEN, joint: [] },
  });
}

function finite(v: number): number {
  return Number.isFinite(v) ? v : 0;
}

function scoreNow(j: Judge, state: GameState): number {
  return finite(j.scenario.sides[j.side].score(contextOf(j.scenario, state)));
}

function meterTerm(j: Judge, meters: Readonly<Record<string, number>>): number {
  let sum = 0;
  for (const id in j.personality.meters) sum += j.personality.meters[id]! * (meters[id] ?? 0);
  return sum;
}

/** The value of a state reached by looking ahead, for the judge's side. */
export function worth(j: Judge, state: GameState): number {
  if (state.ending) return OUTCOME[state.ending.outcome[j.side]] * j.outcomeValue + state.ending.scores[j.side] + meterTerm(j, state.meters);
  const ctx = contextOf(j.scenario, state);
  let value = finite(j.scenario.sides[j.side].score(ctx)) + meterTerm(j, state.meters);
  for (const e of j.scenario.endings) {
    if (e.kind === 'final' && (e.when === undefined || e.when(ctx))) {
      value += PROJECTED_SHARE * OUTCOME[e.outcome[j.side]] * j.outcomeValue;
      break;
    }
  }
  return value;
}

/** The personality's bonus for taking these decisions: its leanings toward their categories. */
export function leaning(j: Judge, categories: readonly string[]): number {
  let sum = 0;
  for (const c of categories) sum += (j.personality.leanings as Record<string, number | undefined>)[c] ?? 0;
  return sum;
}
