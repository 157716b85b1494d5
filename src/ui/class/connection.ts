/**
 * This device's connection to a class game (loaded only when a class game is joined: colyseus.js
 * stays out of the first page). It joins the seat the key opens, hands the store every view and
 * refusal the server sends, and keeps the seat when the network drops: first the same connection
 * again (the server holds it about a minute), then a fresh join with the key (after a server
 * restart, or a longer outage), so a team comes back at the same turn with its sealed orders.
 */
import { Client, type Room } from 'colyseus.js';
import { CLOSE_REPLACED, joinViews, TO_SEAT, TO_SERVER, type ClassView, type Refusal } from '../../class/protocol';
import type { AppStore, ClassLink } from '../../store';
import { classServerBase } from './server';
import { rememberSeat } from './seatKeys';

export interface JoinRequest {
  readonly code: string;
  readonly key: string;
  readonly takeover?: boolean;
}

/** Why a join failed, for the join screen: in words, and whether the seat is in use (so Take over is offered). */
export type JoinResult = { readonly ok: true } | { readonly ok: false; readonly problem: string; readonly seatInUse: boolean };

/** How long the page keeps trying before it says the game is lost (and offers Rejoin). */
const KEEP_TRYING_MS = 120_000;
const RETRY_MS = 2_000;
const REQUEST_TIMEOUT_MS = 10_000;

let current: { stop(): void } | null = null;

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Makes sure the game's room is live on the server (restored from its store if need be); null when it is, else why not. */
async function openGame(base: string, code: string): Promise<{ problem: string; retryMs?: number } | null> {
  try {
    const response = await fetch(`${base}/api/games/${encodeURIComponent(code)}/open`, { method: 'POST', body: '{}', signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
    if (response.ok) return null;
    const body = (await response.json().catch(() => ({}))) as { problem?: unknown; retryMs?: unknown };
    const problem = typeof body.problem === 'string' ? body.problem.slice(0, 300) : `the class server answered ${response.status}`;
    return typeof body.retryMs === 'number' ? { problem, retryMs: Math.min(10_000, Math.max(500, body.retryMs)) } : { problem };
  } catch {
    return { problem: 'the class server cannot be reached. Check the Wi-Fi and the address.', retryMs: RETRY_MS };
  }
}

function errorOf(e: unknown): { problem: string; code: number | undefined } {
  const code = typeof (e as { code?: unknown }).code === 'number' ? (e as { code: number }).code : undefined;
  const message = e instanceof Error ? e.message : String(e);
  return { problem: message.slice(0, 300) || 'the class server refused to join', code };
}

/** Joins the seat `request.key` opens; the store hears everything from then on. */
export async function joinClassGame(store: AppStore, request: JoinRequest): Promise<JoinResult> {
  const base = classServerBase();
  const opened = await openGame(base, request.code);
  if (opened) return { ok: false, problem: opened.problem, seatInUse: false };
  let room: Room;
  try {
    room = await new Client(base).joinById(request.code, { key: request.key, ...(request.takeover && { takeover: true }) });
  } catch (e) {
    const { problem, code } = errorOf(e);
    return { ok: false, problem, seatInUse: code === 409 };
  }
  current?.stop();
  rememberSeat(request.code, request.key);
  attach(store, base, request, room);
  return { ok: true };
}

/** Leaves the current class game, if any, for good. */
export function leaveClassGame(): void {
  current?.stop();
  current = null;
}

function attach(store: AppStore, base: string, request: JoinRequest, first: Room): void {
  const { actions } = store.getState();
  let room = first;
  let stopped = false;

  const wire = (r: Room): void => {
    // The server sends only the reports this connection has not had: joined here to the view held.
    let held: ClassView | null = null;
    r.onMessage(TO_SEAT.view, (view: ClassView) => {
      if (stopped) return;
      const whole = joinViews(held, view);
      if (!whole) return r.send(TO_SERVER.view);
      held = whole;
      store.getState().actions.classViewArrived(whole);
    });
    r.onMessage(TO_SEAT.refused, (refusal: Refusal) => {
      if (!stopped) store.getState().actions.classRefused({ about: String(refusal.about).slice(0, 40), problem: String(refusal.problem).slice(0, 500) });
    });
    r.onMessage(TO_SEAT.replaced, () => undefined);
    r.onLeave((code) => {
      if (stopped) return;
      if (code === CLOSE_REPLACED) return store.getState().actions.classConnectionChanged('replaced');
      // Left on purpose (this page left) is consented; anything else is the network or the server.
      void reconnect();
    });
    // Asked once its handlers are wired: a view sent before could arrive first.
    r.send(TO_SERVER.view);
  };

  const reconnect = async (): Promise<void> => {
    store.getState().actions.classConnectionChanged('reconnecting');
    const until = Date.now() + KEEP_TRYING_MS;
    const token = room.reconnectionToken;
    while (!stopped && Date.now() < until) {
      await wait(RETRY_MS);
      if (stopped) return;
      try {
        // The same connection, while the server still holds it.
        room = await new Client(base).reconnect(token);
      } catch {
        // Held no longer (or the server restarted): a fresh join with the seat's key.
        const opened = await openGame(base, request.code);
        if (opened && opened.retryMs === undefined) break;
        if (opened) continue;
        try {
          room = await new Client(base).joinById(request.code, { key: request.key });
        } catch {
          // Not yet (the server is still starting, or still counts the old connection as here until its hold ends): again shortly.
          continue;
        }
      }
      wire(room);
      store.getState().actions.classConnectionChanged('connected');
      return;
    }
    if (!stopped) store.getState().actions.classConnectionChanged('lost');
  };

  const link: ClassLink = {
    seal: (turn, orders) => {
      // The team's memo goes with its orders (the class may require one).
      const memo = store.getState().classGame?.memoDraft.trim() ?? '';
      room.send(TO_SERVER.seal, { turn, orders: { decisions: [...orders.decisions], ...(orders.responses && { responses: { ...orders.responses } }) }, ...(memo !== '' && { memo }) });
    },
    answer: (question, answer) => room.send(TO_SERVER.answer, { question, ...answer }),
    unseal: (turn) => room.send(TO_SERVER.unseal, { turn }),
    leave: () => leaveClassGame(),
  };
  current = {
    stop: () => {
      stopped = true;
      void room.leave(true).catch(() => undefined);
      store.getState().actions.attachClassLink(null);
    },
  };
  actions.attachClassLink(link);
  wire(room);
}
