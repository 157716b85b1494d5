/**
 * The model the engine plays: a compiled, immutable scenario. The scenario ring
 * (src/scenario) turns a YAML file into this; the engine never sees YAML.
 * Expressions arrive here already compiled to closures over an EvalContext.
 */

export const SIDES = ['tokyo', 'seoul'] as const;
export type Side = (typeof SIDES)[number];

export const LANGUAGES = ['en', 'ja', 'ko'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Player-facing text: plain English, or a map of languages with English required. */
export type Text = string | { readonly en: string; readonly ja?: string; readonly ko?: string };

/**
 * What an expression can read: the world as it stands at that moment of the turn. The values
 * are by place, each at its index in the scenario's list (Scenario.meters, .counters, .flags):
 * an array's element is far quicker to read than a record's property found by name, and
 * expressions read millions a second in the simulator.
 */
export interface EvalContext {
  readonly meterValues: readonly number[];
  readonly counterValues: readonly number[];
  readonly flagValues: readonly boolean[];
  readonly turn: number;
  readonly turns: number;
  /**
   * How many times a decision was taken (by either side) in the last `lastTurns` turns, this one
   * included; `joint` is whether it is a joint decision (taken once when it takes effect), known
   * when the expression is compiled.
   */
  taken(decisionId: string, lastTurns: number, joint: boolean): number;
  /** How many times an event fired in the last `lastTurns` turns, this one included. */
  fired(eventId: string, lastTurns: number): number;
}

export type NumberExpr = (ctx: EvalContext) => number;
export type BooleanExpr = (ctx: EvalContext) => boolean;

export type Visibility = 'exact' | 'poll' | 'hidden';
export type DecisionCategory = 'summit' | 'history' | 'north_korea' | 'china' | 'economy' | 'public' | 'security' | 'other';
export type Outcome = 'win' | 'draw' | 'loss';

export interface Source {
  readonly id: string;
  readonly author: string;
  readonly title: string;
  readonly year: number;
  readonly publisher?: string;
}

export interface Meter {
  readonly id: string;
  readonly label: Text;
  readonly description?: Text;
  /** Shown after the value, e.g. "%". */
  readonly unit?: string;
  readonly min: number;
  readonly max: number;
  readonly start: number;
  /** The value the meter drifts back toward: the relationship's inertia. */
  readonly baseline: number;
  /** Share of the gap to the baseline closed each turn, 0..1. */
  readonly drift: number;
  readonly visibility: Readonly<Record<Side, Visibility>>;
  /** Half-width of the poll's error band for a side that sees this meter through a poll. */
  readonly pollError?: NumberExpr;
}

export interface Counter {
  readonly id: string;
  readonly label?: Text;
  readonly start: number;
  readonly min: number;
  readonly max: number;
}

export interface Flag {
  readonly id: string;
  readonly label?: Text;
  readonly start: boolean;
}

/** What an effect changes; `slot` is its place in the scenario's list of meters, counters or flags (see EvalContext). */
export type EffectTarget =
  | { readonly kind: 'meter'; readonly id: string; readonly slot: number }
  | { readonly kind: 'counter'; readonly id: string; readonly slot: number }
  | { readonly kind: 'flag'; readonly id: string; readonly slot: number };

/**
 * One effect. A change (target + op + value) and/or nested effects under a
 * condition and a seeded chance; `otherwise` runs when the condition or the
 * chance fails. A delay postpones the whole effect by N turns.
 */
export interface Effect {
  /** Stable address of this effect in the scenario (e.g. "decisions.summit.effects.0"), so a delayed effect can be saved as data. */
  readonly key: string;
  readonly target?: EffectTarget;
  readonly op?: 'add' | 'set' | 'multiply';
  /** Numbers for meters and counters, booleans for flags. */
  readonly value?: NumberExpr | BooleanExpr;
  readonly condition?: BooleanExpr;
  /** Probability 0..1 that the effect happens; drawn from the game's seeded generator. */
  readonly chance?: number;
  readonly delay: number;
  /** Schedules an event to fire at the start of the next turn. */
  readonly fire?: string;
  readonly then: readonly Effect[];
  readonly otherwise: readonly Effect[];
}

export type Perceived = Partial<Readonly<Record<Side, Text>>>;

export interface Decision {
  readonly id: string;
  /** Who may choose it: one side, or both (each independently, or together when joint). */
  readonly side: Side | 'both';
  /** Takes effect only when both sides choose it: the same turn, or a proposal accepted the next turn. */
  readonly joint: boolean;
  readonly category: DecisionCategory;
  readonly title: Text;
  readonly description?: Text;
  readonly cost: number;
  readonly when?: BooleanExpr;
  readonly once: boolean;
  /** Turns that must pass after it was taken before the same side may take it again. */
  readonly cooldown: number;
  readonly effects: readonly Effect[];
  /** For a joint decision: what happens when a proposal is left unanswered. */
  readonly declined: readonly Effect[];
  readonly perceived: Perceived;
  readonly source?: string;
  readonly explain?: Text;
}

export interface ResponseChoice {
  readonly id: string;
  readonly title: Text;
  readonly description?: Text;
  readonly cost: number;
  readonly effects: readonly Effect[];
  readonly perceived: Perceived;
  readonly explain?: Text;
}

export interface EventResponse {
  readonly side: Side;
  readonly prompt: Text;
  readonly choices: readonly ResponseChoice[];
  /** Choice id applied when the side gives none; it costs nothing. */
  readonly default: string;
}

export interface GameEvent {
  readonly id: string;
  readonly title: Text;
  readonly description?: Text;
  /** Fires only on these turns (any turn when absent). */
  readonly turns?: readonly number[];
  readonly from: number;
  readonly to: number;
  readonly when?: BooleanExpr;
  readonly chance: number;
  readonly repeat: boolean;
  readonly cooldown: number;
  readonly effects: readonly Effect[];
  readonly response?: EventResponse;
  readonly perceived: Perceived;
  readonly source?: string;
  readonly explain?: Text;
}

export interface Rule {
  readonly id: string;
  readonly title?: Text;
  readonly when?: BooleanExpr;
  readonly effects: readonly Effect[];
  readonly source?: string;
  readonly explain?: Text;
}

export interface Ending {
  readonly id: string;
  /** Immediate endings are checked after every turn; final ones after the last. */
  readonly kind: 'immediate' | 'final';
  readonly when?: BooleanExpr;
  readonly title: Text;
  readonly text: Text;
  readonly outcome: Readonly<Record<Side, Outcome>>;
  readonly source?: string;
  readonly explain?: Text;
}

export interface SideSetup {
  readonly name: Text;
  readonly goals: Text;
  /** Political capital available each turn. */
  readonly capital: NumberExpr;
  /** The side's score at the end of the game. */
  readonly score: NumberExpr;
}

/** A note shown at the start of a turn: how a tutorial teaches, or a scenario's hint. */
export interface GuideStep {
  readonly turn: number;
  /** Shown only to this side; to both when absent. */
  readonly side?: Side;
  readonly title?: Text;
  readonly text: Text;
}

/** How the computer plays a side, beyond the side's score: its personality. */
export interface AiPersonality {
  /** Value of one point of each meter (negative: it wants the meter low). */
  readonly meters: Readonly<Record<string, number>>;
  /** A bonus per decision of a category taken: leaning toward (or away from) a kind of policy. */
  readonly leanings: Readonly<Partial<Record<DecisionCategory, number>>>;
}

/**
 * A question for reflection or class discussion. Teams see `text` and, for a multiple-choice
 * question, the choices' texts; `guide` (what a good answer names) and `key` (the right choice's
 * id) are the instructor's.
 */
export interface Question {
  readonly text: Text;
  readonly guide?: Text;
  readonly choices?: readonly { readonly id: string; readonly text: Text }[];
  readonly key?: string;
}

/**
 * Which months the turns stand for. Exactly one of monthsPerTurn (every turn the same length) and
 * months (one length a turn, for turns of uneven length); src/engine/calendar.ts does the arithmetic.
 */
export interface Calendar {
  /** The month turn 1 starts in, "YYYY-MM". */
  readonly start: string;
  readonly monthsPerTurn?: number;
  /** Months each turn spans, one entry a turn. */
  readonly months?: readonly number[];
  /** What the turn heading calls each turn instead of its month, one entry a turn. */
  readonly labels?: readonly Text[];
}

export interface Scenario {
  readonly id: string;
  readonly title: Text;
  readonly summary?: Text;
  /** The situation as the briefing tells it. */
  readonly briefing?: Text;
  /** Questions for reflection, shown in the debrief. */
  readonly questions: readonly Question[];
  readonly guide: readonly GuideStep[];
  readonly ai: Readonly<Record<Side, AiPersonality>>;
  readonly period?: string;
  readonly difficulty?: 'easy' | 'medium' | 'hard';
  readonly turns: number;
  readonly calendar?: Calendar;
  readonly sources: readonly Source[];
  readonly sides: Readonly<Record<Side, SideSetup>>;
  readonly meters: readonly Meter[];
  readonly counters: readonly Counter[];
  readonly flags: readonly Flag[];
  readonly decisions: readonly Decision[];
  readonly events: readonly GameEvent[];
  /** In evaluation order. */
  readonly rules: readonly Rule[];
  readonly endings: readonly Ending[];
}
