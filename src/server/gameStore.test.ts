/**
 * The class games' store, the same behaviour on both databases it speaks: a real SQLite file and a real
 * PostgreSQL server (TEST_DATABASE_URL; each test gets a schema of its own, dropped afterwards). What was
 * written comes back after the store is reopened, and a lease goes to one process at a time.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import seedrandom from 'seedrandom';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { newGame, randomOrders, resolveTurn, stateHash } from '../engine';
import { GameStore, type NewGame } from './gameStore';
import { loadShippedScenarios } from './scenarios';

const GAME: NewGame = { code: 'ACDEFG', scenario: 'tutorial', seed: 'store/1', seats: { tokyo: 'hash-t', seoul: 'hash-s', observer: 'hash-o' }, createdAt: 1_700_000_000_000, turnSeconds: null };
const PG_URL = process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';

/** One database per test; `open` may be called again to reopen the same one. */
interface Backend {
  open(): Promise<GameStore>;
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cyd-store-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Stores a test opened, closed after it even when it fails midway (closing twice is harmless). */
const opened: GameStore[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((s) => s.close()));
});
async function track(store: Promise<GameStore>): Promise<GameStore> {
  opened.push(await store);
  return opened.at(-1)!;
}

const sqlite: Backend = { open: () => track(GameStore.sqlite(join(dir, 'class.sqlite'))) };

let schemaUrl = '';
const postgres: Backend = { open: () => track(GameStore.postgres(schemaUrl)) };

function withSearchPath(url: string, schema: string): string {
  const u = new URL(url);
  u.searchParams.set('options', `-c search_path=${schema}`);
  return u.toString();
}

describe('on PostgreSQL', () => {
  let admin: pg.Client;
  let schema = '';
  beforeAll(async () => {
    admin = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 5000 });
    try {
      await admin.connect();
    } catch (error) {
      throw new Error(
        `PostgreSQL is not reachable at ${PG_URL} (${(error as Error).message}). .ci/run starts one; by hand, e.g. \`pg_ctlcluster 15 main start\` with trust auth for 127.0.0.1 and \`createdb test\`, or set TEST_DATABASE_URL to another server.`,
        { cause: error },
      );
    }
  });
  afterAll(async () => {
    await admin?.end();
  });
  beforeEach(async () => {
    schema = `cyd_test_${randomBytes(6).toString('hex')}`;
    await admin.query(`create schema ${schema}`);
    schemaUrl = withSearchPath(PG_URL, schema);
  });
  afterEach(async () => {
    // The outer hook closing the stores runs after this one; close them before their schema goes.
    await Promise.all(opened.splice(0).map((s) => s.close()));
    await admin.query(`drop schema if exists ${schema} cascade`);
  });

  behaves(postgres);

  it('keeps the tables in the schema the URL names, and GameStore.open picks PostgreSQL for a postgres:// URL', async () => {
    const file = join(dir, 'unused.sqlite');
    const store = await track(GameStore.open(schemaUrl, file));
    await store.createGame(GAME);
    expect(existsSync(file)).toBe(false);
    const { rows } = await admin.query<{ table_name: string }>('select table_name from information_schema.tables where table_schema = $1 order by table_name', [schema]);
    expect(rows.map((r) => r.table_name)).toEqual(['actions', 'answers', 'classes', 'games', 'memos', 'sealed', 'turns']);
    expect((await (await postgres.open()).load(GAME.code))?.createdAt).toBe(GAME.createdAt);
  });
});

describe('on SQLite', () => {
  behaves(sqlite);

  it('keeps the file in WAL mode (a setting the file keeps), and GameStore.open picks the file without a URL', async () => {
    const file = join(dir, 'class.sqlite');
    const store = await GameStore.open(undefined, file);
    await store.createGame(GAME);
    await store.close();
    const raw = new Database(file, { readonly: true });
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    raw.close();
    expect((await (await sqlite.open()).load(GAME.code))?.code).toBe(GAME.code);
  });
});

function behaves(backend: Backend): void {
  it('keeps a game, its sealed orders and its resolved turns across a reopen', async () => {
    const scenario = loadShippedScenarios().get('tutorial')!;
    const store = await backend.open();
    await store.createGame(GAME);
    const random = seedrandom.alea('store/players');
    let state = newGame(scenario, GAME.seed);
    const played = [];
    for (let i = 0; i < 3 && !state.ending; i++) {
      const orders = { tokyo: randomOrders(scenario, state, 'tokyo', random), seoul: randomOrders(scenario, state, 'seoul', random) };
      await store.seal(GAME.code, state.turn, 'tokyo', orders.tokyo);
      const next = resolveTurn(scenario, state, orders);
      const turn = { turn: state.turn, orders, stateHash: stateHash(next.state), snapshot: next.state };
      await store.recordTurn(GAME.code, turn, next.state.ending !== null);
      played.push(turn);
      state = next.state;
    }
    // Mid-turn: one side has sealed, then changed its mind, then sealed again.
    const mine = randomOrders(scenario, state, 'seoul', random);
    await store.seal(GAME.code, state.turn, 'seoul', { decisions: [] });
    await store.seal(GAME.code, state.turn, 'seoul', mine);
    await store.close();

    const reopened = await backend.open();
    const game = await reopened.load(GAME.code);
    expect(game).toMatchObject({ ...GAME, ended: false });
    expect(game!.turns).toEqual(played);
    expect(game!.sealed).toEqual({ seoul: { turn: state.turn, orders: mine } });
    expect(stateHash(game!.turns.at(-1)!.snapshot)).toBe(stateHash(state));
    await reopened.unseal(GAME.code, 'seoul');
    expect((await reopened.load(GAME.code))!.sealed).toEqual({});
    expect(await reopened.load('NOSUCH')).toBeNull();
  });

  it('refuses a code already taken, and a turn recorded twice', async () => {
    const store = await backend.open();
    await store.createGame(GAME);
    await expect(store.createGame({ ...GAME, seed: 'other' })).rejects.toThrow(/unique/i);
    const scenario = loadShippedScenarios().get('tutorial')!;
    const state = newGame(scenario, GAME.seed);
    const turn = { turn: 1, orders: { tokyo: { decisions: [] }, seoul: { decisions: [] } }, stateHash: stateHash(state), snapshot: state };
    await store.recordTurn(GAME.code, turn, false);
    await expect(store.recordTurn(GAME.code, turn, false)).rejects.toThrow(/unique/i);
    expect((await store.load(GAME.code))!.turns).toHaveLength(1);
  });

  it('leases a game to one process at a time, and lists the games whose lease ran out', async () => {
    const store = await backend.open();
    await store.createGame(GAME);
    await store.createGame({ ...GAME, code: 'HJKMNP' });
    expect(await store.orphans(1000)).toEqual(['ACDEFG', 'HJKMNP']);
    expect(await store.lease('ACDEFG', 'process-a', 1000, 500)).toBe(true);
    expect(await store.lease('ACDEFG', 'process-b', 1200, 500)).toBe(false);
    expect(await store.lease('ACDEFG', 'process-a', 1200, 500)).toBe(true);
    expect(await store.orphans(1300)).toEqual(['HJKMNP']);
    // Process a stops renewing (killed): once its lease has run out, b may take the game.
    expect(await store.orphans(1800)).toEqual(['ACDEFG', 'HJKMNP']);
    expect(await store.lease('ACDEFG', 'process-b', 1800, 500)).toBe(true);
    await store.release('ACDEFG', 'process-a');
    expect(await store.lease('ACDEFG', 'process-a', 1900, 500)).toBe(false);
    await store.release('ACDEFG', 'process-b');
    expect(await store.lease('ACDEFG', 'process-a', 1900, 500)).toBe(true);
  });

  it('gives a game to exactly one of two processes that lease it at the same moment', async () => {
    // Two stores, as two processes would have: on PostgreSQL two pools, so the updates really race.
    const a = await backend.open();
    const b = await backend.open();
    const codes = Array.from({ length: 20 }, (_, i) => `RACE${String(i).padStart(2, '0')}`);
    for (const code of codes) await a.createGame({ ...GAME, code });
    const won = await Promise.all(codes.map(async (code) => Promise.all([a.lease(code, 'process-a', 1000, 500), b.lease(code, 'process-b', 1000, 500)])));
    for (const [i, [byA, byB]] of won.entries()) {
      expect(byA !== byB, `${codes[i]}: a ${byA}, b ${byB}`).toBe(true);
      // The loser stays refused until the winner's lease runs out.
      const [winner, loser] = byA ? [a, b] : [b, a];
      expect(await loser.lease(codes[i]!, byA ? 'process-b' : 'process-a', 1400, 500)).toBe(false);
      expect(await winner.lease(codes[i]!, byA ? 'process-a' : 'process-b', 1400, 500)).toBe(true);
    }
  });

  it('stops listing a game once it has ended', async () => {
    const store = await backend.open();
    await store.createGame(GAME);
    const scenario = loadShippedScenarios().get('tutorial')!;
    const state = newGame(scenario, GAME.seed);
    await store.recordTurn(GAME.code, { turn: 1, orders: { tokyo: { decisions: [] }, seoul: { decisions: [] } }, stateHash: stateHash(state), snapshot: state }, true);
    expect(await store.orphans(Number.MAX_SAFE_INTEGER)).toEqual([]);
    expect((await store.load(GAME.code))!.ended).toBe(true);
  });
}
