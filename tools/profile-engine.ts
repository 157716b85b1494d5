/**
 * tsx tools/profile-engine.ts [--ms N] [--cpu] [--scenario FILE] [--hash]: random games on the largest
 * shipped scenario, as the engine budget of tools/bench.ts plays them, for a profiler to watch:
 *   node --import tsx --cpu-prof --cpu-prof-dir=/tmp/prof tools/profile-engine.ts
 * It prints the rate (decisions × turns per second) and, with --hash, a hash of every game's
 * final state and reports, so a change made for speed can be checked to play the same games.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { playGame, PLAYERS } from '../src/cli/simulate';
import type { Scenario } from '../src/engine/model';
import { loadScenario } from '../src/scenario/load';

const SCENARIOS = fileURLToPath(new URL('../scenarios/', import.meta.url));

function arg(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at < 0 ? undefined : process.argv[at + 1];
}

function load(file: string): Scenario {
  const result = loadScenario(file, readFileSync(file, 'utf8'));
  if (!result.ok) throw new Error(`${file} does not check clean`);
  return result.scenario;
}

const size = (s: Scenario): number => s.decisions.length * s.turns;
const asked = arg('--scenario');
const files = asked ? [asked] : readdirSync(SCENARIOS).filter((f) => f.endsWith('.yaml'));
const scenarios = files.map((f) => ({ file: f, scenario: load(join(SCENARIOS, f)) }));
const { file, scenario } = scenarios.reduce((a, b) => (size(b.scenario) > size(a.scenario) ? b : a));
const players = { tokyo: PLAYERS.random!, seoul: PLAYERS.random! };

if (process.argv.includes('--hash')) {
  // Every state and report of a fixed set of games on every scenario, random and computer players, for a before/after comparison.
  for (const { file: name, scenario: s } of scenarios) {
    const hash = createHash('sha256');
    const play = (games: number, who: typeof players): void => {
      for (let i = 0; i < games; i++) {
        const end = playGame(s, `check/${i}`, who, (state, report) => hash.update(JSON.stringify(state)).update(JSON.stringify(report)));
        hash.update(JSON.stringify(end));
      }
    };
    play(300, players);
    play(3, { tokyo: PLAYERS.ai!, seoul: PLAYERS.random! });
    process.stdout.write(`${name}: ${hash.digest('hex')}\n`);
  }
} else {
  const ms = Number(arg('--ms') ?? 5000);
  // --cpu: this process's CPU time rather than the clock's, steadier on a machine other work shares.
  const now = process.argv.includes('--cpu') ? (): number => process.cpuUsage().user / 1000 : (): number => performance.now();
  for (let i = 0; i < 500; i++) playGame(scenario, `warm/${i}`, players);
  let games = 0;
  let turns = 0;
  const start = now();
  let elapsed = 0;
  while (elapsed < ms) {
    for (let i = 0; i < 100; i++) turns += playGame(scenario, `bench/${games++}`, players).ending?.turn ?? 0;
    elapsed = now() - start;
  }
  const rate = (scenario.decisions.length * turns * 1000) / elapsed;
  process.stdout.write(
    `${file}: ${scenario.decisions.length} decisions × ${turns} turns, ${games} games in ${(elapsed / 1000).toFixed(2)} s: ${(rate / 1e6).toFixed(2)} M/s, ${Math.round((games * 1000) / elapsed)} games/s\n`,
  );
}
