/**
 * A game being played: the engine's state plus what the screens need around it (who is at the
 * controls, the computer's difficulty, every turn's report), the class session around it (hot-seat
 * teams, the instructor's PIN, timer and interventions) and the action log a save replays.
 */
import type { GameState, Orders, SideOrders, TurnReport } from '../engine';
import type { Side } from '../engine/model';
import type { LockedOrders, PinGuard, PinLock } from './pin';

import type { Difficulty } from '../ai';

export { DIFFICULTIES, type Difficulty } from '../ai';

/** solo: one player against the computer; hotseat: two teams on one screen, taking turns behind a hand-over screen. */
/** solo and hotseat are chosen in the menus; class is a game on the class server, joined from the title. */
export type Mode = 'solo' | 'hotseat' | 'class';
export const MODES: readonly Mode[] = ['solo', 'hotseat'];

/** What the instructor chose when the session began. */
export interface Classroom {
  /** The lock of the PIN that opens the instructor panel (a salted hash, never the PIN); null when none was chosen (the panel then opens freely). */
  readonly pin: PinLock | null;
  /** Seconds each team has to choose in a turn; null when there is no timer. */
  readonly timerSeconds: number | null;
  /** Wrong PIN tries and the wait they impose; kept in the save, so a reload does not lift it. */
  readonly guard?: PinGuard;
  /** A version-2 save's PIN, as it was kept then: the store locks it (pin) at once on load and drops it. */
  readonly legacyPin?: string;
}

export const NO_CLASSROOM: Classroom = Object.freeze({ pin: null, timerSeconds: null });

/** The class session as chosen in the menus, before the game starts and the PIN is locked. */
export interface ClassroomChoice {
  /** The PIN typed (memory only, until the game starts); null for none. */
  readonly pin: string | null;
  readonly timerSeconds: number | null;
}

export const NO_CLASSROOM_CHOICE: ClassroomChoice = Object.freeze({ pin: null, timerSeconds: null });

/**
 * The instructor's panel and what it controls on screen. The panel asks for the session's PIN
 * ('locked') before it opens; paused stops the teams' input and the timer; revealed shows every
 * meter's true value (hidden meters and the values behind polls) to the room.
 */
export interface InstructorView {
  readonly panel: 'closed' | 'locked' | 'open';
  readonly paused: boolean;
  readonly revealed: boolean;
}

/** The panel as every game starts (and as it is left when a game is quit). */
export const INSTRUCTOR_CLOSED: InstructorView = Object.freeze({ panel: 'closed', paused: false, revealed: false });

/**
 * One thing the instructor did, in the order done, as the debrief lists it. `turn` is the turn it
 * was done in. 'fire', 'adjust' and 'end' change the game: a save replays them, unless `undone`
 * (an undo of the turn before took them back; the debrief still shows them, marked).
 */
export type InstructorEntry = { readonly turn: number; readonly undone?: true } & InstructorAction;

/** What the instructor did, without when. */
export type InstructorAction =
  | { readonly kind: 'fire'; readonly event: string }
  /** The meter set to `value`, from `before`, for the reason written. */
  | { readonly kind: 'adjust'; readonly meter: string; readonly before: number; readonly value: number; readonly reason: string }
  | { readonly kind: 'end' }
  /** Turn `undid` was taken back: the game returned to its choices. */
  | { readonly kind: 'undo'; readonly undid: number }
  | { readonly kind: 'reveal' }
  | { readonly kind: 'hide' }
  | { readonly kind: 'pause' }
  | { readonly kind: 'resume' };

export type InstructorKind = InstructorEntry['kind'];

/** The entries that change the game (and so are replayed), as opposed to those that only change the view. */
export function changesTheGame(e: InstructorEntry): e is InstructorEntry & { kind: 'fire' | 'adjust' | 'end' } {
  return e.kind === 'fire' || e.kind === 'adjust' || e.kind === 'end';
}

export interface Session {
  readonly scenarioId: string;
  readonly mode: Mode;
  /** solo: the side the player governs (the computer plays the other); hotseat: the team at the controls now. */
  readonly human: Side;
  readonly difficulty: Difficulty;
  readonly seed: string;
  /** The current state: a turn waiting for orders, or the ended game. */
  readonly state: GameState;
  /** The report of every resolved turn, in order (reports[i] is turn i + 1; a game the instructor ended has one for the turn cut short). */
  readonly reports: readonly TurnReport[];
  /** Every resolved turn's orders, in order: with the seed and the instructor's log, they replay the game. */
  readonly orders: readonly Orders[];
  /** The choices of the side at the controls for the current turn, not yet submitted. */
  readonly draft: SideOrders;
  /** Hot-seat: the orders a team has sealed this turn, kept from the other team until the turn resolves. */
  readonly sealed: Partial<Readonly<Record<Side, SideOrders>>>;
  /**
   * Under a PIN, the sealed orders as saves keep them (encrypted, src/store/pin.ts). After a reload
   * they are here but not in `sealed` until the instructor's PIN opens them.
   */
  readonly sealedLocked?: Partial<Readonly<Record<Side, LockedOrders>>>;
  readonly classroom: Classroom;
  readonly log: readonly InstructorEntry[];
  /**
   * A class game's states as this seat knew them (states[0] is turn 1 as it opened, states[i] follows
   * turn i): the device has no seed to replay the game from, so the server sends them.
   */
  readonly past?: readonly GameState[];
}

export const EMPTY_DRAFT: SideOrders = Object.freeze({ decisions: [], responses: {} });

/** Hot-seat: whether a team has sealed its orders this turn, open or (after a reload, under a PIN) still locked. */
export function hasSealed(session: Pick<Session, 'sealed' | 'sealedLocked'>, side: Side): boolean {
  return session.sealed[side] !== undefined || session.sealedLocked?.[side] !== undefined;
}

export function otherSide(side: Side): Side {
  return side === 'tokyo' ? 'seoul' : 'tokyo';
}
