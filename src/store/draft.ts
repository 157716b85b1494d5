/**
 * The player's choices while a turn is open: what a card click does, and what is left to spend.
 * Legality stays the engine's (decisionOptions); the capital a draft leaves is the engine's own
 * rule (capitalLeft, the sum orderProblems checks), asked before the orders are complete.
 */
import { capitalLeft, decisionOptions, type DecisionOption, type GameState, type SideOrders } from '../engine';
import type { Scenario, Side } from '../engine/model';

export { capitalLeft };

export interface Card {
  readonly option: DecisionOption;
  readonly chosen: boolean;
  /** Can be chosen now: available, and affordable with what the draft leaves (chosen cards are always clickable, to undo). */
  readonly choosable: boolean;
}

export function cards(scenario: Scenario, state: GameState, side: Side, draft: SideOrders): Card[] {
  const left = capitalLeft(scenario, state, side, draft);
  return decisionOptions(scenario, state, side).map((option) => {
    const chosen = draft.decisions.includes(option.decision.id);
    return { option, chosen, choosable: chosen || (!option.unavailable && option.decision.cost <= left) };
  });
}

/** Adds or removes a decision; a decision that cannot be afforded or taken leaves the draft as it was. */
export function toggleDecision(scenario: Scenario, state: GameState, side: Side, draft: SideOrders, id: string): SideOrders {
  if (draft.decisions.includes(id)) return { ...draft, decisions: draft.decisions.filter((d) => d !== id) };
  const card = cards(scenario, state, side, draft).find((c) => c.option.decision.id === id);
  if (!card?.choosable) return draft;
  return { ...draft, decisions: [...draft.decisions, id] };
}

function withoutAnswer(draft: SideOrders, eventId: string): SideOrders {
  return { ...draft, responses: Object.fromEntries(Object.entries(draft.responses ?? {}).filter(([e]) => e !== eventId)) };
}

/** Capital an answer to `eventId` may cost: what is left once any answer already given to it is taken back. */
export function roomForAnswer(scenario: Scenario, state: GameState, side: Side, draft: SideOrders, eventId: string): number {
  return capitalLeft(scenario, state, side, withoutAnswer(draft, eventId));
}

/** Sets the answer to an event; refused (draft unchanged) if the choice costs more than is left. */
export function chooseResponse(scenario: Scenario, state: GameState, side: Side, draft: SideOrders, eventId: string, choiceId: string): SideOrders {
  if (!state.responses.some((r) => r.event === eventId && r.side === side)) return draft;
  const choice = scenario.events.find((e) => e.id === eventId)?.response?.choices.find((c) => c.id === choiceId);
  if (!choice) return draft;
  if (choice.cost > roomForAnswer(scenario, state, side, draft, eventId)) return draft;
  const without = withoutAnswer(draft, eventId);
  return { ...without, responses: { ...without.responses, [eventId]: choiceId } };
}

/**
 * A side's choices kept to those it can still submit on `state`: after the instructor fires an event
 * or sets a meter mid-turn, a chosen decision whose `when` no longer holds would make the turn's
 * orders illegal (the engine refuses them, and the turn could never end). Unchanged choices are
 * returned as they were.
 */
export function stillChoosable(scenario: Scenario, state: GameState, side: Side, orders: SideOrders): SideOrders {
  let kept: SideOrders = { decisions: [], responses: {} };
  for (const [eventId, choiceId] of Object.entries(orders.responses ?? {})) kept = chooseResponse(scenario, state, side, kept, eventId, choiceId);
  for (const id of orders.decisions) kept = toggleDecision(scenario, state, side, kept, id);
  const same = kept.decisions.length === orders.decisions.length && Object.keys(kept.responses ?? {}).length === Object.keys(orders.responses ?? {}).length;
  return same ? orders : kept;
}
