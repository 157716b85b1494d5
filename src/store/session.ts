/**
 * A game being played: the engine's state plus what the screens need around it (who the human
 * governs, the computer's difficulty, every turn's report) and the action log a save replays.
 */
import type { GameState, Orders, SideOrders, TurnReport } from '../engine';
import type { Side } from '../engine/model';

import type { Difficulty } from '../ai';

export { DIFFICULTIES, type Difficulty } from '../ai';

export interface Session {
  readonly scenarioId: string;
  /** The side the player governs; the computer plays the other. */
  readonly human: Side;
  readonly difficulty: Difficulty;
  readonly seed: string;
  /** The current state: a turn waiting for orders, or the ended game. */
  readonly state: GameState;
  /** The report of every resolved turn, in order (reports[i] is turn i + 1). */
  readonly reports: readonly TurnReport[];
  /** Every resolved turn's orders, in order: with the seed, they replay the game. */
  readonly orders: readonly Orders[];
  /** The player's choices for the current turn, not yet submitted. */
  readonly draft: SideOrders;
}

export const EMPTY_DRAFT: SideOrders = Object.freeze({ decisions: [], responses: {} });
