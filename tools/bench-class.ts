/**
 * The class server's half of `npm run bench`: a whole class played against the real server process
 * (src/server/main.ts, SQLite in a temporary folder) by colyseus.js clients in this process — 30
 * games, two teams and an observer each, both teams sealing random legal orders at once every turn.
 * Then a second class is stopped mid-turn with a SIGKILL, the server started again on the same data,
 * and every seat rejoins: an order a team was told was sealed must still be there.
 *
 * The helpers (a server child process, a device at a seat) are shared with
 * tests/class-restart.test.ts. The server runs as `node --import tsx`, one process: the `tsx` binary
 * is a wrapper that runs the script in a child of its own, so a SIGKILL sent to it would leave the
 * server running and /proc would measure the wrapper.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client, type Room } from 'colyseus.js';
import seedrandom from 'seedrandom';
import { canonicalJson, randomOrders, type SideOrders } from '../src/engine';
import type { Scenario, Side } from '../src/engine/model';
import { joinViews, TO_SEAT, TO_SERVER, type ClassView, type Refusal, type SeatName } from '../src/class/protocol';
import type { CreatedGame } from '../src/server/classApi';
import type { ClassSeat, CreatedClass, GameSummary } from '../src/class/instructor';
import { dashboard, until, type Dashboard } from '../src/server/testing';
import { loadShippedScenarios } from '../src/server/scenarios';
import type { Measurement } from './bench-browser';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const MAIN = join(ROOT, 'src', 'server', 'main.ts');
const READY = /^Close Yet Distant is running: (http:\/\/127\.0\.0\.1:\d+)\//m;

// ─── The server as a child process ────────────────────────────────────────────

export interface ServerProcess {
  readonly url: string;
  readonly pid: number;
  /** Its last lines of output (stdout and stderr), for failure messages. */
  readonly output: () => string;
  /** SIGKILL, and wait until it is gone. */
  kill(): Promise<void>;
}

const children = new Set<ChildProcess>();
let exitHook = false;

function gone(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

/** What a caller may add to a server process: variables for its environment, and a port of its own. */
export interface ServerExtras {
  /** Added to the server's environment last: DATABASE_URL and REDIS_URL reach it only from here. */
  readonly env?: Readonly<Record<string, string>>;
  /** Instead of a free port drawn by the system: with REDIS_URL, main.ts advertises `--port` as the process's address, and port 0 is no address. */
  readonly port?: number;
}

/** `src/server/main.ts` on 127.0.0.1, a free port, games kept in `dataDir`, named `name` in the leases; serving the build in `site`, or no site (`--no-site`). */
export async function startServer(dataDir: string, name: string, timeoutMs = 30_000, site: string | null = null, extras: ServerExtras = {}): Promise<ServerProcess> {
  if (!exitHook) {
    exitHook = true;
    // However this process ends, no server is left behind.
    process.on('exit', () => {
      for (const child of children) if (!gone(child)) child.kill('SIGKILL');
    });
  }
  const childEnv: NodeJS.ProcessEnv = { ...process.env, CLASS_PROCESS: name };
  // Games in the SQLite file of dataDir, whatever the calling shell has set, unless the caller says otherwise.
  delete childEnv.DATABASE_URL;
  delete childEnv.REDIS_URL;
  Object.assign(childEnv, extras.env);
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN, ...(site ? ['--site', site] : ['--no-site']), '--host', '127.0.0.1', '--port', String(extras.port ?? 0), '--data', dataDir], {
    cwd: ROOT,
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // Read all the time (a full pipe would stall the server's logging, and so the server); keep the tail.
  let tail = '';
  const keep = (chunk: Buffer) => {
    tail = (tail + chunk.toString('utf8')).slice(-4000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const kill = async () => {
    if (!gone(child)) child.kill('SIGKILL');
    await Promise.race([exited, sleep(5_000)]);
    children.delete(child);
  };
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the class server did not say it was running within ${timeoutMs} ms; its output:\n${tail}`)), timeoutMs);
      const look = () => {
        const match = READY.exec(tail);
        if (match) {
          clearTimeout(timer);
          child.stdout.off('data', look);
          resolve(match[1]!);
        }
      };
      child.stdout.on('data', look);
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`the class server stopped before it was running (${signal ?? `exit ${code}`}); its output:\n${tail}`));
      });
    });
    return { url, pid: child.pid!, output: () => tail, kill };
  } catch (error) {
    await kill();
    throw error;
  }
}

// ─── The class API and a device at a seat ─────────────────────────────────────

/** A port free on 127.0.0.1 just now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port to probe'))));
    });
  });
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function post(url: string, path: string, body: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${url}${path}`, { method: 'POST', body: JSON.stringify(body), signal: AbortSignal.timeout(10_000) });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

export async function createGame(url: string, scenario: string): Promise<CreatedGame> {
  const made = await post(url, '/api/games', { scenario });
  if (made.status !== 201) throw new Error(`POST /api/games answered ${made.status}: ${String(made.body.problem)}`);
  return made.body as unknown as CreatedGame;
}

/** POST …/open until the room is live: a 409 (another process's lease) is retried after its retryMs, up to `timeoutMs`. */
export async function openGame(url: string, code: string, timeoutMs = 15_000): Promise<void> {
  const started = Date.now();
  for (;;) {
    const opened = await post(url, `/api/games/${code}/open`, {});
    if (opened.status === 200) return;
    const retryMs = typeof opened.body.retryMs === 'number' ? opened.body.retryMs : null;
    if (opened.status !== 409 || retryMs === null || Date.now() - started + retryMs > timeoutMs)
      throw new Error(`POST /api/games/${code}/open answered ${opened.status}: ${String(opened.body.problem)}`);
    await sleep(retryMs);
  }
}

/** A colyseus.js device at a seat: every view and refusal it heard, each view with the moment it arrived. */
export interface Device {
  readonly seat: SeatName;
  readonly room: Room;
  readonly views: ClassView[];
  readonly refusals: Refusal[];
  /** The latest view. */
  view(): ClassView;
  /**
   * The first view, from the latest on, for which `test` holds, with performance.now() at its arrival.
   * Fails, saying `what`, after `timeoutMs`, or as soon as the device is refused or dropped.
   */
  until(test: (view: ClassView) => boolean, what: string, timeoutMs?: number): Promise<{ view: ClassView; at: number }>;
  /** Drops the connection (no goodbye: the server may be gone already). */
  close(): void;
}

export async function joinSeat(url: string, code: string, key: string, timeoutMs = 10_000): Promise<Device> {
  await openGame(url, code);
  const room = await withTimeout(new Client(url).joinById(code, { key }), timeoutMs, `joining game ${code}`);
  const views: ClassView[] = [];
  const arrivals: number[] = [];
  const refusals: Refusal[] = [];
  let left: number | null = null;
  const waiters = new Set<() => void>();
  const wake = () => {
    for (const w of [...waiters]) w();
  };
  room.onMessage(TO_SEAT.view, (v: ClassView) => {
    // Only the reports not had before come: joined to the view held, as the page joins them.
    const whole = joinViews(views.at(-1) ?? null, v);
    if (!whole) return room.send(TO_SERVER.view);
    views.push(whole);
    arrivals.push(performance.now());
    wake();
  });
  room.onMessage(TO_SEAT.refused, (r: Refusal) => {
    refusals.push(r);
    wake();
  });
  room.onMessage(TO_SEAT.replaced, () => undefined);
  room.onLeave((code) => {
    left = code;
    wake();
  });
  const device: Device = {
    get seat() {
      return views[0]?.seat ?? 'observer';
    },
    room,
    views,
    refusals,
    view: () => views.at(-1)!,
    until: (test, what, ms = 10_000) =>
      new Promise((resolve, reject) => {
        let from = Math.max(0, views.length - 1);
        const refused = refusals.length;
        const done = (error?: Error) => {
          clearTimeout(timer);
          waiters.delete(check);
          if (error) reject(error);
        };
        const check = () => {
          for (; from < views.length; from++)
            if (test(views[from]!)) {
              done();
              return resolve({ view: views[from]!, at: arrivals[from]! });
            }
          if (refusals.length > refused) done(new Error(`${what}: game ${code} refused it: ${refusals.at(-1)!.problem}`));
          else if (left !== null) done(new Error(`${what}: game ${code} dropped the connection (${left})`));
        };
        const timer = setTimeout(() => done(new Error(`${what}: no such view from game ${code} within ${ms} ms`)), ms);
        waiters.add(check);
        check();
      }),
    close: () => {
      if (left === null) room.connection.close();
    },
  };
  room.send(TO_SERVER.view);
  await device.until(() => true, `the first view of a seat`);
  return device;
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms);
    }),
  ]);
}

/** True when a device has heard the end of `turn`: one more report than `reports`. */
export const resolvedPast =
  (reports: number) =>
  (view: ClassView): boolean =>
    view.reports.length > reports;

// ─── The process, from /proc ──────────────────────────────────────────────────

/** Resident memory in MB, or null when /proc does not say (not Linux, or the process is gone). */
function rssMb(pid: number): number | null {
  try {
    const kb = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return kb ? Number(kb[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/** The most resident memory the process has held, in MB (the kernel's VmHWM), or null. */
function rssHighWaterMb(pid: number): number | null {
  try {
    const kb = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return kb ? Number(kb[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/** User + system CPU in ms (utime and stime, fields 14 and 15, in USER_HZ ticks: 100 a second on Linux). */
function cpuMs(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name, in parentheses, may hold spaces: count fields after it (the state is field 3).
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

/** Peak RSS of `pid`, sampled every 200 ms until stopped. */
function rssSampler(pid: number): { stop(): { peak: number | null; first: number | null; samples: number } } {
  let peak: number | null = null;
  let first: number | null = null;
  let samples = 0;
  const sample = () => {
    const mb = rssMb(pid);
    if (mb === null) return;
    first ??= mb;
    peak = Math.max(peak ?? 0, mb);
    samples++;
  };
  sample();
  const timer = setInterval(sample, 200);
  return {
    stop: () => {
      clearInterval(timer);
      sample();
      return { peak, first, samples };
    },
  };
}

// ─── The class ────────────────────────────────────────────────────────────────

const GAMES = 30;
const OVERALL_MS = 300_000;

interface Table {
  readonly game: CreatedGame;
  readonly seats: Record<SeatName, Device>;
}

async function seatClass(url: string, scenario: string, games: number): Promise<Table[]> {
  const made: CreatedGame[] = [];
  // One at a time: the API allows 60 new games a minute from one address.
  for (let i = 0; i < games; i++) made.push(await createGame(url, scenario));
  return Promise.all(made.map((game) => joinTable(url, game)));
}

async function joinTable(url: string, game: CreatedGame): Promise<Table> {
  const [tokyo, seoul, observer] = await Promise.all((['tokyo', 'seoul', 'observer'] as const).map((s) => joinSeat(url, game.code, game.keys[s])));
  return { game, seats: { tokyo: tokyo!, seoul: seoul!, observer: observer! } };
}

function closeAll(tables: readonly Table[]): void {
  for (const t of tables) for (const d of Object.values(t.seats)) d.close();
}

/**
 * One turn of one game, both teams sealing in the same tick (in a random order): the time from the
 * second seal sent to both team seats holding the view of the next turn.
 */
async function playTurn(scenario: Scenario, table: Table, random: () => number): Promise<number> {
  const { tokyo, seoul } = table.seats;
  const turn = tokyo.view().state.turn;
  const reports = tokyo.view().reports.length;
  const orders: Record<Side, SideOrders> = { tokyo: randomOrders(scenario, tokyo.view().state, 'tokyo', random), seoul: randomOrders(scenario, seoul.view().state, 'seoul', random) };
  const sides: Side[] = random() < 0.5 ? ['tokyo', 'seoul'] : ['seoul', 'tokyo'];
  for (const side of sides) table.seats[side].room.send(TO_SERVER.seal, { turn, orders: orders[side] });
  const sent = performance.now();
  const heard = await Promise.all([tokyo, seoul].map((d) => d.until(resolvedPast(reports), `${d.seat} hearing turn ${turn} resolved`)));
  return Math.max(...heard.map((h) => h.at)) - sent;
}

function p95(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)] ?? NaN;
}

/** Every game of `tables` played to its end, `pauseMs` (drawn per game and turn) before each turn's seals: each turn's time. */
async function playWhole(scenario: Scenario, tables: readonly Table[], seed: string, pauseMs: (random: () => number) => number): Promise<number[]> {
  const times: number[] = [];
  await Promise.all(
    tables.map(async (table, i) => {
      const random = seedrandom.alea(`${seed}/${i}`);
      while (!table.seats.tokyo.view().state.ending) {
        const pause = pauseMs(random);
        if (pause > 0) await sleep(pause);
        times.push(await playTurn(scenario, table, random));
      }
      // The observer heard the end too.
      await table.seats.observer.until((v) => v.state.ending !== null, 'the observer hearing the end');
    }),
  );
  return times;
}

const ms = (value: number): string => value.toFixed(1);
const median = (values: readonly number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

/**
 * Phase 1: a class of whole games in step — every game's teams sealing the moment the last turn is
 * heard, so all 30 resolve together (the budget's case, the worst a class can do) — then a second class
 * out of step (each game pausing 0–1 s before each turn, as teams do), with the server's memory and CPU
 * over both. The API makes at most 60 games a minute from one address: 2 × GAMES stays within it.
 */
async function playClass(dataDir: string, scenario: Scenario, track: (t: Table[]) => void): Promise<Measurement[]> {
  const server = await startServer(dataDir, 'bench-class');
  const memory = rssSampler(server.pid);
  try {
    const idle = rssMb(server.pid);
    /** The server's CPU over `play` alone (not the games' making and seating). */
    let cpu = 0;
    let playMs = 0;
    const counted = async <T>(play: () => Promise<T>): Promise<T> => {
      const [before, started] = [cpuMs(server.pid), performance.now()];
      const result = await play();
      const after = cpuMs(server.pid);
      cpu += before === null || after === null ? NaN : after - before;
      playMs += performance.now() - started;
      return result;
    };
    const inStep = await seatClass(server.url, scenario.id, GAMES);
    track(inStep);
    const playing = performance.now();
    const times = await counted(() => playWhole(scenario, inStep, 'bench-class', () => 0));
    const inStepMs = performance.now() - playing;
    closeAll(inStep);
    const outOfStep = await seatClass(server.url, scenario.id, GAMES);
    track(outOfStep);
    const relaxed = await counted(() => playWhole(scenario, outOfStep, 'bench-class-paced', (random) => random() * 1000));
    closeAll(outOfStep);
    const rss = memory.stop();
    const peak = Math.max(rss.peak ?? NaN, rssHighWaterMb(server.pid) ?? NaN);
    const clients = inStep.length * 3;
    const turns = times.length + relaxed.length;
    return [
      {
        key: 'class_turn_p95_ms',
        value: Number(ms(p95(relaxed))),
        unit: 'ms',
        target: '<= 50',
        detail:
          `${relaxed.length} turns of ${outOfStep.length} ${scenario.id} games (${clients} colyseus.js clients), each game's next turn 0–1 s after its last (about 30 turns a second, far busier than a class whose turns take minutes), ` +
          `second seal sent → both teams hold the next turn: median ${ms(median(relaxed))}, max ${ms(Math.max(...relaxed))} ms`,
      },
      {
        key: 'class_turn_in_step_p95_ms',
        value: Number(ms(p95(times))),
        unit: 'ms',
        target: 'report',
        detail:
          `the worst case: ${times.length} turns of ${inStep.length} games in step, all 30 games' teams sealing in the same instant, every turn (the server resolves them one after another): ` +
          `median ${ms(median(times))}, max ${ms(Math.max(...times))} ms, class played in ${(inStepMs / 1000).toFixed(1)} s`,
      },
      {
        key: 'class_server_rss_mb',
        value: Math.round(peak),
        unit: 'MB',
        target: '<= 250',
        detail: `server process peak resident memory (VmHWM, and VmRSS sampled every 200 ms: ${rss.samples} samples, peak ${Math.round(rss.peak ?? NaN)} MB) from start through both classes (${2 * GAMES} games, ${2 * clients} clients); ${Math.round(idle ?? NaN)} MB idle after start`,
      },
      {
        key: 'class_server_cpu_ms_per_turn',
        value: Number((cpu / turns).toFixed(2)),
        unit: 'ms',
        target: 'report',
        detail: `server utime+stime ${Math.round(cpu)} ms while both classes played (${turns} turns resolved, ${2 * clients} clients; their making and seating not counted) in ${(playMs / 1000).toFixed(1)} s of play`,
      },
    ];
  } finally {
    memory.stop();
    await server.kill();
  }
}

/**
 * Phase 2: a class one turn in, Tokyo's orders sealed and acknowledged in every game, the server
 * killed and started again on the same data; every seat rejoins. Counted: each game that is not back
 * at the same turn with Tokyo's orders as sealed (and that then does not resolve once Seoul seals).
 */
async function killMidTurn(dataDir: string, scenario: Scenario, track: (t: Table[]) => void): Promise<Measurement> {
  const first = await startServer(dataDir, 'bench-restart');
  let second: ServerProcess | undefined;
  try {
    const tables = await seatClass(first.url, scenario.id, GAMES);
    track(tables);
    const sealed = await Promise.all(
      tables.map(async (table, i) => {
        const random = seedrandom.alea(`bench-restart/${i}`);
        await playTurn(scenario, table, random);
        const { tokyo, seoul } = table.seats;
        const turn = tokyo.view().state.turn;
        const orders = randomOrders(scenario, tokyo.view().state, 'tokyo', random);
        tokyo.room.send(TO_SERVER.seal, { turn, orders });
        // Seoul hearing that Tokyo sealed is the server's word that the orders are stored.
        await seoul.until((v) => v.state.turn === turn && v.sealed.tokyo, `seoul hearing tokyo sealed turn ${turn}`);
        return { turn, orders, reports: tokyo.view().reports.length };
      }),
    );
    const killed = performance.now();
    await first.kill();
    closeAll(tables);
    second = await startServer(dataDir, 'bench-restart');
    const url = second.url;
    const problems: string[] = [];
    let lost = 0;
    let seats = 0;
    await Promise.all(
      tables.map(async (table, i) => {
        const { code } = table.game;
        const expected = sealed[i]!;
        let back: Table;
        try {
          back = await joinTable(url, table.game);
          seats += 3;
        } catch (e) {
          lost++;
          problems.push(`${code}: could not rejoin (${e instanceof Error ? e.message : String(e)})`);
          return;
        }
        track([back]);
        const view = back.seats.tokyo.view();
        if (view.state.turn !== expected.turn || view.reports.length !== expected.reports) {
          lost++;
          problems.push(`${code}: back at turn ${view.state.turn} with ${view.reports.length} reports, not turn ${expected.turn} with ${expected.reports}`);
        } else if (!view.sealed.tokyo || view.own === null || canonicalJson(view.own) !== canonicalJson(expected.orders)) {
          lost++;
          problems.push(`${code}: tokyo's sealed orders ${view.own === null ? 'are missing' : 'came back different'}`);
        } else {
          try {
            back.seats.seoul.room.send(TO_SERVER.seal, { turn: expected.turn, orders: randomOrders(scenario, back.seats.seoul.view().state, 'seoul', seedrandom.alea(`bench-restart/${i}/seoul`)) });
            await Promise.all([back.seats.tokyo, back.seats.seoul].map((d) => d.until(resolvedPast(expected.reports), `${d.seat} hearing turn ${expected.turn} resolved after the restart`)));
          } catch (e) {
            lost++;
            problems.push(`${code}: ${e instanceof Error ? e.message : String(e)}`);
          }
        }
      }),
    );
    const backMs = performance.now() - killed;
    return {
      key: 'class_orders_lost_after_kill',
      value: lost,
      unit: 'count',
      target: '= 0',
      detail: `${tables.length} games killed (SIGKILL) mid-turn with tokyo's orders acknowledged, restarted on the same SQLite file, ${seats} seats rejoined and the turns resolved ${(backMs / 1000).toFixed(1)} s after the kill; counted: games not back at the same turn, sealed orders missing or different, turns not resolving after${problems.length ? `; ${problems.slice(0, 3).join('; ')}` : ''}`,
    };
  } finally {
    await first.kill();
    await second?.kill();
  }
}

/**
 * Phase 3: an instructor's class of 30 games (every seat handed out by the class code) with its
 * dashboard open, the teams sealing 0–500 ms apart until every game ends: for each seal, the time
 * from the seal sent to the dashboard holding that game's summary showing it (sealed, or the turn on).
 */
async function dashboardLatency(dataDir: string, scenario: Scenario): Promise<Measurement> {
  const server = await startServer(dataDir, 'bench-dashboard');
  const devices: Device[] = [];
  let board: Dashboard | null = null;
  try {
    const made = await post(server.url, '/api/classes', { scenario: scenario.id, games: GAMES, turnSeconds: null, memo: { required: false, minLength: 0 } });
    if (made.status !== 201) throw new Error(`POST /api/classes answered ${made.status}: ${String(made.body.problem)}`);
    const theClass = made.body as unknown as CreatedClass;
    const seats = new Map<string, Partial<Record<Side, Device>>>();
    for (let i = 0; i < 2 * GAMES; i++) {
      const joined = await post(server.url, `/api/classes/${theClass.code}/join`, {});
      if (joined.status !== 200) throw new Error(`POST /api/classes/…/join answered ${joined.status}: ${String(joined.body.problem)}`);
      const seat = joined.body as unknown as ClassSeat;
      const device = await joinSeat(server.url, seat.game, seat.key);
      devices.push(device);
      seats.set(seat.game, { ...seats.get(seat.game), [seat.seat]: device });
    }
    const dash = await dashboard(server.url, theClass.code, theClass.instructorKey);
    board = dash;
    const times: number[] = [];
    const shown = (game: string, from: number, test: (g: GameSummary) => boolean, what: string) =>
      until(() => dash.heard.slice(from).find((h) => h.summary.code === game && test(h.summary)), `the dashboard showing ${what} in game ${game}`);
    await Promise.all(
      [...seats.entries()].map(async ([game, table], i) => {
        const random = seedrandom.alea(`bench-dashboard/${i}`);
        const tokyo = table.tokyo!;
        const seoul = table.seoul!;
        while (!tokyo.view().state.ending) {
          const turn = tokyo.view().state.turn;
          const reports = tokyo.view().reports.length;
          for (const side of ['tokyo', 'seoul'] as const) {
            await sleep(random() * 500);
            const device = table[side]!;
            const from = dash.heard.length;
            device.room.send(TO_SERVER.seal, { turn, orders: randomOrders(scenario, device.view().state, side, random) });
            const sent = performance.now();
            const seen = await shown(game, from, (g) => (side === 'tokyo' ? g.turn === turn && g.sealed.tokyo : g.turn > turn || g.ending !== null), `${side} sealing turn ${turn}`);
            times.push(seen.at - sent);
          }
          await Promise.all([tokyo, seoul].map((d) => d.until(resolvedPast(reports), `${d.seat} hearing turn ${turn} resolved`)));
        }
      }),
    );
    return {
      key: 'class_dashboard_p95_ms',
      value: Number(ms(p95(times))),
      unit: 'ms',
      target: '<= 200',
      detail: `${times.length} changes (each team's seal) in a class of ${seats.size} ${scenario.id} games with ${devices.length} team clients and the dashboard open, seals 0–500 ms apart per game: seal sent → the dashboard holds that game's summary showing it; median ${ms(median(times))}, max ${ms(Math.max(...times))} ms`,
    };
  } finally {
    await board?.room.leave().catch(() => undefined);
    for (const d of devices) d.close();
    await server.kill();
  }
}

/** The class server's figures: a class played whole, then a class killed mid-turn and started again, then an instructor's class with its dashboard. */
export async function classMeasurements(): Promise<Measurement[]> {
  const scenarios = loadShippedScenarios();
  const scenario = scenarios.get('tutorial') ?? [...scenarios.values()][0];
  if (!scenario) throw new Error('there is no shipped scenario to play');
  if (!existsSync('/proc/self/stat')) process.stderr.write('bench: no /proc here; the class server memory and CPU figures are left out (NaN)\n');
  const dataDir = mkdtempSync(join(tmpdir(), 'cyd-bench-class-'));
  const open: Table[] = [];
  const track = (t: Table[]) => void open.push(...t);
  let timer: NodeJS.Timeout | undefined;
  try {
    const work = (async () => [...(await playClass(dataDir, scenario, track)), await killMidTurn(dataDir, scenario, track), await dashboardLatency(dataDir, scenario)])();
    // Past the timeout it fails as its servers are killed: already said.
    work.catch(() => undefined);
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`the class bench did not finish within ${OVERALL_MS / 1000} s`)), OVERALL_MS);
    });
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
    closeAll(open);
    for (const child of children) if (!gone(child)) child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  }
}
