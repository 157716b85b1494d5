/**
 * The class server on 127.0.0.1 with real colyseus.js clients: two teams and an observer play, and
 * what each device hears is only what its seat may know. Colyseus's matchmaker is one per process,
 * so this file runs one server for all its tests.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import seedrandom from 'seedrandom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomOrders } from '../engine';
import { TO_SERVER } from '../class/protocol';
import { startClassServer, type RunningClassServer } from './classServer';
import type { CreatedGame } from './classApi';
import { GameStore } from './gameStore';
import { loadShippedScenarios } from './scenarios';
import { callApi, refusalAfter, seatDevice, type Device } from './testing';

const scenarios = loadShippedScenarios();
let dir: string;
let store: GameStore;
let server: RunningClassServer;
const logs: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cyd-class-'));
  store = await GameStore.sqlite(join(dir, 'class.sqlite'));
  server = await startClassServer({ store, scenarios, siteRoot: null, host: '127.0.0.1', port: 0, owner: 'test', reconnectSeconds: 2, timerGraceMs: 300, log: (l) => logs.push(l) });
});
afterAll(async () => {
  await server.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const api = (path: string, body?: unknown) => callApi(server.url, path, body);

async function newClassGame(scenario = 'tutorial'): Promise<CreatedGame> {
  const made = await api('/api/games', { scenario });
  expect(made.status).toBe(201);
  return made.body as unknown as CreatedGame;
}

async function joinSeat(code: string, key: string, takeover = false): Promise<Device> {
  expect((await api(`/api/games/${code}/open`, {})).status).toBe(200);
  return seatDevice(server.url, code, key, takeover);
}

describe('the class server', () => {
  it('says it is one, and makes games with a code and three different keys', async () => {
    const info = await api('/api/class');
    expect(info.body.scenarios).toContain('tutorial');
    const game = await newClassGame();
    expect(game.code).toMatch(/^[34679ACDEFGHJKMNPQRTUVWXY]{6}$/);
    expect(new Set(Object.values(game.keys)).size).toBe(3);
    expect((await api('/api/games', { scenario: 'no-such' })).status).toBe(400);
    expect((await api('/api/games/AAAAAA/open', {})).status).toBe(404);
  });

  it('plays a whole game between two teams and an observer, each hearing only its own seat', async () => {
    const game = await newClassGame();
    const tokyo = await joinSeat(game.code, game.keys.tokyo);
    const seoul = await joinSeat(game.code, game.keys.seoul);
    const observer = await joinSeat(game.code, game.keys.observer);
    expect(tokyo.views.at(-1)!.seat).toBe('tokyo');
    expect(observer.views.at(-1)!.seat).toBe('observer');
    const scenario = scenarios.get('tutorial')!;
    const random = seedrandom.alea('class/players');
    let view = tokyo.views.at(-1)!;
    while (!view.state.ending) {
      const turn = view.state.turn;
      const tokyoOrders = randomOrders(scenario, tokyo.views.at(-1)!.state, 'tokyo', random);
      const seoulOrders = randomOrders(scenario, seoul.views.at(-1)!.state, 'seoul', random);
      const seoulHeard = seoul.views.length;
      tokyo.room.send(TO_SERVER.seal, { turn, orders: tokyoOrders });
      // Seoul hears that Tokyo sealed, never what.
      const told = await seoul.nextView(seoulHeard);
      expect(told.sealed).toEqual({ tokyo: true, seoul: false });
      expect(JSON.stringify(seoul.views)).not.toContain('"own":{');
      const reported = view.reports.length;
      seoul.room.send(TO_SERVER.seal, { turn, orders: seoulOrders });
      do view = await tokyo.nextView();
      while (view.reports.length === reported);
      expect(view.reports).toHaveLength(reported + 1);
      expect(view.sealed).toEqual({ tokyo: false, seoul: false });
    }
    // Every device heard the end; none of them ever held the seed or the generator.
    // After the first, a view brings only the reports the device has not had.
    expect(
      Math.max(
        ...tokyo.partial
          .slice(1)
          .filter((v) => !v.state.ending)
          .map((v) => v.reports.length),
      ),
    ).toBe(1);
    // The end reveals the whole past to every seat, as the debrief does: the true state, both sides' polls, every change.
    const end = tokyo.partial.at(-1)!;
    expect(end.reportsFrom).toBe(0);
    expect(end.states).toHaveLength(end.reports.length + 1);
    expect(Object.keys(end.state.polls.seoul).length).toBeGreaterThan(0);
    const stored = (await store.load(game.code))!;
    expect(stored.ended).toBe(true);
    for (const device of [tokyo, seoul, observer]) {
      const last = await device.nextView(device.views.length - 1);
      expect(last.state.ending).not.toBeNull();
      expect(JSON.stringify(device.views)).not.toContain(stored.seed);
    }
    for (const d of [tokyo, seoul, observer]) await d.room.leave();
  });

  it('refuses bad, late, foreign and hurried messages with a reason, and changes nothing', async () => {
    const game = await newClassGame();
    const tokyo = await joinSeat(game.code, game.keys.tokyo);
    const observer = await joinSeat(game.code, game.keys.observer);
    const turn = tokyo.views.at(-1)!.state.turn;
    expect((await refusalAfter(tokyo, () => tokyo.room.send(TO_SERVER.seal, { turn: turn + 1, orders: { decisions: [] } }))).problem).toMatch(/turn/);
    expect((await refusalAfter(tokyo, () => tokyo.room.send(TO_SERVER.seal, { turn, orders: { decisions: ['no-such-decision'] } }))).problem).toMatch(/no-such-decision/);
    expect((await refusalAfter(tokyo, () => tokyo.room.send(TO_SERVER.seal, { turn, orders: { decisions: 'all' } }))).problem).toMatch(/form/);
    expect((await refusalAfter(tokyo, () => tokyo.room.send(TO_SERVER.seal, { turn, orders: { decisions: [] }, extra: 'x'.repeat(1000) }))).problem).toMatch(/form/);
    expect((await refusalAfter(tokyo, () => tokyo.room.send('fire', { event: 'x' }))).problem).toMatch(/does not know/);
    expect((await refusalAfter(observer, () => observer.room.send(TO_SERVER.seal, { turn, orders: { decisions: [] } }))).problem).toMatch(/observer/i);
    const stored = await store.load(game.code);
    expect(stored!.sealed).toEqual({});
    // A burst past the rate is refused, not queued.
    for (let i = 0; i < 30; i++) tokyo.room.send(TO_SERVER.view);
    await new Promise((r) => setTimeout(r, 500));
    expect(tokyo.refusals.some((r) => /Too many messages/.test(r.problem))).toBe(true);
    for (const d of [tokyo, observer]) await d.room.leave();
  });

  it('changes nothing and stays up for any message of any type a device sends', async () => {
    const game = await newClassGame();
    const tokyo = await joinSeat(game.code, game.keys.tokyo);
    const before = tokyo.views.at(-1)!.state;
    const junk = fc.sample(fc.tuple(fc.constantFrom(TO_SERVER.seal, TO_SERVER.unseal, TO_SERVER.view, 'fire', 'adjust', 'x'.repeat(200)), fc.anything()), { numRuns: 60, seed: 13 });
    for (const [type, payload] of junk) {
      try {
        tokyo.room.send(type, payload);
      } catch {
        // Some values cannot even be encoded by the client; the rest reach the server.
      }
    }
    await new Promise((r) => setTimeout(r, 6_000));
    const stored = (await store.load(game.code))!;
    expect(stored.turns).toEqual([]);
    // Only a well-formed seal could have sealed anything, and none of these is one for this turn.
    expect(stored.sealed.tokyo?.orders.decisions.length ?? 0).toBe(0);
    const after = await joinSeat(game.code, game.keys.observer);
    expect(after.views.at(-1)!.state.turn).toBe(before.turn);
    expect(tokyo.refusals.length).toBeGreaterThan(0);
    await tokyo.room.leave();
    await after.room.leave();
  });

  it('runs a timed turn by its own clock, and seals it for a team that never did once its time and grace are over', async () => {
    expect((await api('/api/games', { scenario: 'tutorial', turnSeconds: 5 })).status).toBe(400);
    const made = await api('/api/games', { scenario: 'tutorial', turnSeconds: 60 });
    expect(made.status).toBe(201);
    // A one-second turn, as only the store can make one (the class API allows 30 s at least).
    const code = 'TTTTTT';
    await store.createGame({ code, scenario: 'tutorial', seed: 'timed', seats: (await store.load((made.body as { code: string }).code))!.seats, createdAt: Date.now(), turnSeconds: 1 });
    const keys = (made.body as unknown as CreatedGame).keys;
    const tokyo = await joinSeat(code, keys.tokyo);
    const first = tokyo.views.at(-1)!;
    expect(first.turnSeconds).toBe(1);
    expect(first.timeLeftMs).toBeGreaterThan(0);
    expect(first.timeLeftMs).toBeLessThanOrEqual(1_000);
    tokyo.room.send(TO_SERVER.seal, { turn: first.state.turn, orders: { decisions: [] } });
    let view = await tokyo.nextView();
    while (view.reports.length === 0) view = await tokyo.nextView();
    expect(view.reports[0]!.decisions.seoul).toEqual([]);
    expect(logs.some((l) => l.includes(`game ${code}: turn ${first.state.turn} timed out (seoul gave no orders)`))).toBe(true);
    expect(view.timeLeftMs).toBeGreaterThan(0);
    await tokyo.room.leave();
  });

  it('lets no key in but the seat’s own, and gives a taken seat to a second device only when told to', async () => {
    const game = await newClassGame();
    const other = await newClassGame();
    await expect(joinSeat(game.code, other.keys.tokyo)).rejects.toThrow(/seat key/);
    await expect(joinSeat(game.code, game.code)).rejects.toThrow(/seat key/);
    const first = await joinSeat(game.code, game.keys.tokyo);
    await expect(joinSeat(game.code, game.keys.tokyo)).rejects.toThrow(/in use on another device/);
    const second = await joinSeat(game.code, game.keys.tokyo, true);
    await new Promise((r) => setTimeout(r, 200));
    expect(first.replaced).toBe(true);
    expect(second.views.at(-1)!.seat).toBe('tokyo');
    await second.room.leave();
  });

  it('keeps a team’s sealed orders when its connection drops, and gives its seat back', async () => {
    const game = await newClassGame();
    const tokyo = await joinSeat(game.code, game.keys.tokyo);
    const seoul = await joinSeat(game.code, game.keys.seoul);
    const turn = tokyo.views.at(-1)!.state.turn;
    const heard = seoul.views.length;
    tokyo.room.send(TO_SERVER.seal, { turn, orders: { decisions: [] } });
    await seoul.nextView(heard);
    // The socket is cut, not closed: the seat shows away, and is held.
    const away = seoul.views.length;
    (tokyo.room.connection as unknown as { transport: { ws: { close(code: number): void } } }).transport.ws.close(4000);
    expect((await seoul.nextView(away)).seats.tokyo).toBe('away');
    await new Promise((r) => setTimeout(r, 2_500));
    const back = await joinSeat(game.code, game.keys.tokyo);
    expect(back.views.at(-1)!.own).toEqual({ decisions: [] });
    expect(back.views.at(-1)!.sealed.tokyo).toBe(true);
    await back.room.leave();
    await seoul.room.leave();
  });
});
