/**
 * Bench page for `ai_ms_per_turn`: the computer opponent at its hardest, timed in the browser
 * itself. It plays whole games of the largest shipped scenario, both sides computer, and reports
 * every choice's milliseconds through `window.__aiBench`.
 */
import shipped from 'virtual:shipped-scenarios';
import { computerOrders } from '../../src/ai';
import { newGame, resolveTurn } from '../../src/engine';
import { compileShipped, isShippedScenario } from '../../src/scenario/shipped';

declare global {
  interface Window {
    __aiBench?: { scenario: string; times: number[] } | { error: string };
  }
}

async function run(): Promise<void> {
  // The URLs are relative to the game's page, at the site's root.
  const files = await Promise.all(shipped.map(async (s) => (await fetch(`/${s.url}`)).json() as Promise<unknown>));
  const scenarios = files.filter(isShippedScenario).map(compileShipped);
  const largest = scenarios.sort((a, b) => b.decisions.length * b.turns - a.decisions.length * a.turns)[0]!;
  const times: number[] = [];
  const play = (seed: string, record: boolean): void => {
    let state = newGame(largest, seed);
    while (!state.ending) {
      let t = performance.now();
      const tokyo = computerOrders(largest, state, 'tokyo', 'hard');
      if (record) times.push(performance.now() - t);
      t = performance.now();
      const seoul = computerOrders(largest, state, 'seoul', 'hard');
      if (record) times.push(performance.now() - t);
      state = resolveTurn(largest, state, { tokyo, seoul }).state;
    }
  };
  play('warm', false);
  for (let g = 0; g < 3; g++) play(`bench/${g}`, true);
  window.__aiBench = { scenario: largest.id, times };
}

run().catch((e: unknown) => {
  window.__aiBench = { error: String(e) };
});
