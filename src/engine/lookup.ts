/** Lookups by id over a compiled scenario, built once per scenario object and cached. */
import type { Counter, Decision, Effect, GameEvent, Meter, Scenario, Side } from './model';
import type { Cause } from './report';
import type { GameState } from './state';

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
  readonly events: ReadonlyMap<string, GameEvent>;
  /** Every effect by its key, nested ones included, so a delayed effect can be saved as its key. */
  readonly effects: ReadonlyMap<string, Effect>;
  readonly causes: Causes;
  /** The meters each side sees through a poll. */
  readonly polled: Readonly<Record<Side, readonly Meter[]>>;
  /** The decisions each side may ever choose (its own and those for both), in file order. */
  readonly choosable: Readonly<Record<Side, readonly Decision[]>>;
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
  return {
    meters: new Map(s.meters.map((m) => [m.id, m])),
    counters: new Map(s.counters.map((c) => [c.id, c])),
    decisions: new Map(s.decisions.map((d) => [d.id, d])),
    events: new Map(s.events.map((e) => [e.id, e])),
    effects,
    causes: causes(s),
    polled: {
      tokyo: s.meters.filter((m) => m.visibility.tokyo === 'poll'),
      seoul: s.meters.filter((m) => m.visibility.seoul === 'poll'),
    },
    choosable: {
      tokyo: s.decisions.filter((d) => d.side !== 'seoul'),
      seoul: s.decisions.filter((d) => d.side !== 'tokyo'),
    },
    start: {
      meters: Object.fromEntries(s.meters.map((m) => [m.id, m.start])),
      counters: Object.fromEntries(s.counters.map((c) => [c.id, c.start])),
      flags: Object.fromEntries(s.flags.map((f) => [f.id, f.start])),
      scheduled: [],
      fireNext: [],
    },
  };
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
    response: new Map(
      s.events.flatMap((e) => (e.response ? [[e.id, new Map(e.response.choices.map((c) => [c.id, cause('response', e.id, e.source, e.response!.side, c.id)]))] as const] : [])),
    ),
    rule: new Map(s.rules.map((r) => [r.id, cause('rule', r.id, r.source)])),
    drift: new Map(s.meters.map((m) => [m.id, cause('drift', m.id, undefined)])),
  };
}
