/** The orders file replay reads: a list of turns, each side's decision ids and responses to events. */
import { z } from 'zod';
import type { Orders, SideOrders } from '../engine';
import type { Scenario, Side } from '../engine/model';

const TurnOrders = z.strictObject({
  tokyo: z.array(z.string()).default([]),
  seoul: z.array(z.string()).default([]),
  responses: z.record(z.string(), z.string()).default({}),
  note: z.string().optional(),
});

export const OrdersFile = z.array(TurnOrders);
export type OrdersFileTurn = z.output<typeof TurnOrders>;

/** Parses the file; a problem is returned as a sentence naming the turn. */
export function parseOrdersFile(text: string): { ok: true; turns: OrdersFileTurn[] } | { ok: false; message: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { ok: false, message: `not valid JSON (${(e as Error).message})` };
  }
  const result = OrdersFile.safeParse(json);
  if (result.success) return { ok: true, turns: result.data };
  const issue = result.error.issues[0]!;
  const [turn, ...rest] = issue.path;
  const where = typeof turn === 'number' ? `turn ${turn + 1}${rest.length ? ` (${rest.join('.')})` : ''}` : 'the top level';
  return {
    ok: false,
    message: `${where}: ${issue.code === 'unrecognized_keys' ? `unknown key ${issue.keys.map((k) => `'${k}'`).join(', ')} (a turn has tokyo, seoul, responses, note)` : issue.message}; the file is a list of turns like {"tokyo": ["decision_id"], "seoul": [], "responses": {"event_id": "choice_id"}}`,
  };
}

/** Splits one turn's responses by the side each event asks. An event that asks nobody goes to Tokyo, so the engine names it once. */
export function toOrders(scenario: Scenario, turn: OrdersFileTurn): Orders {
  const sideOf = new Map(scenario.events.map((e) => [e.id, e.response?.side]));
  const forSide = (side: Side): SideOrders => {
    const responses: Record<string, string> = {};
    for (const [event, choice] of Object.entries(turn.responses)) {
      const asked = sideOf.get(event);
      if (asked === side || (asked === undefined && side === 'tokyo')) responses[event] = choice;
    }
    return { decisions: turn[side], responses };
  };
  return { tokyo: forSide('tokyo'), seoul: forSide('seoul') };
}
