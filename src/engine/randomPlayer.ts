/**
 * The random player: legal orders chosen by chance from the player's own generator
 * (never the game's), for simulate's balance reports and the property tests.
 */
import type { ResponseChoice, Scenario, Side } from './model';
import { choosing, unavailableReason, type SideOrders } from './orders';
import type { GameState } from './state';
import { lookup } from './lookup';

export function randomOrders(scenario: Scenario, state: GameState, side: Side, random: () => number): SideOrders {
  if (state.ending) return { decisions: [] };
  let budget = state.capital[side];
  const responses: Record<string, string> = {};
  for (const pending of state.responses) {
    if (pending.side !== side) continue;
    const affordable: ResponseChoice[] = [];
    for (const c of lookup(scenario).events.get(pending.event)!.response!.choices) if (c.cost <= budget) affordable.push(c);
    const choice = affordable[Math.floor(random() * affordable.length)]!;
    responses[pending.event] = choice.id;
    budget -= choice.cost;
  }
  const view = choosing(scenario, state, side);
  const order = lookup(scenario).choosable[side].slice();
  const decisions: string[] = [];
  // Visit this side's decisions in a random order and take each with even odds if it is open
  // and affordable. The coin comes first, so half the decisions are never checked at all.
  for (let i = order.length - 1; i >= 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const d = order[j]!;
    order[j] = order[i]!;
    if (random() < 0.5 && d.cost <= budget && unavailableReason(state, d, view) === undefined) {
      decisions.push(d.id);
      budget -= d.cost;
    }
  }
  return { decisions, responses };
}
