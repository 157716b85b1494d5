/**
 * Getting a class room back when the network drops, for a team's seat and for the instructor's
 * dashboard alike: first the same connection again (the server holds it a while), then, once it is
 * held no longer (or the server restarted), the room opened again and a fresh join with the key.
 * The page keeps trying for two minutes before it says the room is lost.
 */
import { Client, type Room } from 'colyseus.js';
import type { ApiAnswer } from './classApi';

const KEEP_TRYING_MS = 120_000;
const RETRY_MS = 2_000;

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export interface Regain {
  readonly base: string;
  readonly token: string;
  /** Makes sure the room is live again (restored from the store if need be). */
  readonly reopen: () => Promise<ApiAnswer<unknown>>;
  /** A fresh join with the key. */
  readonly rejoin: (client: Client) => Promise<Room>;
  readonly stopped: () => boolean;
}

/** The room back, or null when it could not be had in time, the server said it is gone, or the page stopped wanting it. */
export async function regainRoom(o: Regain): Promise<Room | null> {
  const until = Date.now() + KEEP_TRYING_MS;
  while (!o.stopped() && Date.now() < until) {
    await wait(RETRY_MS);
    if (o.stopped()) return null;
    let room: Room;
    try {
      room = await new Client(o.base).reconnect(o.token);
    } catch {
      const opened = await o.reopen();
      // Gone for good (no such game or class): no use trying again. Unreachable, or held elsewhere a while yet: again shortly.
      if (!opened.ok && !opened.unreachable && opened.retryMs === undefined) return null;
      if (!opened.ok) continue;
      try {
        room = await o.rejoin(new Client(o.base));
      } catch {
        // Not yet (the server is still starting, or still counts the old connection as here until its hold ends).
        continue;
      }
    }
    if (!o.stopped()) return room;
    void room.leave(true).catch(() => undefined);
    return null;
  }
  return null;
}

/** What colyseus.js threw on a join, in words for the screen, and the server's status code when it gave one. */
export function joinError(e: unknown, fallback: string): { problem: string; code: number | undefined } {
  const code = typeof (e as { code?: unknown }).code === 'number' ? (e as { code: number }).code : undefined;
  const message = e instanceof Error ? e.message : String(e);
  return { problem: message.slice(0, 500) || fallback, code };
}
