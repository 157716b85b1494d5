/**
 * The random player: legal orders chosen by chance from the player's own generator
 * (never the game's), for simulate's balance reports and the property tests.
 */
import type { ResponseChoice, Scenario, Side } from './model';
import { choosing, isOpen, type SideOrders } from './orders';
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
  const { choosable, choosableIndex, choosablePlaces } = lookup(scenario);
  const mine = choosable[side];
  const index = choosableIndex[side];
  // Places in `mine`, shuffled as they are visited.
  const order = choosablePlaces[side].slice();
  const decisions: string[] = [];
  // Visit this side's decisions in a random order and take each with even odds if it is open
  // and affordable. The coin comes first, so half the decisions are never checked at all.
  for (let i = order.length - 1; i >= 0; i--) {
    // Math.floor, for a number in [0, 2^31): the same whole number.
    const j = (random() * (i + 1)) | 0;
    const k = order[j]!;
    order[j] = order[i]!;
    const d = mine[k]!;
    if (random() < 0.5 && d.cost <= budget && isOpen(state, d, index[k]!, view)) {
      decisions.push(d.id);
      budget -= d.cost;
    }
  }
  return { decisions, responses };
}
