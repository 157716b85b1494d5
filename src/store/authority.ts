/**
 * The game authority: where a game is decided. The game slice (src/store/slices/game.ts) asks it to
 * start a game, resolve a turn, apply an instructor's intervention or replay a game, and applies
 * what it rules in one place (`apply` there). Today the authority is the engine in this page, with
 * the computer choosing for the other side (localAuthority). The networked classroom puts a server
 * behind the same interface: its rulings arrive later and go through the same `apply`, which is why
 * a ruling carries everything needed to apply it (the setup, the orders, the intervention, the
 * log), not a reference to the request. No screen knows where a turn is resolved.
 */
import type { Difficulty } from '../ai';
import {
  IllegalOrderError,
  intervene,
  InterventionError,
  interventionProblem,
  newGame,
  resolveTurn,
  type GameState,
  type Intervention,
  type Orders,
  type SideOrders,
  type TurnReport,
} from '../engine';
import type { Scenario, Side } from '../engine/model';
import type { CatalogEntry } from './catalog';
import { replayGame } from './replay';
import { otherSide, type Classroom, type InstructorEntry, type Mode } from './session';

/** Chooses the computer's orders for a turn: deterministic in the state, so a game replays. */
export type ComputerPlayer = (scenario: Scenario, state: GameState, side: Side, difficulty: Difficulty) => SideOrders;

/** A new game as chosen in the menus: everything but its state, which the authority makes. */
export interface GameSetup {
  readonly scenarioId: string;
  readonly mode: Mode;
  /** solo: the player's side; hot-seat: the team that chooses first (Tokyo's). */
  readonly human: Side;
  readonly difficulty: Difficulty;
  readonly seed: string;
  readonly classroom: Classroom;
}

/** A turn to resolve: the state it opened on and the orders given (in solo play only the player's; the authority's computer gives the other side's). */
export interface TurnToResolve {
  readonly entry: CatalogEntry;
  readonly state: GameState;
  readonly mode: Mode;
  readonly difficulty: Difficulty;
  readonly orders: Partial<Readonly<Record<Side, SideOrders>>>;
}

/** A game to replay from its seed, its turns' orders and the instructor's log (how a turn is undone). */
export interface GameToReplay {
  readonly entry: CatalogEntry;
  readonly seed: string;
  readonly orders: readonly Orders[];
  readonly log: readonly InstructorEntry[];
}

export interface Started {
  readonly kind: 'started';
  readonly setup: GameSetup;
  readonly state: GameState;
}

export interface Resolved {
  readonly kind: 'resolved';
  readonly scenarioId: string;
  /** The turn resolved: a ruling for a turn the game has left behind is not applied. */
  readonly turn: number;
  /** Both sides' orders as played (the computer's included), for the action log a save replays. */
  readonly orders: Orders;
  readonly state: GameState;
  readonly report: TurnReport;
}

export interface Intervened {
  readonly kind: 'intervened';
  readonly scenarioId: string;
  /** The turn the intervention was made in. */
  readonly turn: number;
  readonly action: Intervention;
  readonly state: GameState;
  /** The report of the turn cut short when the intervention ended the game. */
  readonly report: TurnReport | null;
}

export interface Replayed {
  readonly kind: 'replayed';
  readonly scenarioId: string;
  readonly orders: readonly Orders[];
  readonly log: readonly InstructorEntry[];
  readonly state: GameState;
  readonly reports: readonly TurnReport[];
}

/** The authority has taken the request and will rule later (a server): its ruling then goes through the same `apply`. */
export interface Pending {
  readonly kind: 'pending';
}

/** The authority would not do it; `problem` says why, in the engine's words. */
export interface Refused {
  readonly kind: 'refused';
  readonly problem: string;
}

export type Ruling = Started | Resolved | Intervened | Replayed | Refused;

export interface GameAuthority {
  start(entry: CatalogEntry, setup: GameSetup): Started | Refused;
  resolve(turn: TurnToResolve): Resolved | Refused | Pending;
  intervene(entry: CatalogEntry, state: GameState, action: Intervention): Intervened | Refused;
  replay(game: GameToReplay): Replayed | Refused;
}

/** Something a class game's server is sent for this device's seat (src/store/slices/classGame.ts ClassLink). */
export interface SealLink {
  seal(turn: number, orders: SideOrders): void;
}

/**
 * A class game: the server decides. A turn's orders are this seat's only; they are sent sealed and
 * the turn resolves on the server once the other team has sealed too, arriving as a view the class
 * game slice turns into the same Resolved ruling. The instructor's interventions are the server's
 * (from the instructor's page), never a team device's.
 */
export function classAuthority(link: { readonly current: SealLink | null }): GameAuthority {
  const notHere: Refused = { kind: 'refused', problem: 'a class game is started, changed and replayed on the class server, not on a team’s device' };
  return {
    start: () => notHere,
    resolve: ({ state, orders }) => {
      const sides = Object.keys(orders) as Side[];
      if (sides.length !== 1) return { kind: 'refused', problem: 'a team device sends only its own side’s orders' };
      if (!link.current) return { kind: 'refused', problem: 'the device is not connected to the class server' };
      link.current.seal(state.turn, orders[sides[0]!]!);
      return { kind: 'pending' };
    },
    intervene: () => notHere,
    replay: () => notHere,
  };
}

/** The engine's refusals become rulings; anything else is a fault and is thrown on. */
function refusal(e: unknown): Refused {
  if (e instanceof IllegalOrderError || e instanceof InterventionError) return { kind: 'refused', problem: e.message };
  throw e;
}

/** The engine in this page decides, and `computer` plays the side no one at the screen plays. */
export function localAuthority(computer: ComputerPlayer): GameAuthority {
  return {
    start: (entry, setup) => ({ kind: 'started', setup, state: newGame(entry.scenario, setup.seed) }),
    resolve: ({ entry, state, mode, difficulty, orders: given }) => {
      const sides = Object.keys(given) as Side[];
      if (sides.length === 0) return { kind: 'refused', problem: 'no side gave orders for the turn' };
      const side = sides[0]!;
      const other = otherSide(side);
      const theirs = given[other] ?? (mode === 'solo' ? computer(entry.scenario, state, other, difficulty) : undefined);
      if (!theirs) return { kind: 'refused', problem: `the ${other} team has not given its orders for turn ${state.turn}` };
      const orders = { [side]: given[side]!, [other]: theirs } as Orders;
      try {
        const { state: next, report } = resolveTurn(entry.scenario, state, orders);
        return { kind: 'resolved', scenarioId: entry.id, turn: state.turn, orders, state: next, report };
      } catch (e) {
        return refusal(e);
      }
    },
    intervene: (entry, state, action) => {
      const problem = interventionProblem(entry.scenario, state, action);
      if (problem !== null) return { kind: 'refused', problem };
      const done = intervene(entry.scenario, state, action);
      return { kind: 'intervened', scenarioId: entry.id, turn: state.turn, action, state: done.state, report: done.report ?? null };
    },
    replay: ({ entry, seed, orders, log }) => {
      try {
        const { state, reports } = replayGame(entry.scenario, seed, orders, log);
        return { kind: 'replayed', scenarioId: entry.id, orders, log, state, reports };
      } catch (e) {
        return refusal(e);
      }
    },
  };
}
