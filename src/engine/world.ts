/**
 * A turn in progress: a private, mutable copy of the world that effects change, with
 * every change recorded with its cause. Nothing outside a single engine call ever sees
 * it mutate; the engine hands back a fresh GameState.
 */
import { worldContext } from './context';
import { lookup, type Lookup } from './lookup';
import type { Effect, EvalContext, Scenario, Side } from './model';
import { remember, valuesOf } from './values';
import type { Random } from './random';
import type { Cause, Change } from './report';
import type { GameState, ScheduledEffect, TurnRecord } from './state';

export class World {
  /**
   * The values by place in the scenario's lists, what expressions read (see EvalContext): the
   * World's own copies, which effects change. The records of the state the World hands out are
   * written from them once, at the end (handOut), rather than by name at every change.
   */
  readonly meterValues: number[];
  readonly counterValues: number[];
  readonly flagValues: boolean[];
  /** The records the World started from, and their values by place, for handOut to tell what changed. */
  private readonly from: Pick<GameState, 'meters' | 'counters' | 'flags'>;
  private readonly fromValues: { readonly meters: readonly number[]; readonly counters: readonly number[]; readonly flags: readonly boolean[] };
  changes: Change[] = [];
  readonly scheduled: ScheduledEffect[];
  /** Events to fire at the start of the next turn: those scheduled when this turn opened, then during it. */
  fireNext: string[];
  current: { turn: number; fired: string[]; decisions: Record<Side, string[]>; joint: string[] };
  readonly ctx: EvalContext;
  private readonly index: Lookup;

  constructor(
    readonly scenario: Scenario,
    from: Pick<GameState, 'meters' | 'counters' | 'flags' | 'scheduled' | 'fireNext'>,
    public history: readonly TurnRecord[],
    turn: number,
    readonly random: Random,
  ) {
    this.from = from;
    this.fromValues = { meters: valuesOf(scenario, 'meters', from.meters), counters: valuesOf(scenario, 'counters', from.counters), flags: valuesOf(scenario, 'flags', from.flags) };
    this.meterValues = this.fromValues.meters.slice();
    this.counterValues = this.fromValues.counters.slice();
    this.flagValues = this.fromValues.flags.slice();
    this.scheduled = from.scheduled.slice();
    this.fireNext = from.fireNext.slice();
    this.current = { turn, fired: [], decisions: { tokyo: [], seoul: [] }, joint: [] };
    this.index = lookup(scenario);
    this.ctx = worldContext(scenario, this);
  }

  /**
   * Moves on to the next turn with the record of the one just resolved. The values
   * carry on; changes and scheduled fires start afresh. Earlier arrays handed out
   * (in a report or a state) are replaced, never changed.
   */
  nextTurn(history: readonly TurnRecord[]): { fireNow: readonly string[] } {
    const fireNow = this.fireNext;
    this.history = history;
    this.current = { turn: this.current.turn + 1, fired: [], decisions: { tokyo: [], seoul: [] }, joint: [] };
    this.changes = [];
    this.fireNext = [];
    return { fireNow };
  }

  get turn(): number {
    return this.current.turn;
  }

  /**
   * The records of the state the World hands out: meters always a new record; counters and flags
   * the records it started from when none of theirs changed (they change on few turns), so
   * a record is never changed once a state holds it. The arrays of their values are left for
   * whoever reads the state next (values.ts), so that none reads them by name again. Call it
   * last, when the state is made: the World must change nothing after.
   */
  handOut(): Pick<GameState, 'meters' | 'counters' | 'flags'> {
    const { scenario, from, fromValues } = this;
    const meters = withValues({ ...from.meters }, scenario.meters, fromValues.meters, this.meterValues);
    const counters = changed(fromValues.counters, this.counterValues) ? withValues({ ...from.counters }, scenario.counters, fromValues.counters, this.counterValues) : from.counters;
    const flags = changed(fromValues.flags, this.flagValues) ? withValues({ ...from.flags }, scenario.flags, fromValues.flags, this.flagValues) : from.flags;
    remember(scenario, 'meters', meters, this.meterValues);
    remember(scenario, 'counters', counters, this.counterValues);
    remember(scenario, 'flags', flags, this.flagValues);
    return { meters, counters, flags };
  }

  /** Sets a meter to a value already within its bounds (the instructor's hand). */
  setMeter(slot: number, value: number): void {
    this.meterValues[slot] = value;
  }

  /** True with probability p, drawing from the game's generator only when the outcome is in doubt. */
  chance(p: number): boolean {
    if (p >= 1) return true;
    if (p <= 0) return false;
    return this.random.next() < p;
  }

  applyAll(effects: readonly Effect[], cause: Cause): void {
    for (let i = 0; i < effects.length; i++) this.apply(effects[i]!, cause, false);
  }

  /** Applies one effect, or schedules it when it has a delay (`landing` is true when a delayed effect arrives). */
  apply(e: Effect, cause: Cause, landing: boolean): void {
    if (e.delay > 0 && !landing) {
      const due = this.turn + e.delay;
      // An effect due after the last turn would never land; keep it out of the state.
      if (due <= this.scenario.turns) this.scheduled.push({ due, effect: e.key, cause });
      return;
    }
    const happens = (e.condition === undefined || e.condition(this.ctx)) && (e.chance === undefined || this.chance(e.chance));
    if (!happens) {
      this.applyAll(e.otherwise, cause);
      return;
    }
    if (e.target && e.value) this.change(e, cause);
    if (e.fire !== undefined && !this.fireNext.includes(e.fire)) this.fireNext.push(e.fire);
    this.applyAll(e.then, cause);
  }

  /** Lands the delayed effects due this turn, in the order they were scheduled. */
  landDue(): void {
    const due: ScheduledEffect[] = [];
    const later: ScheduledEffect[] = [];
    for (const s of this.scheduled) (s.due === this.turn ? due : later).push(s);
    if (due.length === 0) return;
    this.scheduled.length = 0;
    for (const s of later) this.scheduled.push(s);
    for (const s of due) {
      const effect = this.index.effects.get(s.effect);
      // A save from an edited scenario may name an effect that no longer exists: it simply does not land.
      if (effect) this.apply(effect, delayedCause(s.cause), true);
    }
  }

  drift(): void {
    const drifting = this.index.drifting;
    const values = this.meterValues;
    for (let i = 0; i < drifting.length; i++) {
      const { meter: m, slot, cause } = drifting[i]!;
      const before = values[slot]!;
      const after = clamp(before + m.drift * (m.baseline - before), m.min, m.max, before);
      if (after === before) continue;
      values[slot] = after;
      this.changes.push({ target: 'meter', id: m.id, before, after, cause });
    }
  }

  private change(e: Effect, cause: Cause): void {
    const { kind, id, slot } = e.target!;
    if (kind === 'flag') {
      const after = (e.value as (c: EvalContext) => boolean)(this.ctx);
      const before = this.flagValues[slot]!;
      if (before !== after) {
        this.changes.push({ target: 'flag', id, before, after, cause });
        this.flagValues[slot] = after;
      }
      return;
    }
    const v = (e.value as (c: EvalContext) => number)(this.ctx);
    if (kind === 'meter') {
      const values = this.meterValues;
      const before = values[slot]!;
      const bounds = this.scenario.meters[slot]!;
      const after = clamp(e.op === 'add' ? before + v : e.op === 'multiply' ? before * v : v, bounds.min, bounds.max, before);
      if (after === before) return;
      values[slot] = after;
      this.changes.push({ target: 'meter', id, before, after, cause });
      return;
    }
    const values = this.counterValues;
    const before = values[slot]!;
    const bounds = this.scenario.counters[slot]!;
    const after = clamp(e.op === 'add' ? before + v : e.op === 'multiply' ? before * v : v, bounds.min, bounds.max, before);
    if (after === before) return;
    values[slot] = after;
    this.changes.push({ target: 'counter', id, before, after, cause });
  }
}

const delayedCauses = new WeakMap<Cause, Cause>();

/** The cause a delayed effect lands with: what scheduled it, marked as delayed. */
function delayedCause(scheduledBy: Cause): Cause {
  let found = delayedCauses.get(scheduledBy);
  if (!found) {
    found = { ...scheduledBy, kind: 'delayed', origin: scheduledBy.origin ?? scheduledBy.kind };
    delayedCauses.set(scheduledBy, found);
  }
  return found;
}

/** Whether any value differs from the one it started from (Object.is: -0 is not 0). */
function changed<T>(start: readonly T[], now: readonly T[]): boolean {
  for (let i = 0; i < now.length; i++) if (!Object.is(start[i], now[i])) return true;
  return false;
}

/**
 * `record` (a copy of the one the values started from) with the values that changed written in.
 * Only those: a record from an old save may lack an id, and then its value never changes.
 */
function withValues<T>(record: Record<string, T>, list: readonly { readonly id: string }[], start: readonly T[], now: readonly T[]): Record<string, T> {
  for (let i = 0; i < now.length; i++) if (!Object.is(start[i], now[i])) record[list[i]!.id] = now[i]!;
  return record;
}

/** Keeps a value within bounds; a value that is not a number at all leaves the old one in place. */
export function clamp(value: number, min: number, max: number, fallback: number): number {
  if (Number.isNaN(value)) return fallback;
  return value < min ? min : value > max ? max : value;
}
