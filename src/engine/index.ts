/**
 * The engine: pure and deterministic. Given the same scenario, seed and orders it
 * produces the same states and reports, in Node, in the browser, in the simulator.
 */
export { newGame, resolveTrustedTurn, resolveTurn } from './turn';
export {
  capitalLeft,
  choosing,
  decisionOptions,
  IllegalOrderError,
  orderProblems,
  ordersCost,
  unavailableReason,
  type Choosing,
  type DecisionOption,
  type Orders,
  type SideOrders,
  type Unavailable,
} from './orders';
export { intervene, InterventionError, interventionProblem, type Intervention } from './intervene';
export { replayGame, type TimedIntervention } from './replay';
export { randomOrders } from './randomPlayer';
export { turnEnd, type TurnEnd } from './turnEnd';
export { canonicalJson, stateHash } from './hash';
export { sideView, type MeterView, type SideView } from './view';
export { endedGameState, seatReport, seatState, type Seat } from './seat';
export type { EndingResult, GameState, PendingResponse, Poll, Proposal, ScheduledEffect, TurnRecord } from './state';
export type { Cause, CauseKind, Change, FiredEvent, TurnReport } from './report';
export type { RandomState } from './random';
