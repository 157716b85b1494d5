/**
 * A class server killed mid-turn (SIGKILL: no shutdown, nothing flushed on the way out) and started
 * again on the same data folder loses nothing a team was told: every game comes back at its turn
 * with the orders Tokyo sealed, and the turn resolves once Seoul seals. The server runs as its own
 * process (src/server/main.ts), driven by real colyseus.js clients on 127.0.0.1.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import seedrandom from 'seedrandom';
import { afterAll, describe, expect, it } from 'vitest';
import { randomOrders, type SideOrders } from '../src/engine';
import { TO_SERVER } from '../src/class/protocol';
import type { CreatedGame } from '../src/server/classApi';
import { loadShippedScenarios } from '../src/server/scenarios';
import { createGame, joinSeat, resolvedPast, startServer, type Device, type ServerProcess } from '../tools/bench-class';

const scenario = loadShippedScenarios().get('tutorial')!;
const dir = mkdtempSync(join(tmpdir(), 'cyd-class-restart-'));
const servers: ServerProcess[] = [];
const devices: Device[] = [];

afterAll(async () => {
  for (const d of devices) d.close();
  for (const s of servers) await s.kill();
  rmSync(dir, { recursive: true, force: true });
});

async function start(): Promise<ServerProcess> {
  const server = await startServer(dir, 'restart-test');
  servers.push(server);
  return server;
}

async function seat(server: ServerProcess, game: CreatedGame, side: 'tokyo' | 'seoul'): Promise<Device> {
  const device = await joinSeat(server.url, game.code, game.keys[side]);
  devices.push(device);
  return device;
}

/** One game's part before the kill: what Tokyo sealed for which turn. */
interface Sealed {
  readonly game: CreatedGame;
  readonly turn: number;
  readonly orders: SideOrders;
}

describe('a class server killed mid-turn', () => {
  it('comes back with every game at its turn and every sealed order, and plays on', { timeout: 60_000 }, async () => {
    const first = await start();
    const games = [];
    for (let i = 0; i < 3; i++) games.push(await createGame(first.url, scenario.id));
    const sealed: Sealed[] = await Promise.all(
      games.map(async (game, i): Promise<Sealed> => {
        const random = seedrandom.alea(`restart/${i}`);
        const tokyo = await seat(first, game, 'tokyo');
        const seoul = await seat(first, game, 'seoul');
        // One whole turn.
        const turn0 = tokyo.view().state.turn;
        tokyo.room.send(TO_SERVER.seal, { turn: turn0, orders: randomOrders(scenario, tokyo.view().state, 'tokyo', random) });
        seoul.room.send(TO_SERVER.seal, { turn: turn0, orders: randomOrders(scenario, seoul.view().state, 'seoul', random) });
        await Promise.all([tokyo, seoul].map((d) => d.until(resolvedPast(0), `game ${game.code}: ${d.seat} hearing the first turn resolved`)));
        // The second: Tokyo seals, and Seoul hearing so is the server's word that the orders are stored.
        const turn = tokyo.view().state.turn;
        expect(turn).toBeGreaterThan(turn0);
        const orders = randomOrders(scenario, tokyo.view().state, 'tokyo', random);
        tokyo.room.send(TO_SERVER.seal, { turn, orders });
        await seoul.until((v) => v.state.turn === turn && v.sealed.tokyo, `game ${game.code}: seoul hearing that tokyo sealed turn ${turn}`);
        return { game, turn, orders };
      }),
    );

    // A timed game: its turn's clock is kept in the store, so the restart does not give the turn its full time again.
    const timedGame = (await (await fetch(`${first.url}/api/games`, { method: 'POST', body: JSON.stringify({ scenario: scenario.id, turnSeconds: 600 }) })).json()) as CreatedGame;
    const timed = (await seat(first, timedGame, 'tokyo')).view();
    const endsAt = Date.now() + timed.timeLeftMs!;
    await new Promise((r) => setTimeout(r, 2_500));

    await first.kill();
    for (const d of devices.splice(0)) d.close();
    const second = await start();
    const timedBack = (await seat(second, timedGame, 'tokyo')).view();
    expect(timedBack.timeLeftMs, 'the timed turn’s time left after the restart').toBeLessThan(600_000 - 2_000);
    expect(Math.abs(Date.now() + timedBack.timeLeftMs! - endsAt), 'the timed turn ends when it would have').toBeLessThan(1_500);

    await Promise.all(
      sealed.map(async ({ game, turn, orders }, i) => {
        const tokyo = await seat(second, game, 'tokyo');
        const seoul = await seat(second, game, 'seoul');
        const back = tokyo.view();
        expect(back.state.turn, `game ${game.code}'s turn after the restart`).toBe(turn);
        expect(back.sealed, `game ${game.code}'s seals after the restart`).toEqual({ tokyo: true, seoul: false });
        expect(back.own, `game ${game.code}: tokyo's orders after the restart`).toEqual(orders);
        expect(back.reports).toHaveLength(1);
        expect(seoul.view().own).toBeNull();
        seoul.room.send(TO_SERVER.seal, { turn, orders: randomOrders(scenario, seoul.view().state, 'seoul', seedrandom.alea(`restart/${i}/after`)) });
        const heard = await Promise.all([tokyo, seoul].map((d) => d.until(resolvedPast(1), `game ${game.code}: ${d.seat} hearing turn ${turn} resolved after the restart`)));
        for (const { view } of heard) {
          expect(view.reports).toHaveLength(2);
          expect(view.state.turn).toBeGreaterThan(turn);
          expect(view.sealed).toEqual({ tokyo: false, seoul: false });
        }
      }),
    );
  });
});
