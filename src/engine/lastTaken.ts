/**
 * When each decision was last taken, by side, over a game's history: what `once` and
 * `cooldown` ask. Both players and the check of their orders ask it of the same history
 * each turn, and each history is the one before with a turn added, so the table is kept
 * for the last history seen and extended by one turn rather than rebuilt.
 */
import { lookup } from './lookup';
import type { Scenario } from './model';
import type { TurnRecord } from './state';

/**
 * Turn numbers, 0 for never: Tokyo's at a decision's index in the scenario, Seoul's at
 * index + number of decisions. A joint decision counts on the turns it took effect, for both sides.
 */
// A plain array of small integers: a typed array costs far more to allocate, and one is made every turn.
export type LastTakenTable = number[];

let lastScenario: Scenario | undefined;
let lastHistory: readonly TurnRecord[] = [];
let lastTable: LastTakenTable | undefined;

export function lastTakenTable(scenario: Scenario, history: readonly TurnRecord[]): LastTakenTable {
  if (scenario === lastScenario && history === lastHistory) return lastTable!;
  const { decisionIndex, decisionIsJoint } = lookup(scenario);
  const n = scenario.decisions.length;
  let table: LastTakenTable;
  let from = 0;
  if (scenario === lastScenario && extends_(history, lastHistory)) {
    table = lastTable!.slice();
    from = lastHistory.length;
  } else table = new Array<number>(2 * n).fill(0);
  for (let k = from; k < history.length; k++) {
    const h = history[k]!;
    const turn = h.turn;
    const { tokyo, seoul } = h.decisions;
    for (let j = 0; j < tokyo.length; j++) {
      const i = decisionIndex.get(tokyo[j]!);
      if (i !== undefined && !decisionIsJoint[i]) table[i] = turn;
    }
    for (let j = 0; j < seoul.length; j++) {
      const i = decisionIndex.get(seoul[j]!);
      if (i !== undefined && !decisionIsJoint[i]) table[n + i] = turn;
    }
    const joint = h.joint;
    for (let j = 0; j < joint.length; j++) {
      const i = decisionIndex.get(joint[j]!);
      if (i !== undefined && decisionIsJoint[i]) table[i] = table[n + i] = turn;
    }
  }
  lastScenario = scenario;
  lastHistory = history;
  lastTable = table;
  return table;
}

let firedScenario: Scenario | undefined;
let firedHistory: readonly TurnRecord[] = [];
let firedTable: number[] | undefined;

/**
 * When each event last fired over a game's history, by the event's index in the scenario (0 for
 * never): what an event's `repeat` and `cooldown` ask as each turn opens. Kept and extended like
 * the table of decisions above.
 */
export function lastFiredTable(scenario: Scenario, history: readonly TurnRecord[]): readonly number[] {
  if (scenario === firedScenario && history === firedHistory) return firedTable!;
  const { eventIndex } = lookup(scenario);
  let table: number[];
  let from = 0;
  if (scenario === firedScenario && extends_(history, firedHistory)) {
    table = firedTable!.slice();
    from = firedHistory.length;
  } else table = new Array<number>(scenario.events.length).fill(0);
  for (let k = from; k < history.length; k++) {
    const h = history[k]!;
    const fired = h.fired;
    for (let j = 0; j < fired.length; j++) {
      const i = eventIndex.get(fired[j]!);
      if (i !== undefined) table[i] = h.turn;
    }
  }
  firedScenario = scenario;
  firedHistory = history;
  firedTable = table;
  return table;
}

/** Whether `longer` is `shorter` with turns added: the same records, in the same places. */
function extends_(longer: readonly TurnRecord[], shorter: readonly TurnRecord[]): boolean {
  if (longer.length < shorter.length) return false;
  for (let i = shorter.length - 1; i >= 0; i--) if (longer[i] !== shorter[i]) return false;
  return true;
}
