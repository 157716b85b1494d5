/** Test helpers for the store: a catalog entry built the way the browser builds shipped ones, and a Storage in memory. */
import { readFileSync } from 'node:fs';
import { validatedScenarioData } from '../scenario/load';
import seedrandom from 'seedrandom';
import { randomOrders } from '../engine';
import { shippedCatalog, type CatalogEntry } from './catalog';
import type { ComputerPlayer } from './index';

/** A quick stand-in for the look-ahead computer in store tests: random legal orders, seeded by game, turn and side. */
export const randomComputer: ComputerPlayer = (scenario, state, side) =>
  randomOrders(scenario, state, side, seedrandom.alea(`${state.seed}/computer/${state.turn}/${side}`));

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
