/**
 * A turn in progress: a private, mutable copy of the world that effects change, with
 * every change recorded with its cause. Nothing outside a single engine call ever sees
 * it mutate; the engine hands back a fresh GameState.
 */
import { evalContext, type WorldContext } from './context';
import { lookup, type Lookup } from './lookup';
import type { Effect, EvalContext, Scenario, Side } from './model';
import type { Random } from './random';
import type { Cause, Change } from './report';
import type { GameState, ScheduledEffect, TurnRecord } from './state';

export class World {
  readonly meters: Record<string, number>;
  /**
   * Counters and flags change on few turns: the world starts with the records it was given and
   * copies one only before its first change (copy on write), so most turns share them with the
   * state before. A record is never changed once a state holds it.
   */
  counters: Record<string, number>;
  flags: Record<string, boolean>;
  private ownCounters = false;
  private ownFlags = false;
  changes: Change[] = [];
  readonly scheduled: ScheduledEffect[];
  /** Events to fire at the start of the next turn: those scheduled when this turn opened, then during it. */
  fireNext: string[];
  current: { turn: number; fired: string[]; decisions: Record<Side, string[]>; joint: string[] };
  readonly ctx: WorldContext;
  private readonly index: Lookup;

  constructor(
    readonly scenario: Scenario,
    from: Pick<GameState, 'meters' | 'counters' | 'flags' | 'scheduled' | 'fireNext'>,
    public history: readonly TurnRecord[],
    turn: number,
    readonly random: Random,
  ) {
    this.meters = { ...from.meters };
    this.counters = from.counters;
    this.flags = from.flags;
    this.scheduled = from.scheduled.slice();
    this.fireNext = from.fireNext.slice();
    this.current = { turn, fired: [], decisions: { tokyo: [], seoul: [] }, joint: [] };
    this.index = lookup(scenario);
    this.ctx = evalContext(scenario, this);
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
    for (let i = 0; i < drifting.length; i++) {
      const { meter: m, cause } = drifting[i]!;
      const meters = this.meters;
      const id = m.id;
      const before = meters[id]!;
      const after = clamp(before + m.drift * (m.baseline - before), m.min, m.max, before);
      if (after === before) continue;
      meters[id] = after;
      this.changes.push({ target: 'meter', id, before, after, cause });
    }
  }

  private change(e: Effect, cause: Cause): void {
    const { kind, id } = e.target!;
    if (kind === 'flag') {
      const after = (e.value as (c: EvalContext) => boolean)(this.ctx);
      if (this.flags[id] !== after) {
        if (!this.ownFlags) {
          this.flags = { ...this.flags };
          this.ownFlags = true;
          this.ctx.reread();
        }
        this.changes.push({ target: 'flag', id, before: this.flags[id]!, after, cause });
        this.flags[id] = after;
      }
      return;
    }
    const v = (e.value as (c: EvalContext) => number)(this.ctx);
    if (kind === 'meter') {
      const meters = this.meters;
      const before = meters[id]!;
      const bounds = this.index.meterById[id]!;
      const after = clamp(e.op === 'add' ? before + v : e.op === 'multiply' ? before * v : v, bounds.min, bounds.max, before);
      if (after === before) return;
      meters[id] = after;
      this.changes.push({ target: 'meter', id, before, after, cause });
      return;
    }
    const before = this.counters[id]!;
    const bounds = this.index.counterById[id]!;
    const after = clamp(e.op === 'add' ? before + v : e.op === 'multiply' ? before * v : v, bounds.min, bounds.max, before);
    if (after === before) return;
    if (!this.ownCounters) {
      this.counters = { ...this.counters };
      this.ownCounters = true;
      this.ctx.reread();
    }
    this.counters[id] = after;
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

/** Keeps a value within bounds; a value that is not a number at all leaves the old one in place. */
export function clamp(value: number, min: number, max: number, fallback: number): number {
  if (Number.isNaN(value)) return fallback;
  return value < min ? min : value > max ? max : value;
}
