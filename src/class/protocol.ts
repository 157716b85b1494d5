/**
 * What a class game's devices and its server say to each other: the room's name, how a device asks
 * for a seat, the messages each way, and how the server reads what a device sends. Both ends import
 * this file, so a message has one shape. A device is never trusted: the server reads everything it
 * sends with src/class/validate.ts, bounded in size, before the room looks at it.
 */
import type { GameState, SideOrders, TurnReport } from '../engine';
import type { Side } from '../engine/model';
import type { Answer, MemoRule } from './instructor';
import { ROOM_CODE_ALPHABET } from './roomCode';

/** The Colyseus room type every class game is. */
export const GAME_ROOM = 'game';

export type SeatName = Side | 'observer';
export const SEAT_NAMES: readonly SeatName[] = ['tokyo', 'seoul', 'observer'];

export const SEAT_KEY_LENGTH = 10;
/** Longer than any key, with its dashes and spaces: refused before it is read. */
export const MAX_KEY_INPUT = 40;

/** A seat key as typed or pasted (any case, spaces or dashes), or null when it cannot be one. */
export function readSeatKey(input: unknown): string | null {
  if (typeof input !== 'string' || input.length > MAX_KEY_INPUT) return null;
  const key = input.replace(/[\s-]/g, '').toUpperCase();
  return key.length === SEAT_KEY_LENGTH && [...key].every((c) => ROOM_CODE_ALPHABET.includes(c)) ? key : null;
}

/** How a key is shown for typing: two groups of five. */
export function showSeatKey(key: string): string {
  return `${key.slice(0, 5)}-${key.slice(5)}`;
}

/** A class game's turn timer: seconds per turn, within these bounds (null: no timer). */
export const TURN_SECONDS_MIN = 30;
export const TURN_SECONDS_MAX = 3600;

/** Client → server message types. */
export const TO_SERVER = { view: 'view', seal: 'seal', unseal: 'unseal', answer: 'answer' } as const;
/** Server → client message types. */
export const TO_SEAT = { view: 'view', refused: 'refused', replaced: 'replaced' } as const;

/** A seat's connection as the others see it. */
export type SeatPresence = 'empty' | 'connected' | 'away';

/**
 * A seat's whole view of its game, sent whenever anything it may see changes: the state and reports
 * are the seat's copies (src/engine/seat.ts), so nothing the seat may not know is ever on the wire.
 */
export interface ClassView {
  readonly code: string;
  readonly scenarioId: string;
  readonly seat: SeatName;
  readonly state: GameState;
  /**
   * The reports from number `reportsFrom` on: the server sends a device only those it has not had
   * (all of them when the device asks for its view), so a view stays small however long the game.
   */
  readonly reports: readonly TurnReport[];
  readonly reportsFrom: number;
  /**
   * The game's past as the seat knew it, for the screens' "since last turn" and the debrief (a device
   * cannot replay the game: it has no seed). Whole (reportsFrom 0): turn 1 as it opened, then the
   * state after each report. Otherwise the states after the reports sent.
   */
  readonly states: readonly GameState[];
  /** Which sides have sealed their orders for the turn (never what they are). */
  readonly sealed: Readonly<Record<Side, boolean>>;
  /** This seat's own sealed orders for the turn, so a reloaded device shows them. */
  readonly own: SideOrders | null;
  readonly seats: Readonly<Record<Side, SeatPresence>>;
  /** Seconds each turn lasts, when the game is timed. */
  readonly turnSeconds: number | null;
  /** Time left on the turn by the server's clock, when the game is timed (sent as time left, so the device's own clock need not agree). */
  readonly timeLeftMs: number | null;
  /** The class the game belongs to (null: a game started on its own). */
  readonly classCode: string | null;
  /** The instructor paused the game: no orders are taken and the clock stands still. */
  readonly paused: boolean;
  /** The instructor showed the teams the true meters (the state and reports are then the whole truth). */
  readonly revealed: boolean;
  /** The class's rule for the teams' memos (a memo may be written in any class game; this says if it must). */
  readonly memo: MemoRule | null;
  /** This seat's memo for the turn, as sealed with its orders. */
  readonly ownMemo: string | null;
  /** This seat's answers to the debrief's questions. */
  readonly answers: readonly Answer[];
}

export interface Refusal {
  /** The message refused. */
  readonly about: string;
  /** What was wrong and what to do, in words for the team. */
  readonly problem: string;
}

/**
 * The whole view a device holds once `incoming` arrives after `held` (its reports joined to those
 * it had), or null when the two do not join (a view missed): the device then asks for its view.
 */
export function joinViews(held: ClassView | null, incoming: ClassView): ClassView | null {
  if (incoming.reportsFrom === 0) return incoming;
  if (!held || held.code !== incoming.code || held.seat !== incoming.seat || incoming.reportsFrom > held.reports.length) return null;
  const from = incoming.reportsFrom;
  return { ...incoming, reports: [...held.reports.slice(0, from), ...incoming.reports], states: [...held.states.slice(0, from + 1), ...incoming.states], reportsFrom: 0 };
}

/** The WebSocket close code sent to a device whose seat another device took over. */
export const CLOSE_REPLACED = 4001;
