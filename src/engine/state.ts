/**
 * The game as data: everything a turn needs, plain JSON (no Map, no class, no
 * undefined values), so a state can be saved, sent, hashed and replayed as it is.
 */
import type { Outcome, Side } from './model';
import type { RandomState } from './random';
import type { Cause, Change } from './report';

/** What a side sees of a meter it follows through a poll: the true value lies within estimate ± margin. */
export interface Poll {
  readonly estimate: number;
  readonly margin: number;
}

/** A joint decision one side chose alone: public, and open to the other side's acceptance on the next turn. */
export interface Proposal {
  readonly decision: string;
  readonly by: Side;
  /** The turn it was made; it can be accepted on turn + 1, after which it lapses. */
  readonly turn: number;
}

/** An event that fired this turn and waits for one side's answer. */
export interface PendingResponse {
  readonly event: string;
  readonly side: Side;
}

/** An effect with `delay:` waiting to land; `effect` is the effect's key in the scenario. */
export interface ScheduledEffect {
  readonly due: number;
  readonly effect: string;
  readonly cause: Cause;
}

/** What happened in one resolved turn, kept for expressions (taken, fired), limits and the debrief. */
export interface TurnRecord {
  readonly turn: number;
  /** Events that fired at the start of the turn, in order. */
  readonly fired: readonly string[];
  /** What each side chose, in the order given (joint proposals and acceptances included). */
  readonly decisions: Readonly<Record<Side, readonly string[]>>;
  /** Joint decisions that took effect. */
  readonly joint: readonly string[];
  /** The choice applied to each event that asked for a response. */
  readonly responses: Readonly<Record<string, string>>;
}

export interface EndingResult {
  readonly id: string;
  /** The turn after which the game ended. */
  readonly turn: number;
  readonly outcome: Readonly<Record<Side, Outcome>>;
  readonly scores: Readonly<Record<Side, number>>;
  /** The instructor ended the game during this turn, before its orders: the ending is the one that held then. */
  readonly byInstructor?: true;
}

/**
 * A game between turns: the current turn has opened (its events have fired, capital
 * and polls are known) and waits for both sides' orders — or the game has ended.
 */
export interface GameState {
  readonly scenario: string;
  readonly seed: string;
  /** The seeded generator's state: the only source of chance, so a saved game resumes the same sequence. */
  readonly rng: RandomState;
  /** The turn waiting for orders (or, once ended, the last turn played). */
  readonly turn: number;
  readonly meters: Readonly<Record<string, number>>;
  readonly counters: Readonly<Record<string, number>>;
  readonly flags: Readonly<Record<string, boolean>>;
  /** Political capital each side may spend this turn. */
  readonly capital: Readonly<Record<Side, number>>;
  /** For each side, the polls it sees this turn (only meters it sees through a poll). */
  readonly polls: Readonly<Record<Side, Readonly<Record<string, Poll>>>>;
  /** Events that fired at the start of this turn, in order. */
  readonly fired: readonly string[];
  /** Changes made at the start of this turn (event effects); they open this turn's report. */
  readonly opening: readonly Change[];
  /** Responses this turn's events ask for, in the order the events fired. */
  readonly responses: readonly PendingResponse[];
  /** Proposals made last turn, open to acceptance this turn. */
  readonly proposals: readonly Proposal[];
  /** Events an effect scheduled to fire at the start of the next turn. */
  readonly fireNext: readonly string[];
  readonly scheduled: readonly ScheduledEffect[];
  readonly history: readonly TurnRecord[];
  readonly ending: EndingResult | null;
}
