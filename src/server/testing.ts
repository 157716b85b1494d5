/**
 * For the class server's tests: real colyseus.js clients at a seat or at a class's dashboard, each
 * keeping everything it hears in order, and the class API called as a device calls it.
 */
import { Client, type Room } from 'colyseus.js';
import { joinViews, TO_SEAT, TO_SERVER, type ClassView, type Refusal } from '../class/protocol';
import { classRoomId, FROM_CLASS, type ActedMessage, type ClassPicture, type ClassRecord, type GameSummary } from '../class/instructor';

export async function callApi(base: string, path: string, body?: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${base}${path}`, body === undefined ? {} : { method: 'POST', body: JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** Waits until `ready()` gives a value (polling), or fails after `ms`. */
export async function until<T>(ready: () => T | undefined | null | false, what: string, ms = 10_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = ready();
    if (value) return value;
    if (Date.now() - started > ms) throw new Error(`${what} did not come`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** A device at a seat: its room and everything it has heard, in order. */
export interface Device {
  room: Room;
  /** Every view heard, whole (its reports joined to those held). */
  views: ClassView[];
  /** Every view as it came (only the reports not had before). */
  partial: ClassView[];
  refusals: Refusal[];
  replaced: boolean;
  /** The next view heard (or the one after `after` views). */
  nextView(after?: number): Promise<ClassView>;
}

/** Joins a game's seat (its room must be open: POST /api/games/:code/open) and waits for the first view. */
export async function seatDevice(base: string, code: string, key: string, takeover = false): Promise<Device> {
  const room = await new Client(base).joinById(code, { key, ...(takeover && { takeover }) });
  const device: Device = {
    room,
    views: [],
    partial: [],
    refusals: [],
    replaced: false,
    nextView: (after = device.views.length) => until(() => device.views.length > after && device.views[after]!, 'a view'),
  };
  room.onMessage(TO_SEAT.view, (v: ClassView) => {
    const whole = joinViews(device.views.at(-1) ?? null, v);
    if (!whole) throw new Error(`a view from report ${v.reportsFrom} did not join the ${device.views.at(-1)?.reports.length ?? 0} held`);
    device.views.push(whole);
    device.partial.push(v);
  });
  room.onMessage(TO_SEAT.refused, (r: Refusal) => device.refusals.push(r));
  room.onMessage(TO_SEAT.replaced, () => (device.replaced = true));
  room.send(TO_SERVER.view);
  await device.nextView(0);
  return device;
}

export async function refusalAfter(device: { refusals: Refusal[] }, send: () => void): Promise<Refusal> {
  const before = device.refusals.length;
  send();
  return until(() => device.refusals.length > before && device.refusals[before]!, 'a refusal', 5_000);
}

/** An instructor's dashboard: the class's picture as it stands, and every message heard. */
export interface Dashboard {
  room: Room;
  picture: ClassPicture;
  /** Each game summary heard, with the time it arrived (performance.now). */
  heard: { summary: GameSummary; at: number }[];
  acted: ActedMessage[];
  records: ClassRecord[];
  refusals: Refusal[];
  game(code: string): GameSummary;
}

export async function dashboard(base: string, code: string, key: string): Promise<Dashboard> {
  const opened = await callApi(base, `/api/classes/${code}/open`, {});
  if (opened.status !== 200) throw new Error(String(opened.body.problem));
  const room = await new Client(base).joinById(classRoomId(code), { key });
  const board: Dashboard = {
    room,
    picture: null as unknown as ClassPicture,
    heard: [],
    acted: [],
    records: [],
    refusals: [],
    game: (game) => board.picture.games.find((g) => g.code === game)!,
  };
  room.onMessage(FROM_CLASS.picture, (p: ClassPicture) => (board.picture = p));
  room.onMessage(FROM_CLASS.game, (g: GameSummary) => {
    board.heard.push({ summary: g, at: performance.now() });
    board.picture = { ...board.picture, games: board.picture.games.map((x) => (x.code === g.code ? g : x)) };
  });
  room.onMessage(FROM_CLASS.acted, (a: ActedMessage) => board.acted.push(a));
  room.onMessage(FROM_CLASS.record, (r: ClassRecord) => board.records.push(r));
  room.onMessage(FROM_CLASS.refused, (r: Refusal) => board.refusals.push(r));
  await until(() => board.picture, 'the class picture');
  return board;
}
