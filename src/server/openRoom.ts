/**
 * Makes sure a room is live somewhere in the class server's processes: made here (restored from the
 * store) when no process that answers has it. The class API opens a game before a device joins it,
 * and a class's dashboard before the instructor does; the dashboard opens a game before acting on it.
 */
import { matchMaker } from '@colyseus/core';

export class OpenProblem extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly retryMs?: number,
  ) {
    super(message);
  }
}

/** One open at a time per room in this process, so two devices arriving together do not both make it. */
const opening = new Map<string, Promise<void>>();

export function openRoom(roomType: string, roomId: string, options: Record<string, unknown>, log: (line: string) => void): Promise<void> {
  let pending = opening.get(roomId);
  if (!pending) {
    pending = ensure(roomType, roomId, options, log).finally(() => opening.delete(roomId));
    opening.set(roomId, pending);
  }
  return pending;
}

async function ensure(roomType: string, roomId: string, options: Record<string, unknown>, log: (line: string) => void): Promise<void> {
  const [live] = await matchMaker.query({ roomId });
  // A room listed on another process is live only if that process answers: one killed leaves its listings in
  // Redis, and a device sent there would wait out Colyseus's timeouts and fail. The health check, failed, removes them.
  if (live && (live.processId === matchMaker.processId || (await matchMaker.healthCheckProcessId(live.processId)) === true)) return;
  try {
    await matchMaker.createRoom(roomType, options);
  } catch (e) {
    // Another process made it meanwhile, or still holds the game's lease (it stopped less than a lease ago).
    if ((await matchMaker.query({ roomId })).length > 0) return;
    const message = e instanceof Error ? e.message : String(e);
    if (message.includes('held by another')) throw new OpenProblem(409, 'The game is still held by a server process that stopped. It comes back within half a minute; the page keeps trying.', 5_000);
    log(`${roomId}: could not open: ${message}`);
    throw new OpenProblem(503, 'The server could not open the game. Try again; if it keeps failing, tell the instructor.');
  }
}
