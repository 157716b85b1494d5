/**
 * Orders: what each side chooses for a turn, which choices are open to it and why
 * others are not, and the checks that make an order legal.
 */
import { evalContext } from './context';
import { suggestion } from './didYouMean';
import { lastTakenTable, type LastTakenTable } from './lastTaken';
import { lookup } from './lookup';
import { SIDES, type Decision, type EvalContext, type Scenario, type Side } from './model';
import type { GameState, PendingResponse, Proposal } from './state';

export interface SideOrders {
  /** Decision ids, applied in this order (a joint decision proposes, or accepts a proposal). */
  readonly decisions: readonly string[];
  /** Choice id for each event asking this side for a response; an event left out gets its default. */
  readonly responses?: Readonly<Record<string, string>>;
}

export type Orders = Readonly<Record<Side, SideOrders>>;

/** Why a decision cannot be chosen now, for the player to read on the card. */
export type Unavailable =
  | { readonly kind: 'side' }
  | { readonly kind: 'condition' }
  | { readonly kind: 'once' }
  | { readonly kind: 'cooldown'; readonly turnsLeft: number }
  | { readonly kind: 'capital'; readonly cost: number; readonly capital: number }
  | { readonly kind: 'ended' };

export interface DecisionOption {
  readonly decision: Decision;
  /** Absent when the decision can be chosen. */
  readonly unavailable?: Unavailable;
  /** For a joint decision the other side proposed last turn: choosing it now accepts. */
  readonly proposal?: Proposal;
}

export class IllegalOrderError extends Error {
  override readonly name = 'IllegalOrderError';
}

const NOTHING_CHOSEN = { tokyo: [], seoul: [] };

/** What one side's choices this turn are checked against: made once, then asked for every decision. */
export interface Choosing {
  readonly side: Side;
  /** Expressions see the world after this turn's events, before anyone has chosen. */
  readonly ctx: EvalContext;
  /** When each decision was last taken, over the history of the state this was made for. */
  readonly lastTaken: LastTakenTable;
  readonly history: GameState['history'];
  /** This side's offset into `lastTaken`, and the decisions' indexes. */
  readonly offset: number;
  readonly decisionIndex: ReadonlyMap<string, number>;
  readonly scenario: Scenario;
}

// The last view made for each side: a player and then the check of its orders ask for the same one.
const lastViews: Record<Side, { scenario: Scenario | undefined; state: GameState | undefined; view: Choosing | undefined }> = {
  tokyo: { scenario: undefined, state: undefined, view: undefined },
  seoul: { scenario: undefined, state: undefined, view: undefined },
};

export function choosing(scenario: Scenario, state: GameState, side: Side): Choosing {
  const last = lastViews[side];
  if (last.state === state && last.scenario === scenario) return last.view!;
  const view = makeChoosing(scenario, state, side);
  last.scenario = scenario;
  last.state = state;
  last.view = view;
  return view;
}

function makeChoosing(scenario: Scenario, state: GameState, side: Side): Choosing {
  const { meters, counters, flags, history } = state;
  const ctx = evalContext(scenario, { meters, counters, flags, history, current: { turn: state.turn, fired: state.fired, decisions: NOTHING_CHOSEN, joint: [] } });
  return { side, ctx, lastTaken: lastTakenTable(scenario, history), history, offset: side === 'tokyo' ? 0 : scenario.decisions.length, decisionIndex: lookup(scenario).decisionIndex, scenario };
}

/** The last turn on which the chooser took `d` (a joint decision: on which it took effect), or 0. */
function lastTaken(state: GameState, d: Decision, view: Choosing): number {
  const i = view.decisionIndex.get(d.id);
  if (i === undefined) return 0;
  // A view asked about another state than its own (never done by the engine's own callers) reads that state's history.
  const table = state.history === view.history ? view.lastTaken : lastTakenTable(view.scenario, state.history);
  return table[view.offset + i]!;
}

/**
 * Whether the chooser may take `d` now: unavailableReason(...) === undefined without making the
 * reason, for a caller that already knows the decision's index (the random player asks it of every decision).
 */
export function isOpen(state: GameState, d: Decision, index: number, view: Choosing): boolean {
  const side = view.side;
  if (state.ending) return false;
  if (d.side !== 'both' && d.side !== side) return false;
  if (d.once || d.cooldown > 0) {
    const table = state.history === view.history ? view.lastTaken : lastTakenTable(view.scenario, state.history);
    const last = table[view.offset + index]!;
    if (last > 0 && (d.once || state.turn - last <= d.cooldown)) return false;
  }
  if (d.when && !d.when(view.ctx)) return false;
  return d.cost <= state.capital[side];
}

/** Why `side` cannot choose `d` now, or undefined when it can. */
export function unavailableReason(state: GameState, d: Decision, view: Choosing): Unavailable | undefined {
  const side = view.side;
  if (state.ending) return { kind: 'ended' };
  if (d.side !== 'both' && d.side !== side) return { kind: 'side' };
  if (d.once || d.cooldown > 0) {
    const last = lastTaken(state, d, view);
    if (last > 0 && d.once) return { kind: 'once' };
    if (last > 0 && state.turn - last <= d.cooldown) return { kind: 'cooldown', turnsLeft: d.cooldown - (state.turn - last) + 1 };
  }
  if (d.when && !d.when(view.ctx)) return { kind: 'condition' };
  if (d.cost > state.capital[side]) return { kind: 'capital', cost: d.cost, capital: state.capital[side] };
  return undefined;
}

/** Every decision `side` could ever take, with why it is unavailable now and any proposal waiting for it. */
export function decisionOptions(scenario: Scenario, state: GameState, side: Side): DecisionOption[] {
  const view = choosing(scenario, state, side);
  const options: DecisionOption[] = [];
  for (const d of scenario.decisions) {
    if (d.side !== 'both' && d.side !== side) continue;
    const unavailable = unavailableReason(state, d, view);
    const proposal = d.joint ? state.proposals.find((p) => p.decision === d.id && p.by !== side) : undefined;
    options.push({ decision: d, ...(unavailable && { unavailable }), ...(proposal && { proposal }) });
  }
  return options;
}

const REASONS: Record<Unavailable['kind'], (u: Unavailable) => string> = {
  side: () => 'it belongs to the other side',
  condition: () => "its 'when' condition does not hold now",
  once: () => 'it can be taken only once and was taken already',
  cooldown: (u) => `it is cooling down for ${(u as { turnsLeft: number }).turnsLeft} more turn(s)`,
  capital: (u) => `it costs ${(u as { cost: number }).cost} and only ${(u as { capital: number }).capital} capital is available`,
  ended: () => 'the game has ended',
};

/**
 * What a side's orders cost: the decisions' costs and the costs of the answers chosen to events.
 * The capital rule is this sum against the side's capital; orderProblems checks it on the whole
 * order, and a player's draft shows what it leaves (capitalLeft). An id the scenario does not have
 * costs nothing here (orderProblems names it as a problem of its own).
 */
export function ordersCost(scenario: Scenario, orders: SideOrders): number {
  const { decisions, events } = lookup(scenario);
  let spent = 0;
  for (const id of orders.decisions) spent += decisions.get(id)?.cost ?? 0;
  const responses = orders.responses;
  if (responses) {
    for (const eventId in responses) {
      const choiceId = responses[eventId];
      spent += events.get(eventId)?.response?.choices.find((c) => c.id === choiceId)?.cost ?? 0;
    }
  }
  return spent;
}

/** The capital `side` has left this turn once `orders` are paid for (below zero: the orders cost too much). */
export function capitalLeft(scenario: Scenario, state: GameState, side: Side, orders: SideOrders): number {
  return state.capital[side] - ordersCost(scenario, orders);
}

/** Everything wrong with a turn's orders, one sentence each naming the side and the decision; empty when legal. */
export function orderProblems(scenario: Scenario, state: GameState, orders: Orders): string[] {
  if (state.ending) return [`the game already ended after turn ${state.ending.turn} (${state.ending.id})`];
  const { decisions, decisionIndex, events } = lookup(scenario);
  const all = scenario.decisions;
  const problems: string[] = [];
  for (const side of SIDES) {
    const own = orders[side];
    let view: Choosing | undefined;
    for (let k = 0; k < own.decisions.length; k++) {
      const id = own.decisions[k]!;
      const i = decisionIndex.get(id);
      if (i === undefined) {
        problems.push(`${side} chose '${id}', which is not a decision in this scenario.${suggestion(String(id), decisions.keys())}`);
        continue;
      }
      const d = all[i]!;
      view ??= choosing(scenario, state, side);
      if (own.decisions.indexOf(id) !== k) problems.push(`${side} chose '${id}' twice; a decision is taken at most once a turn`);
      // Capital is checked on the whole order below, not decision by decision.
      if (!isOpen(state, d, i, view)) {
        const why = unavailableReason(state, d, view);
        if (why && why.kind !== 'capital') problems.push(`${side} cannot take '${id}' now: ${REASONS[why.kind](why)}`);
      }
    }
    for (const [eventId, choiceId] of own.responses && hasKeys(own.responses) ? Object.entries(own.responses) : []) {
      let pending: PendingResponse | undefined;
      for (const r of state.responses) if (r.event === eventId) pending = r;
      if (!pending || pending.side !== side) {
        problems.push(`${side} answered '${eventId}', but no event of this turn asks ${side} for a response to it`);
        continue;
      }
      const choices = events.get(eventId)!.response!.choices;
      if (!choices.some((c) => c.id === choiceId))
        problems.push(
          `${side} answered '${eventId}' with '${choiceId}', which is not one of its choices.${suggestion(
            choiceId,
            choices.map((c) => c.id),
          )}`,
        );
    }
    const spent = ordersCost(scenario, own);
    if (spent > state.capital[side]) problems.push(`${side}'s orders cost ${spent} but ${side} has ${state.capital[side]} capital this turn`);
  }
  return problems;
}

function hasKeys(record: object): boolean {
  for (const _ in record) return true;
  return false;
}
