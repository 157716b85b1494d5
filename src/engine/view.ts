/**
 * What one side may know: meters it sees exactly, meters it sees through a poll (the
 * estimate and its margin, never the true value), and nothing of hidden meters.
 * The screens and the computer opponent read this, not the whole state.
 */
import type { Scenario, Side } from './model';
import type { GameState } from './state';

export type MeterView = { readonly seen: 'exact'; readonly value: number } | { readonly seen: 'poll'; readonly estimate: number; readonly margin: number };

export interface SideView {
  readonly side: Side;
  readonly turn: number;
  readonly capital: number;
  /** Meters this side can see; hidden ones are absent. */
  readonly meters: Readonly<Record<string, MeterView>>;
  readonly counters: GameState['counters'];
  readonly flags: GameState['flags'];
  readonly fired: GameState['fired'];
  /** Responses asked of this side this turn. */
  readonly responses: GameState['responses'];
  /** Proposals are public: both sides see them. */
  readonly proposals: GameState['proposals'];
}

export function sideView(scenario: Scenario, state: GameState, side: Side): SideView {
  const meters: Record<string, MeterView> = {};
  for (const m of scenario.meters) {
    const seen = m.visibility[side];
    if (seen === 'exact') meters[m.id] = { seen, value: state.meters[m.id]! };
    else if (seen === 'poll') {
      // An observer's copy of a class game carries no side's polls (src/engine/seat.ts): what it has not polled it does not see.
      const poll = state.polls[side][m.id];
      if (poll) meters[m.id] = { seen, estimate: poll.estimate, margin: poll.margin };
    }
  }
  return {
    side,
    turn: state.turn,
    capital: state.capital[side],
    meters,
    counters: state.counters,
    flags: state.flags,
    fired: state.fired,
    responses: state.responses.filter((r) => r.side === side),
    proposals: state.proposals,
  };
}
