/**
 * The class server's HTTP API, beside Colyseus's own matchmaking routes:
 *   GET  /api/class             — this page is served by a class server (and which scenarios it has)
 *   POST /api/games             — a new game: its code and the three seats' keys (shown once, stored only as hashes)
 *   POST /api/games/:code/open  — make sure the game's room is live (restored from the store if need be), before a device joins it
 *   POST /api/classes           — a new class: its code, its games, and the instructor key (shown once)
 *   POST /api/classes/:code/join — a team's seat in one of the class's games, and its key (shown once)
 *   POST /api/classes/:code/open — make sure the class's dashboard room is live, before the instructor joins it
 * Bodies are small JSON, bounded; every answer is JSON with `problem` in words when something is wrong.
 */
import { randomInt } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { matchMaker } from '@colyseus/core';
import { SIDES, type Scenario } from '../engine/model';
import { CLASS_ROOM, classRoomId, MAX_CLASS_GAMES, type ClassSeat, type CreatedClass } from '../class/instructor';
import { GAME_ROOM, SEAT_NAMES, TURN_SECONDS_MAX, TURN_SECONDS_MIN, type SeatName } from '../class/protocol';
import { isRoomCode, makeRoomCode } from '../class/roomCode';
import { classJoinRequest, classSettings, messageProblem } from '../class/validate';
import { classChannel } from './classChannel';
import { gameSummary, restore } from './gameRoom';
import type { GameStore } from './gameStore';
import { OpenProblem, openRoom } from './openRoom';
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

const Problem = OpenProblem;

export function classApi(context: ClassApiContext): (request: IncomingMessage, response: ServerResponse) => boolean {
  const made = perAddressLimit(GAMES_PER_MINUTE, 60_000, context.now);
  // A class hands out two seats a game; a class behind one address (a school's NAT) asks for all of them at once.
  const joins = perAddressLimit(2 * MAX_CLASS_GAMES + GAMES_PER_MINUTE, 60_000, context.now);

  /** A code no game or class has yet, after `store` took it (a clash is drawn again). */
  const withFreeCode = async (store: (code: string) => Promise<void>, taken: (code: string) => Promise<boolean>): Promise<string> => {
    // 25^6 codes make a second clash all but impossible.
    for (let attempt = 0; attempt < 5; attempt++) {
      const code = makeRoomCode(randomInt);
      try {
        await store(code);
      } catch {
        if (await taken(code)) continue;
        throw new Problem(503, 'The server could not store the new game. Try again; if it keeps failing, check the server’s data folder.');
      }
      return code;
    }
    throw new Problem(503, 'The server could not find a free game code. Try again.');
  };

  /** A new stored game; `keys` are its seats' secrets (only their hashes are stored). */
  const newGame = (scenario: string, turnSeconds: number | null, keys: Partial<Record<SeatName, string>>, classCode: string | null): Promise<string> => {
    const seats = Object.fromEntries(Object.entries(keys).map(([s, key]) => [s, hashSeatSecret(key)]));
    return withFreeCode(
      (code) => context.store.createGame({ code, scenario, seed: `class/${code}/${randomInt(2 ** 47)}`, seats, createdAt: context.now(), turnSeconds, classCode }),
      async (code) => (await context.store.load(code)) !== null,
    );
  };

  const limited = (limit: typeof made, request: IncomingMessage, what: string): void => {
    const address = request.socket.remoteAddress ?? 'unknown';
    if (!limit.allowed(address)) throw new Problem(429, `Too many ${what} from this device in a minute. Wait a minute and try again.`);
    limit.count(address);
  };

  const createClass = async (request: IncomingMessage): Promise<CreatedClass> => {
    limited(made, request, 'new games');
    const parsed = classSettings.safeParse(await readJson(request));
    if (!parsed.success) throw new Problem(400, `The class’s settings are not right: ${messageProblem(parsed.error)}.`);
    const settings = parsed.data;
    if (!context.scenarios.has(settings.scenario)) throw new Problem(400, `Choose one of this server's scenarios: ${[...context.scenarios.keys()].join(', ')}.`);
    const memo = { required: settings.memo.required, minLength: settings.memo.required ? settings.memo.minLength : 0 };
    const instructorKey = newSeatSecret();
    const code = await withFreeCode(
      (c) => context.store.createClass({ code: c, settings: { ...settings, memo }, instructor: hashSeatSecret(instructorKey), createdAt: context.now() }),
      async (c) => (await context.store.loadClass(c)) !== null,
    );
    const games: string[] = [];
    // Open joining starts with one game; another is added whenever teams fill the last.
    for (let i = 0; i < (settings.games ?? 1); i++) games.push(await newGame(settings.scenario, settings.turnSeconds, {}, code));
    context.log(`class ${code}: created (${settings.scenario}, ${settings.games ?? 'open'} games)`);
    return { code, instructorKey, games };
  };

  /** Hands a team the first free seat (of its side, when it asks for one), in the oldest game that has one. */
  const joinClass = async (code: string, request: IncomingMessage): Promise<ClassSeat> => {
    limited(joins, request, 'seats asked for');
    const parsed = classJoinRequest.safeParse(await readJson(request));
    if (!parsed.success) throw new Problem(400, 'The request was not in the form the game expects. Reload the page and join again.');
    const theClass = await context.store.loadClass(code);
    if (!theClass) throw new Problem(404, `There is no class ${code}. Check the code on the instructor’s screen.`);
    const wanted = parsed.data.side;
    for (let attempt = 0; attempt < 8; attempt++) {
      const games = await context.store.classGames(code);
      const open = games.flatMap((g) => SIDES.filter((s) => g.seats[s] === undefined && (!wanted || s === wanted)).map((side) => ({ game: g, side })));
      const pick = open[0];
      if (!pick) {
        const full = theClass.settings.games !== null || games.length >= MAX_CLASS_GAMES;
        if (full)
          throw new Problem(
            409,
            wanted
              ? `Every ${wanted} seat of class ${code} is taken. Ask the instructor which seat to take, or join as the other side.`
              : `Every seat of class ${code} is taken. Ask the instructor for another game.`,
          );
        const added = await newGame(theClass.settings.scenario, theClass.settings.turnSeconds, {}, code);
        await announceGame(added, theClass.settings.scenario);
        continue;
      }
      const key = newSeatSecret();
      if (await context.store.claimSeat(pick.game.code, pick.game.seats, pick.side, hashSeatSecret(key))) {
        context.log(`class ${code}: ${pick.side} of game ${pick.game.code} handed out`);
        await announceGame(pick.game.code, theClass.settings.scenario);
        return { game: pick.game.code, seat: pick.side, key };
      }
      // Another team took that seat meanwhile: look again.
    }
    throw new Problem(503, 'Many teams are joining at once. Try again in a moment.');
  };

  /** The class's dashboard hears of a game (new, or a seat handed out) from the store's copy, unless its room is live (it tells itself). */
  const announceGame = async (game: string, scenarioId: string): Promise<void> => {
    const stored = await context.store.load(game);
    const scenario = context.scenarios.get(scenarioId);
    if (!stored?.classCode || !scenario) return;
    const live = (await matchMaker.query({ roomId: game })).length > 0;
    const summary = gameSummary(restore(scenario, stored), { tokyo: 'empty', seoul: 'empty' }, null, context.now());
    if (!live) await matchMaker.presence.publish(classChannel(stored.classCode), summary);
  };

  const openClass = async (code: string): Promise<{ code: string; scenario: string }> => {
    const theClass = await context.store.loadClass(code);
    if (!theClass) throw new Problem(404, `There is no class ${code}. Check the class code you wrote down.`);
    await openRoom(CLASS_ROOM, classRoomId(code), { code }, context.log);
    return { code, scenario: theClass.settings.scenario };
  };

  const create = async (request: IncomingMessage): Promise<CreatedGame> => {
    limited(made, request, 'new games');
    const body = await readJson(request);
    const field = (name: string): unknown => (typeof body === 'object' && body !== null && name in body ? (body as Record<string, unknown>)[name] : undefined);
    const scenario = field('scenario');
    const turnSeconds = field('turnSeconds') ?? null;
    if (turnSeconds !== null && !(Number.isInteger(turnSeconds) && (turnSeconds as number) >= TURN_SECONDS_MIN && (turnSeconds as number) <= TURN_SECONDS_MAX))
      throw new Problem(400, `A turn timer is a whole number of seconds from ${TURN_SECONDS_MIN} to ${TURN_SECONDS_MAX}, or none.`);
    if (typeof scenario !== 'string' || !context.scenarios.has(scenario)) throw new Problem(400, `Choose one of this server's scenarios: ${[...context.scenarios.keys()].join(', ')}.`);
    const keys = Object.fromEntries(SEAT_NAMES.map((s) => [s, newSeatSecret()])) as Record<SeatName, string>;
    const code = await newGame(scenario, turnSeconds as number | null, keys, null);
    context.log(`game ${code}: created (${scenario})`);
    return { code, scenario, keys };
  };

  const open = async (code: string): Promise<{ code: string; scenario: string }> => {
    const stored = await context.store.load(code);
    if (!stored) throw new Problem(404, `There is no class game ${code}. Check the code on the instructor’s screen.`);
    await openRoom(GAME_ROOM, code, { code }, context.log);
    return { code, scenario: stored.scenario };
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
    const classMatch = /^\/api\/classes\/([^/]{1,12})\/(join|open)$/.exec(route);
    if (request.method === 'GET' && route === '/api/class') answer(200, { scenarios: [...context.scenarios.keys()] });
    else if (request.method === 'POST' && route === '/api/games') run(() => create(request), 201);
    else if (request.method === 'POST' && route === '/api/classes') run(() => createClass(request), 201);
    else if (request.method === 'POST' && classMatch) {
      const code = classMatch[1]!;
      if (!isRoomCode(code)) answer(400, { problem: 'A class code is six letters and digits, as on the instructor’s screen.' });
      else run(() => (classMatch[2] === 'join' ? joinClass(code, request) : openClass(code)));
    } else if (request.method === 'POST' && openMatch) {
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
