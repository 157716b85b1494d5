/**
 * The class game slice: a game whose state lives on the class server, played from this device at
 * one seat. The connection (src/ui/class/connection.ts) hands in what the server says — each view of
 * the seat, each refusal, each change of connection — and this slice turns it into the session the
 * screens already draw: a turn resolved on the server arrives as the same ruling the engine in the
 * page gives, through the game slice's `apply`. The other side's orders, its polls and the meters
 * this seat cannot see never reach the device (the server sends the seat's copy only).
 */
import { stateHash, type SideOrders, type TurnReport } from '../../engine';
import type { Side } from '../../engine/model';
import type { ClassView, Refusal, SeatName, SeatPresence } from '../../class/protocol';
import { MAX_MEMO, type Answer, type MemoRule } from '../../class/instructor';
import type { Resolved } from '../authority';
import { EMPTY_DRAFT, INSTRUCTOR_CLOSED, NO_CLASSROOM, type Session } from '../session';
import type { Screen } from '../screens';
import { apply } from './game';
import type { AppState, Kit, Slice } from './kit';
import { selectEntry } from './library';
import { moveTo } from './ui';

/** What the device sends the server for its seat (the connection implements it). */
export interface ClassLink {
  seal(turn: number, orders: SideOrders): void;
  unseal(turn: number): void;
  /** This team's answer to one of the debrief's questions (its place in the scenario's list). */
  answer(question: number, answer: { readonly text?: string; readonly choice?: string }): void;
  /** Leaves the game for good (the seat is free for another device). */
  leave(): void;
}

/** connecting: first join; connected; reconnecting: the link dropped and is being made again (orders are kept); lost: it could not be; replaced: another device took the seat. */
export type ClassConnection = 'connecting' | 'connected' | 'reconnecting' | 'lost' | 'replaced';

export interface ClassGame {
  readonly code: string;
  readonly seat: SeatName;
  readonly connection: ClassConnection;
  readonly seats: Readonly<Record<Side, SeatPresence>>;
  /** Which sides have sealed their orders this turn (the server says; never what). */
  readonly sealed: Readonly<Record<Side, boolean>>;
  /** Orders sent and not yet acknowledged by the server. */
  readonly sending: boolean;
  /** The server's last refusal, in its words, until the next change. */
  readonly refusal: Refusal | null;
  /** When the turn's time runs out, on this device's clock (from the time left the server said); null when untimed. */
  readonly turnEndsAt: number | null;
  /** The class the game is one of, when it is. */
  readonly classCode: string | null;
  /** The instructor paused the game (no orders are taken) or showed the teams the true meters. */
  readonly paused: boolean;
  readonly revealed: boolean;
  /** The class's memo rule (null: a game on its own, which has no memos). */
  readonly memo: MemoRule | null;
  /** The team's memo for this turn as typed; sent with the orders. */
  readonly memoDraft: string;
  /** The team's answers to the debrief's questions, as the server has them. */
  readonly answers: readonly Answer[];
}

export interface ClassGameState {
  readonly classGame: ClassGame | null;
}

export interface ClassGameActions {
  /** The connection is made: what this device sends goes through `link` (null when it is gone). */
  attachClassLink(link: ClassLink | null): void;
  /** The server's view of this seat: the game as the seat may know it, whole (its reports joined by the connection, src/class/protocol.ts joinViews). */
  classViewArrived(view: ClassView): void;
  classConnectionChanged(connection: ClassConnection): void;
  classRefused(refusal: Refusal): void;
  /** From the lobby: to the game at the screen it is at (the briefing before the first turn). */
  enterClassGame(): void;
  /** Takes this team's sealed orders back to change them (the turn has not resolved). */
  unsealOrders(): void;
  /** Leaves the class game and returns to the title. */
  leaveClassGame(): void;
  /** What the team writes in its memo for the turn (kept until the turn resolves). */
  setMemo(text: string): void;
  /** Sends the team's answer to a debrief question. */
  answerQuestion(question: number, answer: { readonly text?: string; readonly choice?: string }): void;
}

/** What a resolved turn's report says each side did: the orders as far as this seat may know them. */
function ordersOf(report: TurnReport): Record<Side, SideOrders> {
  return { tokyo: { decisions: report.decisions.tokyo }, seoul: { decisions: report.decisions.seoul } };
}

function sessionOf(view: ClassView, own: SideOrders | null): Session {
  return {
    scenarioId: view.scenarioId,
    mode: 'class',
    // An observer's screens are drawn from Tokyo's chair, with nothing to choose.
    human: view.seat === 'observer' ? 'tokyo' : view.seat,
    difficulty: 'normal',
    // The code stands for the seed the device never has: it keys what the screens remember per game.
    seed: view.code,
    state: view.state,
    reports: view.reports,
    orders: view.reports.map(ordersOf),
    draft: own ?? EMPTY_DRAFT,
    sealed: {},
    classroom: { ...NO_CLASSROOM, timerSeconds: view.turnSeconds },
    log: [],
    past: view.states,
  };
}

/** Where a class game opens: the briefing before the first turn, the debrief once ended, else the turn. */
function screenOf(session: Session): Screen {
  return session.state.ending ? 'debrief' : session.reports.length === 0 ? 'briefing' : 'turn';
}

export function classGameSlice(kit: Kit, link: Kit['classLink']): Slice<ClassGameState, ClassGameActions> {
  const { get, set } = kit;
  const update = (change: Partial<ClassGame>): void => {
    const classGame = get().classGame;
    if (classGame) set({ classGame: { ...classGame, ...change } });
  };

  return {
    state: { classGame: null },
    actions: {
      attachClassLink: (l) => void (link.current = l),
      classViewArrived: (view) => {
        const before = get().classGame;
        const turnEndsAt = view.timeLeftMs === null ? null : kit.timer.now() + view.timeLeftMs;
        const known = {
          seats: view.seats,
          sealed: view.sealed,
          sending: false,
          refusal: null,
          turnEndsAt,
          classCode: view.classCode,
          paused: view.paused,
          revealed: view.revealed,
          memo: view.memo,
          answers: view.answers,
        };
        // The memo typed stays through the turn's views; a new turn starts it empty (or as sealed, after a reload).
        const held = get().session;
        const sameTurn = before?.code === view.code && held?.state.turn === view.state.turn;
        const memoDraft = sameTurn ? before.memoDraft : (view.ownMemo ?? '');
        const session = get().session;
        if (!before || before.code !== view.code || !session || session.mode !== 'class') {
          // A scenario this page lacks (a server newer than the page): the lobby says so, and there is no game to go into.
          if (!selectEntry(get(), view.scenarioId))
            return set({
              classGame: {
                code: view.code,
                seat: view.seat,
                connection: 'connected',
                ...known,
                memoDraft,
                refusal: { about: 'view', problem: `this page does not have the scenario '${view.scenarioId}'; reload the page` },
              },
              session: null,
            });
          // A new game at this device: the lobby shows it until the team goes in.
          set({
            classGame: { code: view.code, seat: view.seat, connection: 'connected', ...known, memoDraft },
            session: sessionOf(view, view.own),
            instructor: INSTRUCTOR_CLOSED,
            clock: null,
            timedOut: null,
          });
          return;
        }
        const resolvedOne = view.reports.length === session.reports.length + 1;
        if (resolvedOne) {
          // The past first (the resolution reads it), then the ruling as the engine in the page would give it.
          // At the game's end the server reveals the whole past: the reports before this one are the unfiltered ones then.
          set({ classGame: { ...before, ...known, memoDraft }, session: { ...session, reports: view.reports.slice(0, -1), past: view.states } });
          const ruling: Resolved = { kind: 'resolved', scenarioId: view.scenarioId, turn: session.state.turn, orders: ordersOf(view.reports.at(-1)!), state: view.state, report: view.reports.at(-1)! };
          // On the lobby or the briefing the team has not reached the turn: the session moves on and the screen stays.
          if (get().screen === 'classJoin' || get().screen === 'briefing') set({ session: sessionOf(view, null) });
          else apply(kit, ruling);
          return;
        }
        if (view.reports.length !== session.reports.length) {
          // More than one turn passed while away (or a turn taken back): the game as it is now.
          const next = sessionOf(view, view.own);
          set({ classGame: { ...before, ...known, memoDraft } });
          if (get().screen === 'classJoin') set({ session: next });
          else moveTo(kit, screenOf(next), () => ({ session: next }));
          return;
        }
        // The same turn: who is here and who has sealed, the turn as the instructor left it; this seat's own sealed orders shown as its draft;
        // the turn's clock as the server has it (kept when within a second: a view does not restart the timer's display).
        const own = view.seat === 'observer' ? null : view.own;
        // Compared, not replaced on every view: the turn screen draws again when its state changes.
        const changed = view.revealed !== before.revealed || stateHash(view.state) !== stateHash(session.state);
        const clock = get().clock;
        const drift = clock && clock.endsAt !== null && turnEndsAt !== null && Math.abs(clock.endsAt - turnEndsAt) > 1_000;
        set({
          classGame: { ...before, ...known, memoDraft },
          // The instructor may have changed the turn (an event fired, a meter set, the true meters shown): the state as the server has it.
          ...((own || changed) && { session: { ...session, ...(changed && { state: view.state, reports: view.reports, past: view.states }), ...(own && { draft: own }) } }),
          ...(drift && { clock: { ...clock, endsAt: turnEndsAt, leftMs: Math.max(0, turnEndsAt - kit.timer.now()) } }),
        });
      },
      classConnectionChanged: (connection) => update({ connection, ...(connection !== 'connected' && { sending: false }) }),
      classRefused: (refusal) => update({ refusal, sending: false }),
      enterClassGame: () => {
        const session = get().session;
        if (session?.mode === 'class') moveTo(kit, screenOf(session));
      },
      unsealOrders: () => {
        const { session, classGame } = get();
        if (!session || !classGame || classGame.seat === 'observer' || !classGame.sealed[classGame.seat] || classGame.connection !== 'connected') return;
        link.current?.unseal(session.state.turn);
        update({ sending: true });
      },
      setMemo: (text) => update({ memoDraft: text.slice(0, MAX_MEMO) }),
      answerQuestion: (question, answer) => {
        const c = get().classGame;
        if (!c || c.seat === 'observer' || c.connection !== 'connected') return;
        link.current?.answer(question, answer);
        update({ sending: true });
      },
      leaveClassGame: () => {
        link.current?.leave();
        link.current = null;
        moveTo(kit, 'title', () => ({ classGame: null, session: null, clock: null, timedOut: null, canContinue: kit.persistence.hasGame() }));
      },
    },
  };
}

/** Is this device's seat's team able to give orders now (a team seat, connected, its orders not yet sealed or on their way)? */
export function selectClassSeatOpen(state: AppState): boolean {
  const c = state.classGame;
  if (!c) return true;
  return c.seat !== 'observer' && c.connection === 'connected' && !c.sending && !c.sealed[c.seat];
}

/**
 * How many more characters the team's memo needs before its End turn counts (the class's rule), or 0;
 * null when no memo is asked for.
 */
export function selectMemoShort(state: AppState): number | null {
  const c = state.classGame;
  if (!c?.memo?.required || c.seat === 'observer') return null;
  return Math.max(0, c.memo.minLength - [...c.memoDraft.trim()].length);
}
