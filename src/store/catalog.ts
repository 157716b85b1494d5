/** The scenarios the player can choose: the shipped ones (and, later, an instructor's own). */
import type { Scenario } from '../engine/model';
import { canonicalJson } from '../engine/hash';
import { compileShipped, type ShippedScenario } from '../scenario/shipped';

export interface CatalogEntry {
  readonly id: string;
  readonly scenario: Scenario;
  /** A fingerprint of the file's data: a save made with another version of the file is replayed, not trusted. */
  readonly hash: string;
  readonly origin: 'shipped' | 'custom';
}

/** FNV-1a over the canonical JSON: a fingerprint, not a security measure. */
export function fingerprint(value: unknown): string {
  const text = canonicalJson(value);
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

export function shippedCatalog(files: readonly ShippedScenario[]): CatalogEntry[] {
  return files.map((entry) => {
    const scenario = compileShipped(entry);
    return { id: scenario.id, scenario, hash: fingerprint(entry.data), origin: 'shipped' };
  });
}
