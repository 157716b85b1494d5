import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../src/scenario/load';
import { newGame, randomOrders, resolveTurn, turnEnd } from '../src/engine';
import seedrandom from 'seedrandom';

describe('turnEnd', () => {
  it("is the next state's meters with the next turn's opening changes undone, in random games of a shipped scenario", () => {
    const loaded = loadScenario('linkage.yaml', readFileSync('scenarios/linkage.yaml', 'utf8'));
    if (!loaded.ok) throw new Error(loaded.problems[0]!.message);
    const scenario = loaded.scenario;
    let compared = 0;
    for (let game = 0; game < 20; game++) {
      let state = newGame(scenario, `turn-end/${game}`);
      const random = seedrandom.alea(`players/${game}`);
      while (!state.ending) {
        const orders = { tokyo: randomOrders(scenario, state, 'tokyo', random), seoul: randomOrders(scenario, state, 'seoul', random) };
        const { state: next, report } = resolveTurn(scenario, state, orders);
        const undone: Record<string, number> = { ...next.meters };
        const seen = new Set<string>();
        for (const c of next.opening) {
          if (c.target === 'meter' && !seen.has(c.id)) {
            undone[c.id] = c.before as number;
            seen.add(c.id);
          }
        }
        expect(turnEnd(state, report).meters).toEqual(undone);
        compared++;
        state = next;
      }
    }
    expect(compared).toBeGreaterThan(100);
  });
});
