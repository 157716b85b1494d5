/**
 * The classroom slice: the instructor's panel (behind the session's PIN), the pause and the reveal
 * it controls, and the hot-seat turn timer. The timer runs on the store's injected clock: when a
 * team's clock runs on the turn screen the store schedules the 30-second warning (clock.warned) and,
 * at zero, submits the team's choices as they stand; a pause, a resume, the end of the turn or a
 * change of screen cancels that and schedules again (runTurnTimer). No view keeps time.
 */
import type { StoreApi } from 'zustand/vanilla';
import type { Side } from '../../engine/model';
import { clockLeftMs, restarted, stopped, WARNING_MS, type Clock } from '../clock';
import { afterWrongTry, NO_GUARD, openOrders, openWithPin, waitLeftMs } from '../pin';
import { isSideOrders } from '../saveFile';
import { INSTRUCTOR_CLOSED, type InstructorView, type Session } from '../session';
import { hasPin, saveSession, selectInstructing, selectSessionEntry, withLogEntry } from './game';
import type { AppState, Kit, Slice, Store } from './kit';

export interface ClassroomState {
  readonly instructor: InstructorView;
  /** The turn timer, when the session has one and a team is choosing. */
  readonly clock: Clock | null;
  /**
   * Set when a team's time ran out and its choices were submitted as they stood (for the screens to
   * say so); cleared when the next team takes the controls or another turn opens.
   */
  readonly timedOut: { readonly side: Side; readonly turn: number } | null;
  /**
   * The key that opens orders sealed under the session's PIN (src/store/pin.ts): in memory only,
   * from the start of the session or from the PIN typed since the last reload.
   */
  readonly opener: CryptoKey | null;
}

/** What a PIN typed at the panel came to: opened, wrong (try again after waitMs; 0: at once), or not tried, for the wait left (waitMs). */
export type UnlockResult = { readonly ok: true } | { readonly ok: false; readonly tried: boolean; readonly waitMs: number };

export interface ClassroomActions {
  /** Opens the instructor's panel: locked behind the session's PIN when it has one. */
  openInstructorPanel(): void;
  /**
   * Unlocks the panel when the PIN is right, and opens orders sealed before a reload. After three
   * wrong tries each next try waits longer (5 s, doubling, up to 5 minutes); the wait is saved, so
   * a reload does not lift it.
   */
  unlockInstructorPanel(pin: string): Promise<UnlockResult>;
  closeInstructorPanel(): void;
  // The instructor's actions below work only while the panel is open, and are logged for the debrief.
  pause(): void;
  resume(): void;
  /** Shows (or hides again) every meter's true value, hidden ones and those behind polls. */
  setRevealed(revealed: boolean): void;
  /**
   * The timer ran out: the team's choices so far are submitted as they stand. The store calls it
   * itself when the team's clock reaches zero; early, or while paused, it does nothing.
   */
  timeUp(): void;
}

export function classroomSlice(kit: Kit): Slice<ClassroomState, ClassroomActions> {
  const { set, get, timer } = kit;
  const panel = (change: Partial<InstructorView>): void => set({ instructor: { ...get().instructor, ...change } });
  return {
    state: { instructor: INSTRUCTOR_CLOSED, clock: null, timedOut: null, opener: null },
    actions: {
      openInstructorPanel: () => {
        const session = get().session;
        if (!session || get().instructor.panel !== 'closed') return;
        panel({ panel: hasPin(session.classroom) ? 'locked' : 'open' });
      },
      unlockInstructorPanel: async (pin) => {
        const se = selectSessionEntry(get());
        const lock = se?.session.classroom.pin;
        if (!se || !lock || get().instructor.panel !== 'locked') return { ok: false, tried: false, waitMs: 0 };
        const wait = waitLeftMs(se.session.classroom.guard, timer.now());
        if (wait > 0) return { ok: false, tried: false, waitMs: wait };
        const opener = await openWithPin(lock, pin);
        // The game may have moved on while the key was derived: the answer counts for the session that asked.
        const now = selectSessionEntry(get());
        if (!now || now.session.seed !== se.session.seed) return { ok: false, tried: false, waitMs: 0 };
        const { session, entry } = now;
        if (!opener) {
          const guard = afterWrongTry(session.classroom.guard ?? NO_GUARD, timer.now());
          set(saveSession(kit, { ...session, classroom: { ...session.classroom, guard } }, entry));
          return { ok: false, tried: true, waitMs: waitLeftMs(guard, timer.now()) };
        }
        const opened = await openSealed(session, opener);
        const latest = selectSessionEntry(get());
        if (!latest || latest.session.seed !== session.seed) return { ok: false, tried: false, waitMs: 0 };
        const next: Session = { ...latest.session, sealed: { ...opened, ...latest.session.sealed }, classroom: { ...latest.session.classroom, guard: NO_GUARD } };
        set({ ...saveSession(kit, next, latest.entry), opener, instructor: { ...get().instructor, panel: 'open' } });
        return { ok: true };
      },
      closeInstructorPanel: () => panel({ panel: 'closed' }),
      pause: () => {
        const se = selectInstructing(get());
        if (!se || get().instructor.paused || se.session.state.ending) return;
        const clock = get().clock && stopped(get().clock!, timer.now());
        set({ ...saveSession(kit, withLogEntry(se.session, { kind: 'pause' }), se.entry, clock), instructor: { ...get().instructor, paused: true }, clock });
      },
      resume: () => {
        const se = selectInstructing(get());
        if (!se || !get().instructor.paused) return;
        const clock = get().clock && restarted(get().clock!, timer.now());
        set({ ...saveSession(kit, withLogEntry(se.session, { kind: 'resume' }), se.entry, clock), instructor: { ...get().instructor, paused: false }, clock });
      },
      setRevealed: (revealed) => {
        const se = selectInstructing(get());
        if (!se || get().instructor.revealed === revealed) return;
        set({ ...saveSession(kit, withLogEntry(se.session, { kind: revealed ? 'reveal' : 'hide' }), se.entry), instructor: { ...get().instructor, revealed } });
      },
      timeUp: () => {
        const { clock, session, screen, instructor } = get();
        if (!clock || !session || screen !== 'turn' || instructor.paused || clock.side !== session.human || clockLeftMs(clock, timer.now()) > 0) return;
        // Said before the choices go, while the team's turn still shows (as the old scene announced it).
        set({ timedOut: { side: clock.side, turn: session.state.turn } });
        get().actions.endTurn();
      },
    },
  };
}

/**
 * Keeps the store's timer calls in step with the team's clock: whenever the clock, the screen or
 * the pause changes, what was scheduled is cancelled and, while a clock runs on the turn screen,
 * the warning (unless given) and the time-up are scheduled again on the injected timer. A call that
 * wakes early (a browser's timer may) waits for the rest. Returns what stops it.
 */
export function runTurnTimer(kit: Kit, subscribe: StoreApi<Store>['subscribe']): () => void {
  const { timer } = kit;
  let scheduled: (() => void)[] = [];
  const cancel = (): void => {
    for (const stop of scheduled) stop();
    scheduled = [];
  };
  const schedule = (s: Store): void => {
    cancel();
    const clock = s.clock;
    if (!clock || clock.endsAt === null || s.screen !== 'turn' || s.instructor.paused) return;
    const left = clock.endsAt - timer.now();
    if (!clock.warned) {
      scheduled.push(
        timer.after(Math.max(0, left - WARNING_MS), () => {
          if (kit.get().clock === clock) kit.set({ clock: { ...clock, warned: true } });
        }),
      );
    }
    scheduled.push(
      timer.after(Math.max(0, left), () => {
        if (kit.get().clock !== clock) return;
        if (clockLeftMs(clock, timer.now()) > 0) schedule(kit.get());
        else kit.get().actions.timeUp();
      }),
    );
  };
  schedule(kit.get());
  const unsubscribe = subscribe((s, before) => {
    if (s.clock !== before.clock || s.screen !== before.screen || s.instructor.paused !== before.instructor.paused) schedule(s);
  });
  return () => {
    unsubscribe();
    cancel();
  };
}

/** The orders sealed under the PIN before a reload, opened with its key; those that do not open (damaged) stay locked. */
async function openSealed(session: Session, opener: CryptoKey): Promise<Session['sealed']> {
  const opened: Partial<Record<Side, Session['sealed'][Side]>> = {};
  for (const [side, locked] of Object.entries(session.sealedLocked ?? {})) {
    if (session.sealed[side as Side] || !locked) continue;
    const orders = await openOrders(opener, locked);
    if (orders && isSideOrders(orders)) opened[side as Side] = orders;
  }
  return opened;
}

// Selectors.

/** Milliseconds left on the team's clock at `now` (the store's clock), or null when there is no timer. */
export function selectTimeLeftMs(state: AppState, now: number): number | null {
  return state.clock ? clockLeftMs(state.clock, now) : null;
}

/** Is the instructor's panel open (past its PIN)? */
export function selectPanelOpen(state: AppState): boolean {
  return state.instructor.panel === 'open';
}
