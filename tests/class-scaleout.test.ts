/**
 * Two class server processes, A and B (src/server/main.ts each, as its own process), sharing one
 * PostgreSQL schema (DATABASE_URL) and one Redis database (REDIS_URL, Colyseus's presence and driver):
 * a game made through either is played through the other, whichever process Colyseus puts its room
 * on. A device's seat is reserved through the process it asked, its WebSocket goes to the room's
 * owner (the owner's publicAddress). A killed with SIGKILL mid-turn: its game comes back on B, once
 * A's lease has run out, with the orders Tokyo was told were sealed, and plays on; a game living on B
 * goes on meanwhile for the devices that were matchmade through A.
 *
 * Isolation: a PostgreSQL schema of this run's own (dropped afterwards), and a Redis database other
 * than 0 (ioredis, under both Colyseus packages, reads it from the URL's path: redis://host:port/N),
 * flushed before and after. Redis's pub/sub channels are not per database; Colyseus names them by its
 * random process ids and the random game codes, so another run on the same Redis does not cross them.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import seedrandom from 'seedrandom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomOrders } from '../src/engine';
import type { Side } from '../src/engine/model';
import { TO_SERVER, type ClassView, type SeatName } from '../src/class/protocol';
import type { CreatedGame } from '../src/server/classApi';
import { loadShippedScenarios } from '../src/server/scenarios';
import { createGame, freePort, joinSeat, openGame, sleep, startServer, type Device, type ServerProcess } from '../tools/bench-class';
import { TO_CLASS, type ClassSeat, type CreatedClass } from '../src/class/instructor';
import { callApi, dashboard, until } from '../src/server/testing';

const PG_URL = process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
const REDIS_URL = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
/** Short, so the test waits little for a killed process's lease; renewed every LEASE_MS / 3. */
const LEASE_MS = 3_000;

const scenario = loadShippedScenarios().get('tutorial')!;
const dir = mkdtempSync(join(tmpdir(), 'cyd-class-scaleout-'));
const schema = `cyd_scaleout_${randomBytes(6).toString('hex')}`;
const devices: Device[] = [];
const servers: Record<'a' | 'b', ServerProcess | undefined> = { a: undefined, b: undefined };
let admin: pg.Client | undefined;
let redisDb: { url: URL; db: number } | undefined;

// ─── Redis, spoken directly (a few commands; no client library of our own) ───

/** Sends `commands` on one connection to the Redis of `url`; each answer's line (`+OK`, `:3`). An error answer fails. */
function redis(url: URL, commands: readonly (readonly string[])[]): Promise<string[]> {
  const encode = (command: readonly string[]) => `*${command.length}\r\n${command.map((a) => `$${Buffer.byteLength(a)}\r\n${a}\r\n`).join('')}`;
  return new Promise((resolve, reject) => {
    const socket = connect({ host: url.hostname, port: Number(url.port || 6379) });
    let text = '';
    const fail = (error: Error) => {
      socket.destroy();
      reject(new Error(`Redis at ${url.host} (${commands.map((c) => c[0]).join(', ')}): ${error.message}. .ci/run starts one on 127.0.0.1:6379; or set TEST_REDIS_URL.`));
    };
    socket.setTimeout(5_000, () => fail(new Error('no answer within 5 s')));
    socket.on('error', fail);
    socket.on('connect', () => socket.write(commands.map(encode).join('')));
    socket.on('data', (chunk: Buffer) => {
      text += chunk.toString('utf8');
      const lines = text.split('\r\n').slice(0, -1);
      if (lines.length < commands.length) return;
      socket.end();
      const refused = lines.find((l) => l.startsWith('-'));
      if (refused) fail(new Error(refused.slice(1)));
      else resolve(lines.slice(0, commands.length));
    });
  });
}

/** A Redis database other than 0 for this run: the URL's own, or an empty one of 1–15 drawn at random. */
async function chooseRedisDb(): Promise<{ url: URL; db: number }> {
  const base = new URL(REDIS_URL);
  const named = Number(base.pathname.slice(1) || 0);
  const candidates = named > 0 ? [named] : Array.from({ length: 15 }, (_, i) => i + 1).sort(() => Math.random() - 0.5);
  for (const db of candidates) {
    const [, size] = await redis(base, [['SELECT', String(db)], ['DBSIZE']]);
    if (named > 0 || size === ':0') {
      const url = new URL(base);
      url.pathname = `/${db}`;
      return { url, db };
    }
  }
  throw new Error(`Redis at ${base.host} has no empty database among 1–15 for this test; name one in TEST_REDIS_URL (redis://host:port/N), which it flushes.`);
}

const flushRedis = (r: { url: URL; db: number }) => redis(r.url, [['SELECT', String(r.db)], ['FLUSHDB']]);

// ─── The two processes ─────────────────────────────────────────────────────────

function withSearchPath(url: string, name: string): string {
  const u = new URL(url);
  u.searchParams.set('options', `-c search_path=${name}`);
  return u.toString();
}

const NAMES = { a: 'scaleout-a', b: 'scaleout-b' } as const;

/**
 * A server of the pair, on a port of its own: with REDIS_URL, main.ts advertises `--port` as the address
 * devices' WebSockets go to, so `--port 0` (startServer's default) would send them to port 0. A port
 * taken between the probe and the start is tried again.
 */
async function startOne(which: 'a' | 'b', env: Readonly<Record<string, string>>): Promise<ServerProcess> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startServer(dir, NAMES[which], 30_000, null, { port: await freePort(), env: { ...env, CLASS_PROCESS: NAMES[which] } });
    } catch (e) {
      if (attempt >= 3 || !(e instanceof Error && e.message.includes('EADDRINUSE'))) throw e;
    }
  }
}

function server(which: 'a' | 'b'): ServerProcess {
  const s = servers[which];
  if (!s) throw new Error(`server ${which.toUpperCase()} did not start`);
  return s;
}

/** The process (a or b) holding `code`'s lease in the store, which is where its room lives. */
async function owner(code: string): Promise<'a' | 'b' | null> {
  const result = await admin!.query<{ owner: string | null }>(`select owner from ${schema}.games where code = $1`, [code]);
  const name = result.rows[0]?.owner ?? null;
  return name === NAMES.a ? 'a' : name === NAMES.b ? 'b' : null;
}

/** Where a device's WebSocket went: host:port and the path's room id. */
function socketOf(device: Device): { host: string; roomId: string } {
  const transport = device.room.connection.transport as unknown as { ws?: { url?: string } };
  const raw = transport.ws?.url;
  if (!raw) throw new Error('the device has no WebSocket URL to check');
  const url = new URL(raw);
  return { host: url.host, roomId: url.pathname.split('/').at(-1) ?? '' };
}

async function seat(via: 'a' | 'b', game: CreatedGame, side: SeatName): Promise<Device> {
  const s = server(via);
  try {
    const device = await joinSeat(s.url, game.code, game.keys[side]);
    devices.push(device);
    return device;
  } catch (e) {
    throw new Error(`game ${game.code}: ${side} joining through ${via.toUpperCase()} failed: ${e instanceof Error ? e.message : String(e)}\n--- ${via.toUpperCase()}'s output ---\n${s.output()}`, {
      cause: e,
    });
  }
}

/** Every device's WebSocket went to the process whose lease holds the game, at that game's room. */
async function expectConnectedToOwner(game: CreatedGame, seated: readonly Device[]): Promise<'a' | 'b'> {
  const where = await owner(game.code);
  expect(where, `game ${game.code}: a process holds its lease once its room is open`).not.toBeNull();
  const host = new URL(server(where!).url).host;
  for (const d of seated) expect(socketOf(d), `game ${game.code}: ${d.seat}'s WebSocket goes to the room's process (${where!.toUpperCase()})`).toEqual({ host, roomId: game.code });
  return where!;
}

/** A view past `turn`: the turn has resolved. */
const pastTurn =
  (turn: number) =>
  (view: ClassView): boolean =>
    view.state.turn > turn;

/** Both teams seal random legal orders; both hear the turn resolve. The turn it was. */
async function playTurn(tokyo: Device, seoul: Device, seed: string, what: string): Promise<number> {
  const random = seedrandom.alea(seed);
  const turn = tokyo.view().state.turn;
  for (const d of [tokyo, seoul]) d.room.send(TO_SERVER.seal, { turn, orders: randomOrders(scenario, d.view().state, d.seat as Side, random) });
  await Promise.all([tokyo, seoul].map((d) => d.until(pastTurn(turn), `${what}: ${d.seat} hearing turn ${turn} resolved`)));
  return turn;
}

beforeAll(async () => {
  admin = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 5000 });
  try {
    await admin.connect();
  } catch (error) {
    admin = undefined;
    throw new Error(`PostgreSQL is not reachable at ${PG_URL} (${(error as Error).message}). .ci/run starts one; or set TEST_DATABASE_URL.`, { cause: error });
  }
  await admin.query(`create schema ${schema}`);
  redisDb = await chooseRedisDb();
  await flushRedis(redisDb);
  const env = { DATABASE_URL: withSearchPath(PG_URL, schema), REDIS_URL: redisDb.url.toString(), CLASS_LEASE_MS: String(LEASE_MS) };
  // One after the other: each makes the store's tables at its start.
  servers.a = await startOne('a', env);
  servers.b = await startOne('b', env);
}, 75_000);

afterAll(async () => {
  for (const d of devices) d.close();
  await servers.a?.kill();
  await servers.b?.kill();
  if (redisDb) await flushRedis(redisDb);
  if (admin) {
    await admin.query(`drop schema if exists ${schema} cascade`);
    await admin.end();
  }
  rmSync(dir, { recursive: true, force: true });
});

describe('two class server processes sharing PostgreSQL and Redis', () => {
  it('play a game made through either process through the other, each WebSocket going to the room’s process', { timeout: 40_000 }, async () => {
    const cases = [
      { made: 'a', teams: 'b', watcher: 'a' },
      { made: 'b', teams: 'a', watcher: 'b' },
    ] as const;
    await Promise.all(
      cases.map(async ({ made, teams, watcher }, i) => {
        const game = await createGame(server(made).url, scenario.id);
        // The teams open and join through the other process; the observer through the one that made it,
        // so whichever process Colyseus puts the room on, one device is matchmade by the process without it.
        const tokyo = await seat(teams, game, 'tokyo');
        const seoul = await seat(teams, game, 'seoul');
        const observer = await seat(watcher, game, 'observer');
        const where = await expectConnectedToOwner(game, [tokyo, seoul, observer]);
        console.log(
          `class-scaleout: game ${game.code} made through ${made.toUpperCase()}, teams through ${teams.toUpperCase()}, observer through ${watcher.toUpperCase()}: room on ${where.toUpperCase()}`,
        );
        const turn = await playTurn(tokyo, seoul, `scaleout/${i}`, `game ${game.code} (made through ${made.toUpperCase()}, teams through ${teams.toUpperCase()})`);
        await observer.until(pastTurn(turn), `game ${game.code}: the observer hearing turn ${turn} resolved`);
      }),
    );
  });

  it('show a class’s dashboard on one process every game of the class on either, and carry its actions to them', { timeout: 45_000 }, async () => {
    const made = await callApi(server('a').url, '/api/classes', { scenario: scenario.id, games: 4, turnSeconds: null, memo: { required: false, minLength: 0 } });
    expect(made.status).toBe(201);
    const theClass = made.body as unknown as CreatedClass;
    // The games' rooms opened one a second (each process publishes its room count at most once a second), so Colyseus spreads them over both.
    for (const [i, game] of theClass.games.entries()) {
      await openGame(server(i % 2 === 0 ? 'a' : 'b').url, game);
      await sleep(1_100);
    }
    const places = await Promise.all(theClass.games.map((g) => owner(g)));
    expect(new Set(places), 'the class’s games live on both processes').toEqual(new Set(['a', 'b']));
    const board = await dashboard(server('b').url, theClass.code, theClass.instructorKey);
    expect(board.picture.games).toHaveLength(4);
    // Every seat handed out through one process or the other; the teams' rooms go where Colyseus puts them.
    const teams: { seat: ClassSeat; device: Device }[] = [];
    for (let i = 0; i < 8; i++) {
      const via = i % 2 === 0 ? 'a' : 'b';
      const seat = (await callApi(server(via).url, `/api/classes/${theClass.code}/join`, {})).body as unknown as ClassSeat;
      const device = await joinSeat(server(via).url, seat.game, seat.key);
      devices.push(device);
      teams.push({ seat, device });
    }
    console.log(`class-scaleout: class ${theClass.code}'s games' rooms on ${places.map((p) => p?.toUpperCase()).join(', ')}; its dashboard opened through B`);
    for (const t of teams.filter((x) => x.seat.seat === 'tokyo')) t.device.room.send(TO_SERVER.seal, { turn: t.device.view().state.turn, orders: { decisions: [] } });
    await until(() => theClass.games.every((g) => board.game(g).sealed.tokyo), 'the dashboard hearing every game’s Tokyo seal', 10_000);
    board.room.send(TO_CLASS.act, { games: 'all', action: { kind: 'pause' } });
    const acted = await until(() => board.acted[0], 'the pause’s results', 10_000);
    expect(acted.results.map((r) => r.problem)).toEqual([null, null, null, null]);
    await Promise.all(teams.map((t) => t.device.until((v) => v.paused, `game ${t.seat.game}: ${t.seat.seat} hearing the pause`)));
    await board.room.leave();
    // Gone, so the next test's games are placed by Colyseus as if this class had not been.
    for (const t of teams) t.device.close();
    await sleep(1_100);
  });

  it('bring a killed process’s game back on the other at the same turn with its sealed orders, and play on', { timeout: 45_000 }, async () => {
    // Colyseus puts a new room on the process with the fewest: games are made and opened until one lives on each.
    const placed: Partial<Record<'a' | 'b', CreatedGame>> = {};
    for (let attempt = 0; attempt < 6 && !(placed.a && placed.b); attempt++) {
      const game = await createGame(server('a').url, scenario.id);
      await openGame(server('b').url, game.code);
      const where = await owner(game.code);
      if (where) placed[where] ??= game;
      // Each process publishes its room count at most once a second.
      await sleep(1_100);
    }
    if (!placed.a || !placed.b) throw new Error(`after 6 games Colyseus had not put one room on each process (${JSON.stringify(Object.keys(placed))})`);
    const doomed = placed.a;
    const survivor = placed.b;

    // The game on A: teams through B. The game on B: teams through A, whose death it must not notice.
    const [tokyo, seoul] = [await seat('b', doomed, 'tokyo'), await seat('b', doomed, 'seoul')];
    const [farTokyo, farSeoul] = [await seat('a', survivor, 'tokyo'), await seat('a', survivor, 'seoul')];
    expect(await expectConnectedToOwner(doomed, [tokyo, seoul])).toBe('a');
    expect(await expectConnectedToOwner(survivor, [farTokyo, farSeoul])).toBe('b');
    const first = await playTurn(tokyo, seoul, 'scaleout/doomed/1', `game ${doomed.code} on A`);
    const turn = tokyo.view().state.turn;
    expect(turn).toBeGreaterThan(first);
    const orders = randomOrders(scenario, tokyo.view().state, 'tokyo', seedrandom.alea('scaleout/doomed/2'));
    tokyo.room.send(TO_SERVER.seal, { turn, orders });
    // Seoul hearing that Tokyo sealed is the server's word that the orders are stored.
    await seoul.until((v) => v.state.turn === turn && v.sealed.tokyo, `game ${doomed.code}: seoul hearing that tokyo sealed turn ${turn}`);

    const killed = performance.now();
    await server('a').kill();
    for (const d of [tokyo, seoul]) d.close();

    const [back] = await Promise.all([
      (async () => {
        // The teams rejoin through B: its open waits out A's lease (409, retried) and finds A's stale room listing gone.
        const t = await seat('b', doomed, 'tokyo');
        const s = await seat('b', doomed, 'seoul');
        return { tokyo: t, seoul: s, ms: performance.now() - killed };
      })(),
      // Meanwhile the game on B plays on for the devices matchmade through A: their sockets were never A's.
      playTurn(farTokyo, farSeoul, 'scaleout/survivor', `game ${survivor.code} on B after A was killed`),
    ]);
    expect(await expectConnectedToOwner(doomed, [back.tokyo, back.seoul])).toBe('b');
    const view = back.tokyo.view();
    expect(view.state.turn, `game ${doomed.code}'s turn on B`).toBe(turn);
    expect(view.sealed, `game ${doomed.code}'s seals on B`).toEqual({ tokyo: true, seoul: false });
    expect(view.own, `game ${doomed.code}: tokyo's orders on B`).toEqual(orders);
    expect(back.seoul.view().sealed.tokyo).toBe(true);
    expect(back.seoul.view().own).toBeNull();

    back.seoul.room.send(TO_SERVER.seal, { turn, orders: randomOrders(scenario, back.seoul.view().state, 'seoul', seedrandom.alea('scaleout/doomed/seoul')) });
    const heard = await Promise.all([back.tokyo, back.seoul].map((d) => d.until(pastTurn(turn), `game ${doomed.code}: ${d.seat} hearing turn ${turn} resolved on B`)));
    for (const { view: after } of heard) expect(after.sealed, `game ${doomed.code}: the seals of the turn after`).toEqual({ tokyo: false, seoul: false });
    console.log(`class-scaleout: game ${doomed.code} back on B and rejoined ${(back.ms / 1000).toFixed(1)} s after A was killed (lease ${LEASE_MS} ms)`);
  });
});
