/**
 * A game as one seat may hold it on its own device. In a class game the state lives on the server;
 * each team's device gets this copy, shaped like the state so the same screens draw it, with nothing
 * in it the seat may not know: no true value of a meter it sees through a poll or not at all, no
 * other side's polls or capital, and neither the seed nor the generator (with those and the public history a
 * device could replay the game and read every hidden meter). A seat's copy is never resolved: only
 * the server's state is.
 *
 * An observer (the projector) sees what both sides may see: a meter both see exactly, and nothing of
 * the rest (each side's polls differ, and either would tell the other side's team something).
 */
import type { Scenario, Side, Visibility } from './model';
import type { RandomState } from './random';
import type { Change, TurnReport } from './report';
import type { GameState } from './state';

export type Seat = Side | 'observer';

/** A generator state that is no one's: the shape the state needs, nothing a device could draw from. */
const NO_GENERATOR: RandomState = { c: 0, s0: 0, s1: 0, s2: 0 };

function seenBySeat(visibility: Readonly<Record<Side, Visibility>>, seat: Seat): Visibility {
  if (seat !== 'observer') return visibility[seat];
  return visibility.tokyo === 'exact' && visibility.seoul === 'exact' ? 'exact' : 'hidden';
}

/** Each meter's visibility for the seat. */
function seatVisibility(scenario: Scenario, seat: Seat): ReadonlyMap<string, Visibility> {
  return new Map(scenario.meters.map((m) => [m.id, seenBySeat(m.visibility, seat)]));
}

/**
 * A change as the seat may read it. Of a meter it polls, only which way it went: the change keeps its
 * cause and its direction (0 → ±1), never the true values. Of a meter it cannot see, nothing.
 */
function seatChange(change: Change, seen: ReadonlyMap<string, Visibility>): Change | undefined {
  if (change.target !== 'meter') return change;
  const visibility = seen.get(change.id) ?? 'hidden';
  if (visibility === 'exact') return change;
  if (visibility === 'hidden') return undefined;
  const step = Math.sign((change.after as number) - (change.before as number));
  return { ...change, before: 0, after: step };
}

function seatChanges(changes: readonly Change[], seen: ReadonlyMap<string, Visibility>): Change[] {
  return changes.flatMap((c) => seatChange(c, seen) ?? []);
}

export function seatState(scenario: Scenario, state: GameState, seat: Seat): GameState {
  const seen = seatVisibility(scenario, seat);
  const meters: Record<string, number> = {};
  for (const m of scenario.meters) {
    const visibility = seen.get(m.id);
    // A meter the seat does not see exactly shows what it may know in its place: its poll, or the start.
    meters[m.id] = visibility === 'exact' ? state.meters[m.id]! : visibility === 'poll' && seat !== 'observer' ? (state.polls[seat][m.id]?.estimate ?? m.start) : m.start;
  }
  return {
    ...state,
    seed: '',
    rng: NO_GENERATOR,
    meters,
    // The other side's capital can follow from meters this seat does not see.
    capital: { tokyo: seat === 'tokyo' ? state.capital.tokyo : 0, seoul: seat === 'seoul' ? state.capital.seoul : 0 },
    polls: { tokyo: seat === 'tokyo' ? state.polls.tokyo : {}, seoul: seat === 'seoul' ? state.polls.seoul : {} },
    opening: seatChanges(state.opening, seen),
    // What is due later is the server's to know until it lands.
    fireNext: [],
    scheduled: [],
  };
}

export function seatReport(scenario: Scenario, report: TurnReport, seat: Seat): TurnReport {
  return { ...report, changes: seatChanges(report.changes, seatVisibility(scenario, seat)) };
}

/**
 * A state of a game that has ended, as every seat may now hold it: the debrief reveals what the polls
 * hid, so once the game is over nothing is kept from any seat but the seed and the generator.
 */
export function endedGameState(state: GameState): GameState {
  return { ...state, seed: '', rng: NO_GENERATOR };
}
