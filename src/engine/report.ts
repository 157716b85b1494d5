/**
 * The turn report: every change with its cause and source, so the turn screen and the
 * debrief can say *why* a meter moved and which essay's argument was at work.
 */
import type { Side } from './model';
import type { EndingResult, Proposal } from './state';

/** What made a change happen (the words of docs/authoring.md §5; 'instructor' is a meter set by hand in class). */
export type CauseKind = 'decision' | 'joint' | 'declined' | 'event' | 'response' | 'rule' | 'delayed' | 'drift' | 'instructor';

export interface Cause {
  readonly kind: CauseKind;
  /** The decision, event, rule or meter (for drift) behind the change. */
  readonly id: string;
  /** The side that chose it (decisions, responses, the proposer of a declined joint decision). */
  readonly side?: Side;
  /** The scenario's source id: which essay's argument this models. */
  readonly source?: string;
  /** For a delayed effect: the kind of thing that scheduled it. */
  readonly origin?: CauseKind;
  /** For a response: the choice made. */
  readonly choice?: string;
  /** An event the instructor fired by hand (its effects still carry the event's own source). */
  readonly byInstructor?: true;
  /** For an instructor's adjustment (kind 'instructor', id the meter): the reason they gave. */
  readonly reason?: string;
}

export interface Change {
  readonly target: 'meter' | 'counter' | 'flag';
  readonly id: string;
  readonly before: number | boolean;
  readonly after: number | boolean;
  readonly cause: Cause;
}

export interface FiredEvent {
  readonly event: string;
  /** For an event that asked for a response: who answered and with what. */
  readonly response?: { readonly side: Side; readonly choice: string };
}

export interface TurnReport {
  readonly turn: number;
  readonly fired: readonly FiredEvent[];
  /** What each side chose this turn, in the order given. */
  readonly decisions: Readonly<Record<Side, readonly string[]>>;
  /** Joint decisions that took effect this turn. */
  readonly joint: readonly string[];
  /** Joint decisions chosen by one side alone this turn: now public proposals. */
  readonly proposed: readonly Proposal[];
  /** Last turn's proposals the other side let lapse. */
  readonly declined: readonly Proposal[];
  /** Every change, in the order it was applied (the start-of-turn event effects first). */
  readonly changes: readonly Change[];
  readonly ending: EndingResult | null;
}
