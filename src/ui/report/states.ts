/**
 * The game's true state after each of its turn reports, rebuilt with the engine from the seed, the
 * turns' orders and the instructor's log (the way src/store/replay.ts reads a save). The play
 * screens' replayStates leaves the instructor's hand out; a class debrief must show it.
 */
import { intervene, newGame, resolveTurn, type GameState, type Intervention } from '../../engine';
import type { Scenario } from '../../engine/model';
import { changesTheGame, type InstructorEntry, type Session } from '../../store/session';

/**
 * states[0] is turn 1 as it opened; states[i] is the state right after reports[i - 1] (a resolved
 * turn, or the instructor's ending of a turn cut short), so there is one state per report plus one.
 * An instructor's change made before a turn's orders shows in that turn's state.
 */
export function statesAfterReports(scenario: Scenario, session: Pick<Session, 'seed' | 'orders' | 'log'>): GameState[] {
  const acts = session.log.filter((e): e is InstructorEntry & { kind: 'fire' | 'adjust' | 'end' } => changesTheGame(e) && !e.undone);
  let state = newGame(scenario, session.seed);
  const states: GameState[] = [state];
  let next = 0;
  for (let turn = 0; ; turn++) {
    while (next < acts.length && acts[next]!.turn === state.turn && !state.ending) {
      const done = intervene(scenario, state, asIntervention(acts[next++]!));
      state = done.state;
      if (done.report) states.push(state);
    }
    if (turn >= session.orders.length) break;
    state = resolveTurn(scenario, state, session.orders[turn]!).state;
    states.push(state);
  }
  return states;
}

function asIntervention(act: InstructorEntry & { kind: 'fire' | 'adjust' | 'end' }): Intervention {
  switch (act.kind) {
    case 'fire':
      return { kind: 'fire', event: act.event };
    case 'adjust':
      return { kind: 'adjust', meter: act.meter, value: act.value, reason: act.reason };
    case 'end':
      return { kind: 'end' };
  }
}
