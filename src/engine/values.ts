/**
 * A state's values by place (see EvalContext): its meters, counters and flags records read
 * into arrays in the order of the scenario's lists. The arrays are never changed once made.
 */
import type { Scenario } from './model';

export type ValueKind = 'meters' | 'counters' | 'flags';
type Values = readonly (number | boolean)[];

// The last records read or made, kind by kind. A turn's state is read by both players and by the
// next turn; the World that made it leaves its arrays here (remember), so none reads it again.
const last: Record<ValueKind, { scenario: Scenario | undefined; record: object | undefined; values: Values }> = {
  meters: { scenario: undefined, record: undefined, values: [] },
  counters: { scenario: undefined, record: undefined, values: [] },
  flags: { scenario: undefined, record: undefined, values: [] },
};

export function valuesOf(scenario: Scenario, kind: 'meters' | 'counters', record: Readonly<Record<string, number>>): readonly number[];
export function valuesOf(scenario: Scenario, kind: 'flags', record: Readonly<Record<string, boolean>>): readonly boolean[];
export function valuesOf(scenario: Scenario, kind: ValueKind, record: Readonly<Record<string, number | boolean>>): Values {
  const seen = last[kind];
  if (seen.record === record && seen.scenario === scenario) return seen.values;
  const list = scenario[kind];
  // A record without an id (a save from an edited scenario) gives undefined there, as reading the record would.
  const values: (number | boolean)[] = [];
  // push, not a preallocated array: V8 keeps a pushed array packed (no holes), quicker to read.
  for (let i = 0; i < list.length; i++) values.push(record[list[i]!.id]!);
  remember(scenario, kind, record, values);
  return values;
}

/** `values` are `record`'s, by place: the World says so of the records it hands out in a state. */
export function remember(scenario: Scenario, kind: ValueKind, record: object, values: Values): void {
  const seen = last[kind];
  seen.scenario = scenario;
  seen.record = record;
  seen.values = values;
}
