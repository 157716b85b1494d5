/**
 * The class server's HTTP API, beside Colyseus's own matchmaking routes:
 *   GET  /api/class             — this page is served by a class server (and which scenarios it has)
 *   POST /api/games             — a new game: its code and the three seats' keys (shown once, stored only as hashes)
 *   POST /api/games/:code/open  — make sure the game's room is live (restored from the store if need be), before a device joins it
 * Bodies are small JSON, bounded; every answer is JSON with `problem` in words when something is wrong.
 */
import { randomInt } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { matchMaker } from '@colyseus/core';
import type { Scenario } from '../engine/model';
import { GAME_ROOM, SEAT_NAMES, TURN_SECONDS_MAX, TURN_SECONDS_MIN, type SeatName } from '../class/protocol';
import { isRoomCode, makeRoomCode } from '../class/roomCode';
import type { GameStore } from './gameStore';
import { perAddressLimit } from './perAddress';
import { hashSeatSecret, newSeatSecret } from './seatSecret';

export interface ClassApiContext {
  readonly store: GameStore;
  readonly scenarios: ReadonlyMap<string, Scenario>;
  readonly now: () => number;
  readonly log: (line: string) => void;
}

export interface CreatedGame {
  readonly code: string;
  readonly scenario: string;
  readonly keys: Readonly<Record<SeatName, string>>;
}

const MAX_BODY = 4096;
/** New games per address per minute: a class makes a few dozen; a loop making thousands is refused. */
const GAMES_PER_MINUTE = 60;

class Problem extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly retryMs?: number,
  ) {
    super(message);
  }
}

export function classApi(context: ClassApiContext): (request: IncomingMessage, response: ServerResponse) => boolean {
  const made = perAddressLimit(GAMES_PER_MINUTE, 60_000, context.now);
  /** One open at a time per code in this process, so two devices arriving together do not both make the room. */
  const opening = new Map<string, Promise<void>>();

  const create = async (request: IncomingMessage): Promise<CreatedGame> => {
    const address = request.socket.remoteAddress ?? 'unknown';
    const now = context.now();
    if (!made.allowed(address)) throw new Problem(429, 'Too many new games from this device in a minute. Wait a minute and try again.');
    made.count(address);
    const body = await readJson(request);
    const field = (name: string): unknown => (typeof body === 'object' && body !== null && name in body ? (body as Record<string, unknown>)[name] : undefined);
    const scenario = field('scenario');
    const turnSeconds = field('turnSeconds') ?? null;
    if (turnSeconds !== null && !(Number.isInteger(turnSeconds) && (turnSeconds as number) >= TURN_SECONDS_MIN && (turnSeconds as number) <= TURN_SECONDS_MAX))
      throw new Problem(400, `A turn timer is a whole number of seconds from ${TURN_SECONDS_MIN} to ${TURN_SECONDS_MAX}, or none.`);
    if (typeof scenario !== 'string' || !context.scenarios.has(scenario)) throw new Problem(400, `Choose one of this server's scenarios: ${[...context.scenarios.keys()].join(', ')}.`);
    const keys = Object.fromEntries(SEAT_NAMES.map((s) => [s, newSeatSecret()])) as Record<SeatName, string>;
    const seats = Object.fromEntries(SEAT_NAMES.map((s) => [s, hashSeatSecret(keys[s])]));
    // A code already taken is drawn again; 25^6 codes make a second clash all but impossible.
    for (let attempt = 0; attempt < 5; attempt++) {
      const code = makeRoomCode(randomInt);
      const seed = `class/${code}/${randomInt(2 ** 47)}`;
      try {
        await context.store.createGame({ code, scenario, seed, seats, createdAt: now, turnSeconds: turnSeconds as number | null });
      } catch {
        if (await context.store.load(code)) continue;
        throw new Problem(503, 'The server could not store the new game. Try again; if it keeps failing, check the server’s data folder.');
      }
      context.log(`game ${code}: created (${scenario})`);
      return { code, scenario, keys };
    }
    throw new Problem(503, 'The server could not find a free game code. Try again.');
  };

  const open = async (code: string): Promise<{ code: string; scenario: string }> => {
    const stored = await context.store.load(code);
    if (!stored) throw new Problem(404, `There is no class game ${code}. Check the code on the instructor’s screen.`);
    let pending = opening.get(code);
    if (!pending) {
      pending = ensureRoom(code).finally(() => opening.delete(code));
      opening.set(code, pending);
    }
    await pending;
    return { code, scenario: stored.scenario };
  };

  const ensureRoom = async (code: string): Promise<void> => {
    const [live] = await matchMaker.query({ roomId: code });
    // A room listed on another process is live only if that process answers: one killed leaves its listings in
    // Redis, and a device sent there would wait out Colyseus's timeouts and fail. The health check, failed, removes them.
    if (live && (live.processId === matchMaker.processId || (await matchMaker.healthCheckProcessId(live.processId)) === true)) return;
    try {
      await matchMaker.createRoom(GAME_ROOM, { code });
    } catch (e) {
      // Another process made it meanwhile, or still holds the game's lease (it stopped less than a lease ago).
      if ((await matchMaker.query({ roomId: code })).length > 0) return;
      const message = e instanceof Error ? e.message : String(e);
      if (message.includes('held by another')) throw new Problem(409, 'The game is still held by a server process that stopped. It comes back within half a minute; the page keeps trying.', 5_000);
      context.log(`game ${code}: could not open: ${message}`);
      throw new Problem(503, 'The server could not open the game. Try again; if it keeps failing, tell the instructor.');
    }
  };

  return (request, response) => {
    const url = request.url ?? '';
    if (!url.startsWith('/api/')) return false;
    const route = url.split('?')[0]!;
    const answer = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
      response.end(JSON.stringify(body));
    };
    const run = (work: () => Promise<unknown>, status = 200) =>
      void work().then(
        (body) => answer(status, body),
        (e: unknown) => {
          if (e instanceof Problem) return answer(e.status, { problem: e.message, ...(e.retryMs !== undefined && { retryMs: e.retryMs }) });
          context.log(`${request.method} ${route} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
          answer(500, { problem: 'The server failed to answer. Try again; if it keeps failing, tell the instructor.' });
        },
      );
    const openMatch = /^\/api\/games\/([^/]{1,12})\/open$/.exec(route);
    if (request.method === 'GET' && route === '/api/class') answer(200, { scenarios: [...context.scenarios.keys()] });
    else if (request.method === 'POST' && route === '/api/games') run(() => create(request), 201);
    else if (request.method === 'POST' && openMatch) {
      const code = openMatch[1]!;
      if (!isRoomCode(code)) answer(400, { problem: 'A game code is six letters and digits, as on the instructor’s screen.' });
      else run(() => open(code));
    } else answer(404, { problem: `The class server has no ${request.method} ${route}.` });
    return true;
  };
}

function readJson(request: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new Problem(413, 'The request is too large.'));
        request.destroy();
      } else chunks.push(chunk);
    });
    request.on('end', () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}'));
      } catch {
        reject(new Problem(400, 'The request was not JSON.'));
      }
    });
    request.on('error', reject);
  });
}
