/** The shipped scenarios as the class server (and Node tests) load them: every YAML file in scenarios/, checked. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Scenario } from '../engine/model';
import { loadScenario } from '../scenario/load';

export const SHIPPED_DIR = fileURLToPath(new URL('../../scenarios/', import.meta.url));

/** Scenario id → scenario. A shipped file that does not load is a broken checkout: said, with its problems. */
export function loadShippedScenarios(dir = SHIPPED_DIR): ReadonlyMap<string, Scenario> {
  const scenarios = new Map<string, Scenario>();
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()) {
    const result = loadScenario(file, readFileSync(join(dir, file), 'utf8'));
    if (!result.ok) throw new Error(`${file} does not load: ${result.problems.map((p) => `${p.line}:${p.col} ${p.message}`).join('; ')}`);
    scenarios.set(result.scenario.id, result.scenario);
  }
  return scenarios;
}
