/**
 * The random player: legal orders chosen by chance from the player's own generator
 * (never the game's), for simulate's balance reports and the property tests.
 */
import type { Decision, Scenario, Side } from './model';
import { choosingContext, unavailableReason, type SideOrders } from './orders';
import type { GameState } from './state';
import { lookup } from './lookup';

export function randomOrders(scenario: Scenario, state: GameState, side: Side, random: () => number): SideOrders {
  if (state.ending) return { decisions: [] };
  let budget = state.capital[side];
  const responses: Record<string, string> = {};
  for (const pending of state.responses) {
    if (pending.side !== side) continue;
    const affordable = lookup(scenario).events.get(pending.event)!.response!.choices.filter((c) => c.cost <= budget);
    const choice = affordable[Math.floor(random() * affordable.length)]!;
    responses[pending.event] = choice.id;
    budget -= choice.cost;
  }
  const ctx = choosingContext(scenario, state);
  const open: Decision[] = [];
  for (const d of scenario.decisions) {
    // The cheap tests first: this runs for every decision, both sides, every simulated turn.
    if (d.cost > budget || (d.side !== side && d.side !== 'both')) continue;
    if (unavailableReason(scenario, state, side, d, ctx) === undefined) open.push(d);
  }
  const decisions: string[] = [];
  // Visit the open decisions in a random order, taking each affordable one with even odds.
  for (let i = open.length - 1; i >= 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const d = open[j]!;
    open[j] = open[i]!;
    if (d.cost <= budget && random() < 0.5) {
      decisions.push(d.id);
      budget -= d.cost;
    }
  }
  return { decisions, responses };
}
