/**
 * The hot-seat turn timer's time: the clock the store reads and schedules on (injected, so tests
 * move time by hand; in the browser it is Date.now and setTimeout), and a team's clock on it. The
 * engine never sees any of this: a timer only decides when the team's choices are submitted.
 */
import type { Side } from '../engine/model';
import type { Session } from './session';

export interface Timer {
  /** Milliseconds on a steady clock. */
  now(): number;
  /** Calls `fn` once, `ms` from now; the function returned cancels the call. */
  after(ms: number, fn: () => void): () => void;
}

/** The browser's (and Node's) own clock. */
export const systemTimer: Timer = {
  now: () => Date.now(),
  after: (ms, fn) => {
    const id = setTimeout(fn, ms);
    return () => clearTimeout(id);
  },
};

/** A clock that reads `now` and schedules nothing: a turn's time runs out only when timeUp is called. */
export function readOnlyTimer(now: () => number): Timer {
  return { now, after: () => () => {} };
}

/** Time left when the team is warned (the view turns the timer amber, rings the bell and says so). */
export const WARNING_MS = 30_000;

/**
 * The turn timer of the team at the controls: running (endsAt, on the store's clock) or stopped
 * with the time left (leftMs) while the game is paused.
 */
export interface Clock {
  readonly side: Side;
  /** The turn it times: a save keeps the clock, and a reload resumes it only on the same team's same turn. */
  readonly turn: number;
  readonly endsAt: number | null;
  readonly leftMs: number;
  /** The team has been warned that 30 seconds are left (true from the start on a clock that short). */
  readonly warned: boolean;
}

/** Milliseconds left on a clock at time `now` (never below zero). */
export function clockLeftMs(clock: Clock, now: number): number {
  return Math.max(0, clock.endsAt === null ? clock.leftMs : clock.endsAt - now);
}

/**
 * The clock of the team taking the controls of `session`'s turn: the session's full time, stopped
 * (endsAt null) when the team takes the controls during a pause, so it never runs while paused.
 * A class game's turn ends when its server says (`endsAt`, on this clock), not a full time after
 * the team looks. Null when the session has no timer or the game has ended.
 */
export function clockFor(session: Session, now: number, paused: boolean, endsAt?: number | null): Clock | null {
  const seconds = session.classroom.timerSeconds;
  if (!seconds || session.state.ending) return null;
  const ms = endsAt !== undefined && endsAt !== null ? Math.max(0, endsAt - now) : seconds * 1000;
  return { side: session.human, turn: session.state.turn, endsAt: paused ? null : now + ms, leftMs: ms, warned: ms <= WARNING_MS };
}

/** The clock stopped at `now`, keeping the time it had left. */
export function stopped(clock: Clock, now: number): Clock {
  return { ...clock, endsAt: null, leftMs: clockLeftMs(clock, now) };
}

/** A stopped clock running again from `now` with the time it had left. */
export function restarted(clock: Clock, now: number): Clock {
  return clock.endsAt === null ? { ...clock, endsAt: now + clock.leftMs } : clock;
}

/** A saved clock, if it is the clock of the team at the controls of `session`'s turn: a reload resumes it (stopped while `paused`), never a fresh full time. */
export function resumedClock(saved: Clock | null | undefined, session: Session, now: number, paused: boolean): Clock | null {
  if (!saved || session.state.ending || saved.side !== session.human || saved.turn !== session.state.turn) return null;
  return paused ? stopped(saved, now) : restarted(saved, now);
}
