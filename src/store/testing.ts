/** Test helpers for the store: a catalog entry built the way the browser builds shipped ones, and a Storage in memory. */
import { readFileSync } from 'node:fs';
import { validatedScenarioData } from '../scenario/load';
import seedrandom from 'seedrandom';
import { randomOrders } from '../engine';
import { shippedCatalog, type CatalogEntry } from './catalog';
import type { Timer } from './clock';
import type { ComputerPlayer } from './index';

/** A quick stand-in for the look-ahead computer in store tests: random legal orders, seeded by game, turn and side. */
export const randomComputer: ComputerPlayer = (scenario, state, side) => randomOrders(scenario, state, side, seedrandom.alea(`${state.seed}/computer/${state.turn}/${side}`));

export function catalogEntryFrom(path: string): CatalogEntry {
  const result = validatedScenarioData(path, readFileSync(path, 'utf8'));
  if (!result.ok) throw new Error(`${path} does not check clean`);
  return shippedCatalog([{ file: path, data: result.data }])[0]!;
}

/** localStorage's behaviour, including QuotaExceededError once `quota` characters are stored. */
export class MemoryStorage implements Storage {
  private readonly items = new Map<string, string>();
  constructor(public quota = Infinity) {}
  get length(): number {
    return this.items.size;
  }
  clear(): void {
    this.items.clear();
  }
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  key(index: number): string | null {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
  setItem(key: string, value: string): void {
    let used = key.length + value.length;
    for (const [k, v] of this.items) if (k !== key) used += k.length + v.length;
    if (used > this.quota) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    this.items.set(key, value);
  }
  keys(): string[] {
    return [...this.items.keys()];
  }
}

/** A clock for tests: time stands still until `advance` moves it, running what falls due in order, each at its own time. */
export interface FakeTimer extends Timer {
  advance(ms: number): void;
  /** How many calls are waiting. */
  pending(): number;
}

export function fakeTimer(start = 0): FakeTimer {
  let now = start;
  let made = 0;
  const waiting: { at: number; order: number; fn: () => void }[] = [];
  const next = (until: number) => waiting.filter((w) => w.at <= until).sort((a, b) => a.at - b.at || a.order - b.order)[0];
  return {
    now: () => now,
    after: (ms, fn) => {
      const call = { at: now + Math.max(0, ms), order: made++, fn };
      waiting.push(call);
      return () => {
        const i = waiting.indexOf(call);
        if (i >= 0) waiting.splice(i, 1);
      };
    },
    advance: (ms) => {
      const until = now + ms;
      for (let call = next(until); call; call = next(until)) {
        waiting.splice(waiting.indexOf(call), 1);
        now = call.at;
        call.fn();
      }
      now = until;
    },
    pending: () => waiting.length,
  };
}
