/**
 * The instructor's dashboard's connection to its class (loaded only when a class is opened:
 * colyseus.js stays out of the first page). It opens the class's room with the instructor key,
 * hands the store every picture, summary, result and record the server sends, and sends the
 * dashboard's actions. When the network drops it does what a team's seat does
 * (src/ui/class/connection.ts): first the same connection again (the server holds it a while), then
 * a fresh join with the key (after a server restart, or a longer outage).
 */
import { Client, type Room } from 'colyseus.js';
import { classRoomId, FROM_CLASS, TO_CLASS, type ActedMessage, type ClassPicture, type ClassRecord, type GameSummary } from '../../class/instructor';
import type { Refusal } from '../../class/protocol';
import type { AppStore, InstructorLink } from '../../store';
import { openClassRoom } from './classApi';
import { joinError, regainRoom } from './regainRoom';
import { classServerBase } from './server';
import { instructorKeys } from './seatKeys';

export interface OpenRequest {
  readonly code: string;
  readonly key: string;
}

export type OpenResult = { readonly ok: true } | { readonly ok: false; readonly problem: string };

/** Longest words the dashboard shows from a refusal. */
const MAX_PROBLEM = 500;

let current: { stop(): void } | null = null;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/**
 * Opens class `request.code`'s dashboard with its instructor key: the store shows the dashboard
 * (connecting) at once, and hears everything from then on. The key is remembered once it opens the class.
 */
export async function openClass(store: AppStore, request: OpenRequest): Promise<OpenResult> {
  current?.stop();
  current = null;
  store.getState().actions.openClassDashboard(request.code);
  const failed = (problem: string): OpenResult => {
    store.getState().actions.instructorRefused({ about: 'join', problem });
    store.getState().actions.instructorConnectionChanged('lost');
    return { ok: false, problem };
  };
  const base = classServerBase();
  const opened = await openClassRoom(request.code);
  if (!opened.ok) return failed(opened.problem);
  let room: Room;
  try {
    room = await new Client(base).joinById(classRoomId(request.code), { key: request.key });
  } catch (e) {
    return failed(joinError(e, 'the class server refused the instructor key').problem);
  }
  // Another class opened meanwhile (or the dashboard was left): this one is not wanted now.
  if (store.getState().instructorClass?.code !== request.code) {
    void room.leave(true).catch(() => undefined);
    return { ok: false, problem: '' };
  }
  instructorKeys.remember(request.code, request.key);
  attach(store, base, request, room);
  return { ok: true };
}

/** Closes the dashboard's connection, if any, for good. */
export function closeClass(): void {
  current?.stop();
  current = null;
}

function attach(store: AppStore, base: string, request: OpenRequest, first: Room): void {
  let room = first;
  let stopped = false;
  const actions = () => store.getState().actions;

  const wire = (r: Room): void => {
    // The server's words are read before the store keeps them: a shape the dashboard cannot draw is dropped.
    r.onMessage(FROM_CLASS.picture, (picture: ClassPicture) => {
      if (!stopped && isObject(picture) && typeof picture.code === 'string' && isObject(picture.settings) && Array.isArray(picture.games)) actions().classPictureArrived(picture);
    });
    r.onMessage(FROM_CLASS.game, (summary: GameSummary) => {
      if (!stopped && isObject(summary) && typeof summary.code === 'string' && Array.isArray(summary.meters)) actions().classSummaryArrived(summary);
    });
    r.onMessage(FROM_CLASS.acted, (acted: ActedMessage) => {
      if (!stopped && isObject(acted) && isObject(acted.action) && Array.isArray(acted.results)) actions().classActed(acted);
    });
    r.onMessage(FROM_CLASS.record, (record: ClassRecord) => {
      if (!stopped && isObject(record) && typeof record.code === 'string' && Array.isArray(record.games)) actions().classRecordArrived(record);
    });
    r.onMessage(FROM_CLASS.refused, (refusal: Refusal) => {
      if (!stopped && isObject(refusal)) actions().instructorRefused({ about: String(refusal.about).slice(0, 40), problem: String(refusal.problem).slice(0, MAX_PROBLEM) });
    });
    r.onLeave(() => {
      // Left on purpose (this page closed the dashboard) is consented; anything else is the network or the server.
      if (!stopped) void reconnect();
    });
  };

  const reconnect = async (): Promise<void> => {
    actions().instructorConnectionChanged('reconnecting');
    const back = await regainRoom({
      base,
      token: room.reconnectionToken,
      reopen: () => openClassRoom(request.code),
      rejoin: (client) => client.joinById(classRoomId(request.code), { key: request.key }),
      stopped: () => stopped,
    });
    if (stopped) return;
    if (!back) return actions().instructorConnectionChanged('lost');
    room = back;
    wire(room);
    actions().instructorConnectionChanged('connected');
  };

  const link: InstructorLink = {
    act: (message) => room.send(TO_CLASS.act, { games: message.games === 'all' ? 'all' : [...message.games], action: { ...message.action } }),
    requestRecord: () => room.send(TO_CLASS.record, {}),
    leave: () => closeClass(),
  };
  current = {
    stop: () => {
      stopped = true;
      void room.leave(true).catch(() => undefined);
      actions().attachInstructorLink(null);
    },
  };
  actions().attachInstructorLink(link);
  wire(room);
  actions().instructorConnectionChanged('connected');
}
