/** The scenarios the player can choose: the shipped ones (and, later, an instructor's own). */
import type { Scenario } from '../engine/model';
import { stateHash } from '../engine/hash';
import { compileShipped, type ShippedScenario } from '../scenario/shipped';

export interface CatalogEntry {
  readonly id: string;
  readonly scenario: Scenario;
  /** A fingerprint of the file's data: a save made with another version of the file is replayed, not trusted. */
  readonly hash: string;
  readonly origin: 'shipped' | 'custom';
}

export function shippedCatalog(files: readonly ShippedScenario[]): CatalogEntry[] {
  return files.map((entry) => {
    const scenario = compileShipped(entry);
    return { id: scenario.id, scenario, hash: stateHash(entry.data), origin: 'shipped' };
  });
}
