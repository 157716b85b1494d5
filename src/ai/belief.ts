/**
 * The world as one side may know it. The computer reasons about this state, never the
 * true one, so it cannot use what a human player on that side could not see:
 *
 * - meters the side sees exactly keep their value;
 * - meters it sees through a poll take the poll's estimate (the middle of the band it is shown);
 * - hidden meters take what drift alone would have made of the scenario's start value by
 *   this turn (the start and the drift are in the scenario, which both sides may read; the
 *   events and decisions that moved the meter since are not seen through it);
 * - the game's generator is dropped: its state is the future chance of the real game. Each
 *   look-ahead sample gets a generator of its own (see lookahead.ts);
 * - the other side's capital is worked out from the believed meters, and its polls are
 *   replaced by the believed values, since both come from values this side cannot see;
 * - this turn's opening changes are dropped (they carry before/after values of every meter).
 *
 * Counters, flags, events fired, pending responses, proposals, history and scheduled effects
 * are public in the game (the turn report shows them), so they are kept.
 */
import seedrandom from 'seedrandom';
import { evalContext } from '../engine/context';
import type { Scenario, Side } from '../engine/model';
import type { GameState, Poll } from '../engine/state';
import { sideView } from '../engine/view';

const NOTHING_CHOSEN = { tokyo: [], seoul: [] };

/** Stands in for the game's generator until a look-ahead sample puts its own in place. */
const NO_KNOWN_CHANCE = seedrandom.alea('the future is not known', { state: true }).state();

export function believedState(scenario: Scenario, state: GameState, side: Side): GameState {
  const view = sideView(scenario, state, side);
  const meters: Record<string, number> = {};
  for (const m of scenario.meters) {
    const seen = view.meters[m.id];
    if (seen?.seen === 'exact') meters[m.id] = seen.value;
    else if (seen?.seen === 'poll') meters[m.id] = seen.estimate;
    else meters[m.id] = m.baseline + (m.start - m.baseline) * (1 - m.drift) ** (state.turn - 1);
  }
  const other: Side = side === 'tokyo' ? 'seoul' : 'tokyo';
  const ctx = evalContext(scenario, {
    meters,
    counters: view.counters,
    flags: view.flags,
    history: state.history,
    current: { turn: state.turn, fired: state.fired, decisions: NOTHING_CHOSEN, joint: [] },
  });
  const otherCapital = scenario.sides[other].capital(ctx);
  const otherPolls: Record<string, Poll> = {};
  for (const id of Object.keys(state.polls[other])) otherPolls[id] = { estimate: meters[id]!, margin: 0 };
  const capital = { [side]: view.capital, [other]: Number.isFinite(otherCapital) ? Math.max(0, Math.round(otherCapital)) : 0 } as Record<Side, number>;
  return {
    ...state,
    rng: NO_KNOWN_CHANCE,
    meters,
    capital,
    polls: { [side]: state.polls[side], [other]: otherPolls } as GameState['polls'],
    opening: [],
  };
}
