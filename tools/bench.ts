/**
 * npm run bench [-- --json]: the performance budgets of docs/architecture.md, measured here and
 * printed, never asserted in tests (timings on shared machines are too noisy for that).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { playGame, PLAYERS } from '../src/cli/simulate';
import type { Scenario } from '../src/engine/model';
import { loadScenario, validatedScenarioData } from '../src/scenario/load';
import { compileShipped, type ShippedScenario } from '../src/scenario/shipped';
import { BROWSER_GROUPS, browserMeasurements, type BrowserGroup, type Measurement } from './bench-browser';
import { classMeasurements } from './bench-class';

const SCENARIOS = fileURLToPath(new URL('../scenarios/', import.meta.url));

function load(file: string): Scenario {
  const result = loadScenario(file, readFileSync(file, 'utf8'));
  if (!result.ok) throw new Error(`${file} does not check clean; run npm run scenario -- check ${file}`);
  return result.scenario;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Random games of `scenario` per second on this one thread, over about `ms` milliseconds. */
function gamesPerSecond(scenario: Scenario, ms: number): { games: number; elapsed: number; rate: number } {
  const players = { tokyo: PLAYERS.random!, seoul: PLAYERS.random! };
  for (let i = 0; i < 500; i++) playGame(scenario, `warm/${i}`, players);
  let games = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < ms) {
    for (let i = 0; i < 100; i++) playGame(scenario, `bench/${games++}`, players);
    elapsed = performance.now() - start;
  }
  return { games, elapsed, rate: Math.round((games * 1000) / elapsed) };
}

/**
 * Full random games per second on one thread (Node runs it on one core) of the largest shipped
 * scenario, by decisions × turns: the budget's case. The template's figure, measured the same
 * minute, goes in the detail: on a shared machine the ratio between the two means more than either.
 */
function engineGamesPerSecond(): Measurement {
  const files = readdirSync(SCENARIOS).filter((f) => f.endsWith('.yaml'));
  const size = (s: Scenario): number => s.decisions.length * s.turns;
  const scenarios = files.map((f) => ({ file: f, scenario: load(join(SCENARIOS, f)) }));
  const largest = scenarios.reduce((a, b) => (size(b.scenario) > size(a.scenario) ? b : a));
  const template = scenarios.find((s) => s.file === 'template.yaml')!;
  const big = gamesPerSecond(largest.scenario, 3000);
  const small = gamesPerSecond(template.scenario, 1500);
  const { decisions, turns } = largest.scenario;
  return {
    key: 'engine_games_per_s',
    value: big.rate,
    unit: 'games/s',
    target: '>= 20000',
    detail: `${big.games} random games of ${largest.file} (${decisions.length} decisions × ${turns} turns) in ${(big.elapsed / 1000).toFixed(2)} s; template.yaml ${small.rate} games/s (${(big.rate / small.rate).toFixed(2)} of it)`,
  };
}

/** Parse + validate + compile of the largest scenario file, median of many runs. */
function scenarioLoadMs(): Measurement {
  const files = readdirSync(SCENARIOS)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => join(SCENARIOS, f));
  const largest = files.sort((a, b) => statSync(b).size - statSync(a).size)[0]!;
  const text = readFileSync(largest, 'utf8');
  for (let i = 0; i < 20; i++) loadScenario(largest, text);
  const times: number[] = [];
  for (let i = 0; i < 100; i++) {
    const t = performance.now();
    const result = loadScenario(largest, text);
    times.push(performance.now() - t);
    if (!result.ok) throw new Error(`${largest} does not check clean`);
  }
  // What the game itself does with a shipped file: the build validated it, the page parses its JSON and compiles it.
  const validated = validatedScenarioData(largest, text);
  if (!validated.ok) throw new Error(`${largest} does not check clean`);
  const json = JSON.stringify({ file: largest, data: validated.data });
  const shipped: number[] = [];
  for (let i = 0; i < 100; i++) {
    const t = performance.now();
    compileShipped(JSON.parse(json) as ShippedScenario);
    shipped.push(performance.now() - t);
  }
  return {
    key: 'scenario_load_ms',
    value: Number(median(times).toFixed(2)),
    unit: 'ms',
    target: '<= 20',
    detail: `median of 100 YAML loads (parse, check, compile) of ${largest.slice(SCENARIOS.length)} (${(Buffer.byteLength(text) / 1024).toFixed(0)} KB); the game's own load of it (JSON + compile) ${median(shipped).toFixed(2)} ms`,
  };
}

/** The groups `--only` knows: the browser's, and the class server's. */
const GROUPS = [...BROWSER_GROUPS, 'class'] as const;
type Group = (typeof GROUPS)[number];

/**
 * `--only boot,fps` (or `--only class`): just those groups of browser and class-server figures (while
 * working on one budget); an unknown group is refused with the list of known ones.
 */
function onlyGroups(): Group[] | null {
  const at = process.argv.indexOf('--only');
  if (at < 0) return null;
  const asked = (process.argv[at + 1] ?? '').split(',').filter(Boolean);
  const unknown = asked.filter((g) => !(GROUPS as readonly string[]).includes(g));
  if (asked.length === 0 || unknown.length > 0) {
    process.stderr.write(`--only takes a comma-separated list of ${GROUPS.join(', ')}${unknown.length ? `; not ${unknown.join(', ')}` : ''}\n`);
    process.exit(2);
  }
  return asked as Group[];
}

const only = onlyGroups();
const measurements = only ? [] : [scenarioLoadMs(), engineGamesPerSecond()];
const browserGroups = BROWSER_GROUPS.filter((g: BrowserGroup) => !only || only.includes(g));
// The browser half (bundle, boot, fps, heap, and the computer opponent timed in Chromium); `--no-browser`
// leaves out the build and Chromium (a minute or two) when only the engine matters.
if (!process.argv.includes('--no-browser') && browserGroups.length > 0) measurements.push(...(await browserMeasurements(browserGroups)));
// The class server (tools/bench-class.ts: a class of 30 games against the server process, and a kill mid-turn; about a minute); `--no-class` leaves it out.
if (!process.argv.includes('--no-class') && (!only || only.includes('class'))) measurements.push(...(await classMeasurements()));
if (process.argv.includes('--json')) {
  process.stdout.write(`${JSON.stringify(Object.fromEntries(measurements.map((m) => [m.key, m.value])))}\n`);
} else {
  const width = Math.max(22, ...measurements.map((m) => m.key.length));
  for (const m of measurements) process.stdout.write(`${m.key.padEnd(width)} ${String(m.value).padStart(10)} ${m.unit.padEnd(8)} target ${m.target.padEnd(9)} ${m.detail}\n`);
}
