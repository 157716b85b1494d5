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

/** Random games of `scenario` on this one thread over about `ms` milliseconds, with the turns they played. */
function randomGames(scenario: Scenario, ms: number): { games: number; turns: number; elapsed: number } {
  const players = { tokyo: PLAYERS.random!, seoul: PLAYERS.random! };
  for (let i = 0; i < 500; i++) playGame(scenario, `warm/${i}`, players);
  let games = 0;
  let turns = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < ms) {
    for (let i = 0; i < 100; i++) turns += playGame(scenario, `bench/${games++}`, players).ending?.turn ?? 0;
    elapsed = performance.now() - start;
  }
  return { games, turns, elapsed };
}

/** Decisions on the menu × turns played, per second: the engine's work, whatever the scenario's size. */
function decisionTurnsPerSecond(scenario: Scenario, run: { turns: number; elapsed: number }): number {
  return (scenario.decisions.length * run.turns * 1000) / run.elapsed;
}

/**
 * The engine's budget: decisions offered × turns per second, random players, on one thread (Node
 * runs it on one core), on the largest shipped scenario — a figure that does not grow or shrink
 * with the file, unlike games per second, which is printed beside it. The template, measured the
 * same minute, shows how far the figure holds across sizes.
 */
function engineDecisionTurns(): Measurement {
  const files = readdirSync(SCENARIOS).filter((f) => f.endsWith('.yaml'));
  const size = (s: Scenario): number => s.decisions.length * s.turns;
  const scenarios = files.map((f) => ({ file: f, scenario: load(join(SCENARIOS, f)) }));
  const largest = scenarios.reduce((a, b) => (size(b.scenario) > size(a.scenario) ? b : a));
  const template = scenarios.find((s) => s.file === 'template.yaml')!;
  const big = randomGames(largest.scenario, 3000);
  const small = randomGames(template.scenario, 1500);
  const rate = decisionTurnsPerSecond(largest.scenario, big);
  return {
    key: 'engine_decision_turns_per_s',
    value: Math.round(rate),
    unit: '/s',
    target: '>= 10000000',
    detail: `${largest.file}: ${largest.scenario.decisions.length} decisions × ${big.turns} turns in ${big.games} random games in ${(big.elapsed / 1000).toFixed(2)} s = ${Math.round((big.games * 1000) / big.elapsed)} games/s; template.yaml ${(decisionTurnsPerSecond(template.scenario, small) / 1e6).toFixed(1)} M/s, ${Math.round((small.games * 1000) / small.elapsed)} games/s`,
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
const measurements = only ? [] : [scenarioLoadMs(), engineDecisionTurns()];
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
