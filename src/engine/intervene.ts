/**
 * The instructor's hand on a game in class: fire one of the scenario's events now, set a meter
 * with a reason, or end the game. Each acts on a turn waiting for orders, is pure, and leaves its
 * changes in the turn's opening changes, so the turn report and the debrief show them with their
 * cause. A save replays them from its log in the order they were made.
 */
import { lookup } from './lookup';
import type { Scenario } from './model';
import { resumeRandom } from './random';
import type { TurnReport } from './report';
import type { EndingResult, GameState, PendingResponse } from './state';
import { endingNow, fireOne } from './turn';
import { clamp, World } from './world';

export type Intervention =
  | { readonly kind: 'fire'; readonly event: string }
  /** Sets the meter to `value` (kept within its bounds); `reason` is what the instructor wrote. */
  | { readonly kind: 'adjust'; readonly meter: string; readonly value: number; readonly reason: string }
  | { readonly kind: 'end' };

export class InterventionError extends Error {
  override name = 'InterventionError';
}

/** Why the intervention cannot be made on this state, in the checker's plain words; null when it can. */
export function interventionProblem(scenario: Scenario, state: GameState, action: Intervention): string | null {
  if (state.ending) return `the game already ended after turn ${state.ending.turn}`;
  const { events, meters } = lookup(scenario);
  switch (action.kind) {
    case 'fire':
      if (!events.has(action.event)) return `the scenario has no event '${action.event}'`;
      if (state.fired.includes(action.event)) return `event '${action.event}' already fired this turn`;
      return null;
    case 'adjust':
      if (!meters.has(action.meter)) return `the scenario has no meter '${action.meter}'`;
      if (!Number.isFinite(action.value)) return `the new value of meter '${action.meter}' is not a number`;
      if (action.reason.trim() === '') return 'an adjustment needs a reason';
      return null;
    case 'end':
      return null;
  }
}

/**
 * Applies one intervention to a turn waiting for orders. 'end' also returns the report of the
 * turn it cut short (its opening changes and the ending), so the debrief has the last word.
 * Throws InterventionError when interventionProblem finds one.
 */
export function intervene(scenario: Scenario, state: GameState, action: Intervention): { state: GameState; report?: TurnReport } {
  const problem = interventionProblem(scenario, state, action);
  if (problem !== null) throw new InterventionError(`turn ${state.turn}: ${problem}`);
  if (action.kind === 'end') return endGame(scenario, state);
  const w = new World(scenario, state, state.history, state.turn, resumeRandom(state.rng));
  w.current.fired = state.fired.slice();
  const responses: PendingResponse[] = state.responses.slice();
  if (action.kind === 'fire') {
    const { events, causes } = lookup(scenario);
    fireOne(events.get(action.event)!, w, responses, { ...causes.event.get(action.event)!, byInstructor: true });
  } else {
    const slot = scenario.meters.findIndex((m) => m.id === action.meter);
    const m = scenario.meters[slot]!;
    const before = w.meterValues[slot]!;
    const after = clamp(action.value, m.min, m.max, before);
    if (after !== before) {
      w.setMeter(slot, after);
      w.changes.push({ target: 'meter', id: m.id, before, after, cause: { kind: 'instructor', id: m.id, reason: action.reason.trim() } });
    }
  }
  const opening = state.opening.slice();
  for (const c of w.changes) opening.push(c);
  return {
    state: {
      ...state,
      rng: w.random.state(),
      ...w.handOut(),
      fired: w.current.fired,
      opening,
      responses,
      fireNext: w.fireNext,
      scheduled: w.scheduled,
    },
  };
}

function endGame(scenario: Scenario, state: GameState): { state: GameState; report: TurnReport } {
  const w = new World(scenario, state, state.history, state.turn, resumeRandom(state.rng));
  const ending: EndingResult = { ...endingNow(scenario, w, state.turn), byInstructor: true };
  const report: TurnReport = {
    turn: state.turn,
    fired: state.fired.map((event) => ({ event })),
    decisions: { tokyo: [], seoul: [] },
    joint: [],
    proposed: [],
    declined: [],
    changes: state.opening,
    ending,
  };
  return {
    state: { ...state, opening: [], responses: [], proposals: [], fireNext: [], scheduled: [], fired: [], ending },
    report,
  };
}
