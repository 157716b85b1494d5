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
import { postClassApi } from './classApi';
import { joinError, regainRoom } from './regainRoom';
import { classServerBase } from './server';
import { rememberSeat } from './seatKeys';

export interface JoinRequest {
  readonly code: string;
  readonly key: string;
  readonly takeover?: boolean;
}

/** Why a join failed, for the join screen: in words, and whether the seat is in use (so Take over is offered). */
export type JoinResult = { readonly ok: true } | { readonly ok: false; readonly problem: string; readonly seatInUse: boolean };

let current: { stop(): void } | null = null;

/** Makes sure the game's room is live on the server (restored from its store if need be). */
const openGame = (code: string) => postClassApi(`/api/games/${encodeURIComponent(code)}/open`, {});

/** Joins the seat `request.key` opens; the store hears everything from then on. */
export async function joinClassGame(store: AppStore, request: JoinRequest): Promise<JoinResult> {
  const base = classServerBase();
  const opened = await openGame(request.code);
  if (!opened.ok) return { ok: false, problem: opened.problem, seatInUse: false };
  let room: Room;
  try {
    room = await new Client(base).joinById(request.code, { key: request.key, ...(request.takeover && { takeover: true }) });
  } catch (e) {
    const { problem, code } = joinError(e, 'the class server refused to join');
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
    const back = await regainRoom({
      base,
      token: room.reconnectionToken,
      reopen: () => openGame(request.code),
      rejoin: (client) => client.joinById(request.code, { key: request.key }),
      stopped: () => stopped,
    });
    if (stopped) return;
    if (!back) return store.getState().actions.classConnectionChanged('lost');
    room = back;
    wire(room);
    store.getState().actions.classConnectionChanged('connected');
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
