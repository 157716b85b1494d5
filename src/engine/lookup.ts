/** Lookups by id over a compiled scenario, built once per scenario object and cached. */
import type { Counter, Decision, Effect, GameEvent, Meter, Scenario, Side } from './model';
import type { Cause } from './report';
import type { GameState, Poll } from './state';

/** The causes a scenario's things put on the changes they make, made once and shared (they are never changed). */
export interface Causes {
  readonly decision: ReadonlyMap<string, Readonly<Record<Side, Cause>>>;
  readonly joint: ReadonlyMap<string, Cause>;
  readonly declined: ReadonlyMap<string, Readonly<Record<Side, Cause>>>;
  readonly event: ReadonlyMap<string, Cause>;
  /** By event id, then choice id. */
  readonly response: ReadonlyMap<string, ReadonlyMap<string, Cause>>;
  readonly rule: ReadonlyMap<string, Cause>;
  readonly drift: ReadonlyMap<string, Cause>;
}

export interface Lookup {
  readonly meters: ReadonlyMap<string, Meter>;
  readonly counters: ReadonlyMap<string, Counter>;
  readonly decisions: ReadonlyMap<string, Decision>;
  /** Each decision's place in the scenario's list, for tables indexed by decision. */
  readonly decisionIndex: ReadonlyMap<string, number>;
  /** By decision index: whether it is joint. */
  readonly decisionIsJoint: readonly boolean[];
  readonly events: ReadonlyMap<string, GameEvent>;
  /** Each event's place in the scenario's list. */
  readonly eventIndex: ReadonlyMap<string, number>;
  /** Every effect by its key, nested ones included, so a delayed effect can be saved as its key. */
  readonly effects: ReadonlyMap<string, Effect>;
  readonly causes: Causes;
  /** The meters each side sees through a poll, and their places in the scenario's list. */
  readonly polled: Readonly<Record<Side, readonly Meter[]>>;
  readonly polledSlots: Readonly<Record<Side, readonly number[]>>;
  /** For each side, a record of its polls with every key in place (in the order of `polled`), to be copied and filled. */
  readonly pollTemplate: Readonly<Record<Side, Readonly<Record<string, Poll>>>>;
  /** The decisions each side may ever choose (its own and those for both), in file order. */
  readonly choosable: Readonly<Record<Side, readonly Decision[]>>;
  /** The joint decisions, in file order: the only ones step (b) of a turn looks at. */
  readonly jointDecisions: readonly Decision[];
  /** The causes of rules and decisions by their place in the scenario's lists, to save a search by id each time. */
  readonly ruleCauses: readonly Cause[];
  readonly decisionCauses: readonly Readonly<Record<Side, Cause>>[];
  /** The meters that drift, each with its place in the scenario's list and its cause. */
  readonly drifting: readonly { readonly meter: Meter; readonly slot: number; readonly cause: Cause }[];
  /** By turn (1..turns): the places in the scenario's list of the events whose turns, from and to allow them on that turn, in file order. */
  readonly eventSlotsOnTurn: readonly (readonly number[])[];
  /** For each of `choosable`, its index in the scenario's decisions (as decisionIndex gives it). */
  readonly choosableIndex: Readonly<Record<Side, readonly number[]>>;
  /** 0, 1, 2, ... one for each of `choosable`: the random player shuffles a copy. */
  readonly choosablePlaces: Readonly<Record<Side, readonly number[]>>;
  /** The values a new game starts from. */
  readonly start: Pick<GameState, 'meters' | 'counters' | 'flags' | 'scheduled' | 'fireNext'>;
}

const cache = new WeakMap<Scenario, Lookup>();

// Nearly every call asks about the scenario being played: a one-entry cache in front of the map.
let lastScenario: Scenario | undefined;
let lastLookup: Lookup | undefined;

export function lookup(scenario: Scenario): Lookup {
  if (scenario === lastScenario) return lastLookup!;
  let found = cache.get(scenario);
  if (!found) {
    found = build(scenario);
    cache.set(scenario, found);
  }
  lastScenario = scenario;
  lastLookup = found;
  return found;
}

function build(s: Scenario): Lookup {
  const effects = new Map<string, Effect>();
  const add = (list: readonly Effect[]): void => {
    for (const e of list) {
      effects.set(e.key, e);
      add(e.then);
      add(e.otherwise);
    }
  };
  for (const d of s.decisions) {
    add(d.effects);
    add(d.declined);
  }
  for (const e of s.events) {
    add(e.effects);
    for (const c of e.response?.choices ?? []) add(c.effects);
  }
  for (const r of s.rules) add(r.effects);
  const allCauses = causes(s);
  const polled = { tokyo: s.meters.filter((m) => m.visibility.tokyo === 'poll'), seoul: s.meters.filter((m) => m.visibility.seoul === 'poll') };
  const decisionIndex = new Map(s.decisions.map((d, i) => [d.id, i]));
  const choosable = { tokyo: s.decisions.filter((d) => d.side !== 'seoul'), seoul: s.decisions.filter((d) => d.side !== 'tokyo') };
  const eventSlotsOnTurn: number[][] = [];
  for (let turn = 0; turn <= s.turns; turn++) eventSlotsOnTurn.push(s.events.flatMap((e, i) => (mayFireOn(e, turn) ? [i] : [])));
  return {
    meters: new Map(s.meters.map((m) => [m.id, m])),
    counters: new Map(s.counters.map((c) => [c.id, c])),
    decisions: new Map(s.decisions.map((d) => [d.id, d])),
    decisionIndex,
    decisionIsJoint: s.decisions.map((d) => d.joint),
    events: new Map(s.events.map((e) => [e.id, e])),
    eventIndex: new Map(s.events.map((e, i) => [e.id, i])),
    effects,
    causes: allCauses,
    jointDecisions: s.decisions.filter((d) => d.joint),
    ruleCauses: s.rules.map((r) => allCauses.rule.get(r.id)!),
    decisionCauses: s.decisions.map((d) => allCauses.decision.get(d.id)!),
    drifting: s.meters.flatMap((m, slot) => (m.drift > 0 ? [{ meter: m, slot, cause: allCauses.drift.get(m.id)! }] : [])),
    eventSlotsOnTurn,
    polled,
    polledSlots: { tokyo: polled.tokyo.map((m) => s.meters.indexOf(m)), seoul: polled.seoul.map((m) => s.meters.indexOf(m)) },
    pollTemplate: { tokyo: pollTemplate(polled.tokyo), seoul: pollTemplate(polled.seoul) },
    choosable,
    choosablePlaces: { tokyo: choosable.tokyo.map((_, k) => k), seoul: choosable.seoul.map((_, k) => k) },
    choosableIndex: { tokyo: choosable.tokyo.map((d) => decisionIndex.get(d.id)!), seoul: choosable.seoul.map((d) => decisionIndex.get(d.id)!) },
    start: {
      meters: Object.fromEntries(s.meters.map((m) => [m.id, m.start])),
      counters: Object.fromEntries(s.counters.map((c) => [c.id, c.start])),
      flags: Object.fromEntries(s.flags.map((f) => [f.id, f.start])),
      scheduled: [],
      fireNext: [],
    },
  };
}

const NO_POLL: Poll = { estimate: 0, margin: 0 };

function pollTemplate(meters: readonly Meter[]): Record<string, Poll> {
  const polls: Record<string, Poll> = {};
  for (const m of meters) polls[m.id] = NO_POLL;
  return polls;
}

/** Whether an event's own turn limits (turns, from, to) let it fire on `turn`. */
export function mayFireOn(e: GameEvent, turn: number): boolean {
  return (e.turns === undefined || e.turns.includes(turn)) && turn >= e.from && turn <= e.to;
}

function cause(kind: Cause['kind'], id: string, source: string | undefined, side?: Side, choice?: string): Cause {
  const c: { -readonly [K in keyof Cause]: Cause[K] } = { kind, id };
  if (source !== undefined) c.source = source;
  if (side !== undefined) c.side = side;
  if (choice !== undefined) c.choice = choice;
  return c;
}

function causes(s: Scenario): Causes {
  const perSide = (kind: Cause['kind'], d: Decision) => ({ tokyo: cause(kind, d.id, d.source, 'tokyo'), seoul: cause(kind, d.id, d.source, 'seoul') });
  return {
    decision: new Map(s.decisions.map((d) => [d.id, perSide('decision', d)])),
    joint: new Map(s.decisions.map((d) => [d.id, cause('joint', d.id, d.source)])),
    declined: new Map(s.decisions.map((d) => [d.id, perSide('declined', d)])),
    event: new Map(s.events.map((e) => [e.id, cause('event', e.id, e.source)])),
    response: new Map(s.events.flatMap((e) => (e.response ? [[e.id, new Map(e.response.choices.map((c) => [c.id, cause('response', e.id, e.source, e.response!.side, c.id)]))] as const] : []))),
    rule: new Map(s.rules.map((r) => [r.id, cause('rule', r.id, r.source)])),
    drift: new Map(s.meters.map((m) => [m.id, cause('drift', m.id, undefined)])),
  };
}
