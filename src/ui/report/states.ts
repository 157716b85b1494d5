/** The game's true state after each of its turn reports, the instructor's hand included: what the class debrief charts. */
import type { GameState } from '../../engine';
import type { Scenario } from '../../engine/model';
import { replayGame } from '../../store/replay';
import type { Session } from '../../store/session';

/** states[0] is turn 1 as it opened; states[i] is the state right after reports[i - 1]: one more than the reports. */
export function statesAfterReports(scenario: Scenario, session: Pick<Session, 'seed' | 'orders' | 'log'>): GameState[] {
  return replayGame(scenario, session.seed, session.orders, session.log).states;
}
