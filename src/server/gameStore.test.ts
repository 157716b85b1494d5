/** The class games' store, on a real SQLite file: what was written comes back after the file is reopened. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import seedrandom from 'seedrandom';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newGame, randomOrders, resolveTurn, stateHash } from '../engine';
import { GameStore, type NewGame } from './gameStore';
import { loadShippedScenarios } from './scenarios';

const GAME: NewGame = { code: 'ACDEFG', scenario: 'tutorial', seed: 'store/1', seats: { tokyo: 'hash-t', seoul: 'hash-s', observer: 'hash-o' }, createdAt: 1_700_000_000_000 };

let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cyd-store-'));
  file = join(dir, 'class.sqlite');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the class games store (SQLite)', () => {
  it('keeps a game, its sealed orders and its resolved turns across a reopen, in WAL mode', async () => {
    const scenario = loadShippedScenarios().get('tutorial')!;
    const store = await GameStore.sqlite(file);
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

    // The file itself is in WAL mode (a setting the file keeps), read without the store.
    const raw = new Database(file, { readonly: true });
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    raw.close();
    const reopened = await GameStore.sqlite(file);
    const game = await reopened.load(GAME.code);
    expect(game).toMatchObject({ ...GAME, ended: false });
    expect(game!.turns).toEqual(played);
    expect(game!.sealed).toEqual({ seoul: { turn: state.turn, orders: mine } });
    expect(stateHash(game!.turns.at(-1)!.snapshot)).toBe(stateHash(state));
    await reopened.unseal(GAME.code, 'seoul');
    expect((await reopened.load(GAME.code))!.sealed).toEqual({});
    expect(await reopened.load('NOSUCH')).toBeNull();
    await reopened.close();
  });

  it('refuses a code already taken, and a turn recorded twice', async () => {
    const store = await GameStore.sqlite(file);
    await store.createGame(GAME);
    await expect(store.createGame({ ...GAME, seed: 'other' })).rejects.toThrow(/UNIQUE/);
    const scenario = loadShippedScenarios().get('tutorial')!;
    const state = newGame(scenario, GAME.seed);
    const turn = { turn: 1, orders: { tokyo: { decisions: [] }, seoul: { decisions: [] } }, stateHash: stateHash(state), snapshot: state };
    await store.recordTurn(GAME.code, turn, false);
    await expect(store.recordTurn(GAME.code, turn, false)).rejects.toThrow(/UNIQUE/);
    expect((await store.load(GAME.code))!.turns).toHaveLength(1);
    await store.close();
  });

  it('leases a game to one process at a time, and lists the games whose lease ran out', async () => {
    const store = await GameStore.sqlite(file);
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
    await store.close();
  });

  it('stops listing a game once it has ended', async () => {
    const store = await GameStore.sqlite(file);
    await store.createGame(GAME);
    const scenario = loadShippedScenarios().get('tutorial')!;
    const state = newGame(scenario, GAME.seed);
    await store.recordTurn(GAME.code, { turn: 1, orders: { tokyo: { decisions: [] }, seoul: { decisions: [] } }, stateHash: stateHash(state), snapshot: state }, true);
    expect(await store.orphans(Number.MAX_SAFE_INTEGER)).toEqual([]);
    expect((await store.load(GAME.code))!.ended).toBe(true);
    await store.close();
  });
});
