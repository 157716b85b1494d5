/**
 * What the play screens read from the store: the session, its scenario, who plays which side, the
 * language, and the game's earlier states (rebuilt once per resolved turn with the engine).
 */
import type { GameState } from '../../engine';
import type { Language, Scenario, Side } from '../../engine/model';
import { currentLanguage } from '../../i18n';
import type { AppState, Session } from '../../store';
import { otherSide, replayStates } from '../../ui/present';

export interface PlayContext {
  readonly session: Session;
  readonly scenario: Scenario;
  readonly human: Side;
  readonly other: Side;
  readonly language: Language;
}

export function playContext(state: AppState): PlayContext | null {
  const session = state.session;
  const scenario = session && state.catalog.find((e) => e.id === session.scenarioId)?.scenario;
  if (!session || !scenario) return null;
  return { session, scenario, human: session.human, other: otherSide(session.human), language: currentLanguage() };
}

// One game's states at a time: keyed by the orders list and the instructor's log, which the store replaces when they change.
let cached: { orders: Session['orders']; log: Session['log']; scenario: Scenario; states: GameState[] } | null = null;

/** states[0] is turn 1 as it opened; states[i] follows turn i (see replayStates). */
export function gameStates(ctx: PlayContext): readonly GameState[] {
  const { session, scenario } = ctx;
  // A class game's device has no seed: its seat's past came from the server.
  if (session.past) return session.past;
  if (cached?.orders !== session.orders || cached.log !== session.log || cached.scenario !== scenario) {
    let states: GameState[];
    try {
      states = replayStates(scenario, session.seed, session.orders, session.log);
    } catch {
      // A save whose orders no longer replay (an edited scenario): the screens do without the past.
      states = [session.state];
    }
    cached = { orders: session.orders, log: session.log, scenario, states };
  }
  return cached.states;
}

/** The state the current turn opened from the previous turn's point of view (for "since last turn"). */
export function previousState(ctx: PlayContext): GameState | undefined {
  const states = gameStates(ctx);
  const n = ctx.session.orders.length;
  return n >= 1 && states.length > n ? states[n - 1] : undefined;
}
