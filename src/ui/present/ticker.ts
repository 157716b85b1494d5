/**
 * The news ticker of a turn: the events that fired as it opened, the other side's proposals, and
 * what the other side did last turn (every decision is public once a turn is resolved).
 */
import type { GameState, TurnReport } from '../../engine';
import type { Language, Scenario, Side } from '../../engine/model';
import { localize } from '../../i18n/text';
import { decisionTitle, eventTitle, otherSide } from './names';

export type TickerItem =
  | { readonly kind: 'event'; readonly id: string; readonly title: string; readonly perceived?: string }
  | { readonly kind: 'proposal'; readonly id: string; readonly title: string; readonly by: Side }
  | { readonly kind: 'move'; readonly id: string; readonly title: string; readonly by: Side; readonly joint: boolean }
  | { readonly kind: 'together'; readonly id: string; readonly title: string }
  | { readonly kind: 'declined'; readonly id: string; readonly title: string; readonly by: Side };

export function tickerItems(scenario: Scenario, state: GameState, side: Side, language: Language, lastReport?: TurnReport): TickerItem[] {
  const items: TickerItem[] = [];
  const other = otherSide(side);
  for (const id of state.fired) {
    const perceived = scenario.events.find((e) => e.id === id)?.perceived[side];
    items.push({ kind: 'event', id, title: eventTitle(scenario, id, language), ...(perceived !== undefined && { perceived: localize(perceived, language) }) });
  }
  for (const p of state.proposals) if (p.by === other) items.push({ kind: 'proposal', id: p.decision, title: decisionTitle(scenario, p.decision, language), by: p.by });
  if (lastReport) {
    for (const id of lastReport.joint) items.push({ kind: 'together', id, title: decisionTitle(scenario, id, language) });
    for (const id of lastReport.decisions[other]) {
      const joint = scenario.decisions.find((d) => d.id === id)?.joint ?? false;
      if (joint && lastReport.joint.includes(id)) continue;
      // A proposal still open is already in the list above.
      if (joint && state.proposals.some((p) => p.decision === id && p.by === other)) continue;
      items.push({ kind: 'move', id, title: decisionTitle(scenario, id, language), by: other, joint });
    }
    for (const p of lastReport.declined) items.push({ kind: 'declined', id: p.decision, title: decisionTitle(scenario, p.decision, language), by: p.by });
  }
  return items;
}
