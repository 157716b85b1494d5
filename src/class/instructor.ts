/**
 * What an instructor's class is and what its dashboard and the class server say to each other. A
 * class is a set of games of one scenario, with one instructor key; teams join its games by the
 * class code (the server hands each team a free seat and its key). The dashboard joins the class's
 * room with the instructor key and hears a summary of every game whenever one changes; its actions
 * go to one game or all, and each is kept in that game's record. Both ends import this file.
 */
import type { GameState, TurnReport } from '../engine';
import type { Side } from '../engine/model';
import type { SeatPresence } from './protocol';

/** The Colyseus room type of a class's dashboard; its room id is `classRoomId(code)`. */
export const CLASS_ROOM = 'class';
export const classRoomId = (code: string): string => `class-${code}`;

/** Most games a class holds: a large lecture's worth of pairs, and the bench's 30 with room to spare. */
export const MAX_CLASS_GAMES = 40;
/** Longest memo or written answer a team may send (characters). */
export const MAX_MEMO = 4000;
export const MEMO_MIN_MAX = 1000;

export interface MemoRule {
  /** Must a team write its memo before its End turn counts? */
  readonly required: boolean;
  /** Fewest characters a required memo has (0 when not required). */
  readonly minLength: number;
}

export interface ClassSettings {
  readonly scenario: string;
  /** How many games the class starts with; null: open joining (a game is added whenever the teams fill the last). */
  readonly games: number | null;
  readonly turnSeconds: number | null;
  readonly memo: MemoRule;
}

/** What the class API answers when a class is made: the instructor key is shown here once (the server keeps a hash). */
export interface CreatedClass {
  readonly code: string;
  readonly instructorKey: string;
  readonly games: readonly string[];
}

/** A team's seat handed out by the class: the game, the side, and the seat's key (shown once). */
export interface ClassSeat {
  readonly game: string;
  readonly seat: Side;
  readonly key: string;
}

/** An instructor's action on a game waiting for orders; each is stored in the game's record. */
export type InstructorAction =
  | { readonly kind: 'pause' }
  | { readonly kind: 'resume' }
  | { readonly kind: 'fire'; readonly event: string }
  | { readonly kind: 'adjust'; readonly meter: string; readonly value: number; readonly reason: string }
  /** Shows the teams the true meters (hidden ones and those behind polls), or hides them again. */
  | { readonly kind: 'reveal'; readonly revealed: boolean }
  /** Takes the last resolved turn back: the teams give that turn's orders again. */
  | { readonly kind: 'undo' }
  | { readonly kind: 'end' };

/** The actions that change the game itself, replayed with its turns when it is restored. */
export type ReplayedAction = Extract<InstructorAction, { kind: 'fire' | 'adjust' | 'end' }>;
export const isReplayed = (a: InstructorAction): a is ReplayedAction => a.kind === 'fire' || a.kind === 'adjust' || a.kind === 'end';

/** One entry of a game's record of instructor actions. */
export interface ActionEntry {
  /** The turn the game was at. */
  readonly turn: number;
  /** Server time (ms since the epoch). */
  readonly at: number;
  readonly action: InstructorAction;
  /** Taken back by a later undo (a fire or set meter of a turn that was undone). */
  readonly undone: boolean;
}

/** A game as the dashboard shows it, sent again whenever it changes. */
export interface GameSummary {
  readonly code: string;
  readonly turn: number;
  readonly ending: { readonly id: string; readonly turn: number; readonly byInstructor: boolean } | null;
  readonly sealed: Readonly<Record<Side, boolean>>;
  /** Has a team been given this seat? */
  readonly claimed: Readonly<Record<Side, boolean>>;
  readonly seats: Readonly<Record<Side, SeatPresence>>;
  readonly paused: boolean;
  readonly revealed: boolean;
  /** The true meters: values[i] is each meter (in the scenario's order) when turn i + 1 opened; the last is now. */
  readonly meters: readonly (readonly number[])[];
  /** How long each team has done nothing (no orders sealed or changed, no memo) when this was sent; null while no one holds the seat. */
  readonly idleMs: Readonly<Record<Side, number | null>>;
  /** How many instructor actions the record holds. */
  readonly actions: number;
}

/** The dashboard's whole picture of the class, sent when it joins. */
export interface ClassPicture {
  readonly code: string;
  readonly settings: ClassSettings;
  readonly games: readonly GameSummary[];
}

/** One team's written work. */
export interface Memo {
  readonly turn: number;
  readonly side: Side;
  readonly text: string;
  readonly at: number;
}
export interface Answer {
  readonly side: Side;
  /** The question's place in the scenario's list. */
  readonly question: number;
  readonly text?: string;
  readonly choice?: string;
  readonly at: number;
}

/** A game's whole record, for the class debrief and the exports: nothing hidden (the instructor sees all). */
export interface GameRecord {
  readonly code: string;
  readonly claimed: Readonly<Record<Side, boolean>>;
  /** Turn 1 as it opened, then the state after each report (true states, seed removed). */
  readonly states: readonly GameState[];
  readonly reports: readonly TurnReport[];
  readonly actions: readonly ActionEntry[];
  readonly memos: readonly Memo[];
  readonly answers: readonly Answer[];
}

export interface ClassRecord {
  readonly code: string;
  readonly settings: ClassSettings;
  readonly games: readonly GameRecord[];
}

/** Dashboard → server. */
export const TO_CLASS = { act: 'act', record: 'record' } as const;
/** Server → dashboard. */
export const FROM_CLASS = { picture: 'picture', game: 'game', acted: 'acted', record: 'record', refused: 'refused' } as const;

/** An action for some games (or every game of the class). */
export interface ActMessage {
  readonly games: readonly string[] | 'all';
  readonly action: InstructorAction;
}
/** What came of an action: per game, null when done, else why not (in words). */
export interface ActedMessage {
  readonly action: InstructorAction;
  readonly results: readonly { readonly game: string; readonly problem: string | null }[];
}

/** A team is idle past this: the dashboard says so. */
export const IDLE_ALERT_MS = 3 * 60_000;
/** A game this many turns ahead of (or behind) the class's middle is flagged. */
export const PACE_ALERT_TURNS = 2;

export type Alert =
  { readonly kind: 'idle'; readonly game: string; readonly side: Side; readonly minutes: number } | { readonly kind: 'ahead' | 'behind'; readonly game: string; readonly turns: number };

/**
 * What the dashboard warns of: a team idle for some minutes (`sinceMs` is how long ago each summary
 * arrived, so idleness grows between messages), and a game far ahead of or behind the middle of the class.
 */
export function classAlerts(games: readonly GameSummary[], sinceMs: (code: string) => number): Alert[] {
  const alerts: Alert[] = [];
  const running = games.filter((g) => g.ending === null);
  const turns = games.map((g) => g.turn).sort((a, b) => a - b);
  const middle = turns.length === 0 ? 0 : turns[Math.floor((turns.length - 1) / 2)]!;
  for (const g of running) {
    if (g.paused) continue;
    for (const side of ['tokyo', 'seoul'] as const) {
      const idle = g.idleMs[side];
      if (idle === null || g.sealed[side]) continue;
      const ms = idle + sinceMs(g.code);
      if (ms >= IDLE_ALERT_MS) alerts.push({ kind: 'idle', game: g.code, side, minutes: Math.floor(ms / 60_000) });
    }
    const off = g.turn - middle;
    if (Math.abs(off) >= PACE_ALERT_TURNS) alerts.push({ kind: off > 0 ? 'ahead' : 'behind', game: g.code, turns: Math.abs(off) });
  }
  return alerts;
}
