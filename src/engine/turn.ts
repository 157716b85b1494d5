/**
 * The turn, in the order docs/authoring.md §5 states. Opening (start of turn T): events
 * fire, capital is worked out, polls are drawn. Resolution: (a) event responses,
 * (b) joint decisions, (c) each side's own decisions, (d) rules, (e) delayed effects,
 * (f) drift, (g) endings — then the next turn opens.
 */
import { lookup, mayFireOn } from './lookup';
import { SIDES, type Ending, type GameEvent, type ResponseChoice, type Scenario, type Side } from './model';
import { lastFiredTable } from './lastTaken';
import { IllegalOrderError, orderProblems, type Orders } from './orders';
import { resumeRandom, seededRandom } from './random';
import type { Cause, FiredEvent, TurnReport } from './report';
import type { EndingResult, GameState, PendingResponse, Poll, Proposal, TurnRecord } from './state';
import { clamp, World } from './world';

/** A new game at the start of turn 1 (turn 1's events have fired). */
export function newGame(scenario: Scenario, seed: string): GameState {
  const { start } = lookup(scenario);
  // The world shares records it does not change with the state it starts from: give it a game's own.
  const from = { ...start, counters: { ...start.counters }, flags: { ...start.flags } };
  return open(scenario, seed, new World(scenario, from, [], 1, seededRandom(seed)), [], []);
}

/**
 * Plays one turn with both sides' orders and returns the next state and the turn's
 * report. Pure: the given state is never changed. Throws IllegalOrderError when the
 * orders are not legal (see orderProblems).
 */
export function resolveTurn(scenario: Scenario, state: GameState, orders: Orders): { state: GameState; report: TurnReport } {
  const problems = orderProblems(scenario, state, orders);
  if (problems.length > 0) throw new IllegalOrderError(`turn ${state.turn}: ${problems.join('; ')}`);
  return resolveTrustedTurn(scenario, state, orders);
}

/**
 * resolveTurn without the check of the orders, for orders the engine's own players built from
 * the options it offered them (the random player, the computer's look-ahead, which resolves
 * a thousand turns per choice). Illegal orders here give a wrong game, not an error: anything
 * a person or a file supplies goes through resolveTurn.
 */
export function resolveTrustedTurn(scenario: Scenario, state: GameState, orders: Orders): { state: GameState; report: TurnReport } {
  const { events, causes, jointDecisions, decisionIndex, decisionCauses, ruleCauses } = lookup(scenario);
  const all = scenario.decisions;
  const w = new World(scenario, state, state.history, state.turn, resumeRandom(state.rng));
  w.current.fired = state.fired.slice();
  // The report lists the opening's changes, then the resolution's: the World adds them to a copy of the opening's.
  if (state.opening.length > 0) w.changes = state.opening.slice();

  // (a) Responses, in the order their events fired.
  const responses: Record<string, string> = {};
  for (const pending of state.responses) {
    const event = events.get(pending.event)!;
    const choiceId = orders[pending.side].responses?.[pending.event] ?? event.response!.default;
    const choice = choiceById(event, choiceId);
    responses[event.id] = choice.id;
    w.applyAll(choice.effects, causes.response.get(event.id)!.get(choice.id)!);
  }

  // (b) Joint decisions: matched this turn, or last turn's proposal accepted; unanswered proposals lapse.
  const tokyoChose = orders.tokyo.decisions;
  const seoulChose = orders.seoul.decisions;
  w.current.decisions = { tokyo: tokyoChose.slice(), seoul: seoulChose.slice() };
  const proposed: Proposal[] = [];
  const declined: Proposal[] = [];
  for (const d of jointDecisions) {
    const id = d.id;
    const byTokyo = has(tokyoChose, id);
    const bySeoul = has(seoulChose, id);
    const open = proposalsOf(state.proposals, id);
    let accepted: Proposal | undefined;
    for (const p of open) if (accepted === undefined && (p.by === 'tokyo' ? bySeoul : byTokyo)) accepted = p;
    if ((byTokyo && bySeoul) || accepted) {
      w.current.joint.push(id);
      w.applyAll(d.effects, causes.joint.get(id)!);
    } else {
      if (byTokyo) proposed.push({ decision: id, by: 'tokyo', turn: state.turn });
      if (bySeoul) proposed.push({ decision: id, by: 'seoul', turn: state.turn });
    }
    for (const p of open) {
      if (p === accepted) continue;
      declined.push(p);
      w.applyAll(d.declined, causes.declined.get(id)![p.by]);
    }
  }

  // (c) Each side's own decisions: Tokyo's, then Seoul's, in the order given.
  for (const side of SIDES) {
    const chose = orders[side].decisions;
    for (let k = 0; k < chose.length; k++) {
      const i = decisionIndex.get(chose[k]!)!;
      const d = all[i]!;
      if (!d.joint) w.applyAll(d.effects, decisionCauses[i]![side]);
    }
  }

  // (d) Rules, in their stated order.
  const rules = scenario.rules;
  for (let i = 0; i < rules.length; i++) {
    const rule = rules[i]!;
    if (rule.when === undefined || rule.when(w.ctx)) w.applyAll(rule.effects, ruleCauses[i]!);
  }

  // (e) Delayed effects due now, then (f) drift.
  w.landDue();
  w.drift();

  const record: TurnRecord = { turn: state.turn, fired: state.fired, decisions: w.current.decisions, joint: w.current.joint, responses };
  // slice + push: Array.prototype.concat takes a slow generic path in V8.
  const history = state.history.slice();
  history.push(record);
  const ending = endingAfter(scenario, w, state.turn);
  const report: TurnReport = {
    turn: state.turn,
    fired: firedWithResponses(state.fired, responses, events),
    decisions: { tokyo: orders.tokyo.decisions.slice(), seoul: orders.seoul.decisions.slice() },
    joint: w.current.joint,
    proposed,
    declined,
    changes: w.changes,
    ending,
  };
  if (ending) {
    const rng = w.random.state();
    return {
      state: { ...state, rng, ...w.handOut(), fired: [], opening: [], responses: [], proposals: [], fireNext: [], scheduled: [], history, ending },
      report,
    };
  }
  const { fireNow } = w.nextTurn(history);
  return { state: open(scenario, state.seed, w, fireNow, proposed), report };
}

function choiceById(event: GameEvent, id: string): ResponseChoice {
  for (const c of event.response!.choices) if (c.id === id) return c;
  throw new Error(`event '${event.id}' has no choice '${id}'`);
}

function proposalsOf(proposals: readonly Proposal[], decision: string): readonly Proposal[] {
  if (proposals.length === 0) return proposals;
  const found: Proposal[] = [];
  for (const p of proposals) if (p.decision === decision) found.push(p);
  return found;
}

function firedWithResponses(fired: readonly string[], responses: Readonly<Record<string, string>>, events: ReadonlyMap<string, GameEvent>): FiredEvent[] {
  const list: FiredEvent[] = [];
  for (const id of fired) {
    const choice = responses[id];
    list.push(choice === undefined ? { event: id } : { event: id, response: { side: events.get(id)!.response!.side, choice } });
  }
  return list;
}

/** Array.prototype.includes, without the call into the runtime: these lists hold a handful of ids. */
function has(list: readonly string[], id: string): boolean {
  for (let i = 0; i < list.length; i++) if (list[i] === id) return true;
  return false;
}

/** Opens turn `w.turn`: scheduled events, then eligible ones in file order; capital; polls. */
function open(scenario: Scenario, seed: string, w: World, fireNow: readonly string[], proposals: readonly Proposal[]): GameState {
  const { events, causes, eventSlotsOnTurn } = lookup(scenario);
  const pending: PendingResponse[] = [];
  for (const id of fireNow) fireOne(events.get(id)!, w, pending, causes.event.get(id)!);
  const turn = w.turn;
  const all = scenario.events;
  const candidates = eventSlotsOnTurn[turn] ?? all.flatMap((e, i) => (mayFireOn(e, turn) ? [i] : []));
  const lastFired = lastFiredTable(scenario, w.history);
  for (let i = 0; i < candidates.length; i++) {
    const k = candidates[i]!;
    const e = all[k]!;
    if (eligible(e, w, lastFired[k]!)) fireOne(e, w, pending, causes.event.get(e.id)!);
  }
  const capital = { tokyo: capitalOf(scenario, w, 'tokyo'), seoul: capitalOf(scenario, w, 'seoul') };
  const polls = { tokyo: drawPolls(scenario, w, 'tokyo'), seoul: drawPolls(scenario, w, 'seoul') };
  const { meters, counters, flags } = w.handOut();
  return {
    scenario: scenario.id,
    seed,
    rng: w.random.state(),
    turn: w.turn,
    meters,
    counters,
    flags,
    capital,
    polls,
    fired: w.current.fired,
    opening: w.changes,
    responses: pending,
    proposals,
    fireNext: w.fireNext,
    scheduled: w.scheduled,
    history: w.history,
    ending: null,
  };
}

/** Fires one event now: its effects, and its question to a side when it asks one (the instructor's hand uses it too). */
export function fireOne(e: GameEvent, w: World, pending: PendingResponse[], cause: Cause): void {
  if (has(w.current.fired, e.id)) return;
  w.current.fired.push(e.id);
  w.applyAll(e.effects, cause);
  if (e.response) pending.push({ event: e.id, side: e.response.side });
}

/**
 * Whether an event fires by its own trigger this turn (the chance is drawn last, only when all
 * else allows it); `last` is the turn it last fired before this one, 0 for never.
 */
function eligible(e: GameEvent, w: World, last: number): boolean {
  const turn = w.turn;
  // The turn limits were checked when the candidates for this turn were listed.
  if (has(w.current.fired, e.id)) return false;
  // A repeating event without a cooldown may fire whenever it fired before.
  if ((!e.repeat || e.cooldown > 0) && last > 0 && (!e.repeat || turn - last <= e.cooldown)) return false;
  if (e.when && !e.when(w.ctx)) return false;
  return w.chance(e.chance);
}

/** Capital is a whole, non-negative number of points: the expression's value rounded to the nearest whole number. */
function capitalOf(scenario: Scenario, w: World, side: Side): number {
  const v = scenario.sides[side].capital(w.ctx);
  return Number.isFinite(v) ? Math.max(0, Math.round(v)) : 0;
}

const DEFAULT_POLL_ERROR = 10;

/** What `side` sees of each meter it follows through a poll: the true value lies within estimate ± margin. */
function drawPolls(scenario: Scenario, w: World, side: Side): Record<string, Poll> {
  const { polled, polledSlots, pollTemplate } = lookup(scenario);
  const meters = polled[side];
  const slots = polledSlots[side];
  // A copy of a record with every key in place: far cheaper than adding the keys one by one.
  const polls = { ...pollTemplate[side] };
  for (let i = 0; i < meters.length; i++) {
    const m = meters[i]!;
    const e = m.pollError ? m.pollError(w.ctx) : DEFAULT_POLL_ERROR;
    const margin = Number.isFinite(e) ? Math.max(0, e) : DEFAULT_POLL_ERROR;
    const value = w.meterValues[slots[i]!]!;
    polls[m.id] = { estimate: clamp(value + margin * (2 * w.random.next() - 1), m.min, m.max, value), margin };
  }
  return polls;
}

/**
 * The ending that holds in the world as it stands, for a game ended early by hand: an immediate
 * one, else the first final one that holds; with none, an open ending (empty id), all draws.
 */
export function endingNow(scenario: Scenario, w: World, turn: number): EndingResult {
  const ending = firstHolding(scenario, w, 'immediate') ?? firstHolding(scenario, w, 'final');
  const scores = { tokyo: scoreOf(scenario, w, 'tokyo'), seoul: scoreOf(scenario, w, 'seoul') };
  return ending ? { id: ending.id, turn, outcome: ending.outcome, scores } : { id: '', turn, outcome: { tokyo: 'draw', seoul: 'draw' }, scores };
}

/** (g) The first immediate ending that holds; after the last turn, the first final one that holds. */
function endingAfter(scenario: Scenario, w: World, turn: number): EndingResult | null {
  const ending = firstHolding(scenario, w, 'immediate') ?? (turn >= scenario.turns ? firstHolding(scenario, w, 'final') : undefined);
  if (!ending) return null;
  return { id: ending.id, turn, outcome: ending.outcome, scores: { tokyo: scoreOf(scenario, w, 'tokyo'), seoul: scoreOf(scenario, w, 'seoul') } };
}

function firstHolding(scenario: Scenario, w: World, kind: Ending['kind']): Ending | undefined {
  for (const e of scenario.endings) if (e.kind === kind && (e.when === undefined || e.when(w.ctx))) return e;
  return undefined;
}

function scoreOf(scenario: Scenario, w: World, side: Side): number {
  const v = scenario.sides[side].score(w.ctx);
  return Number.isFinite(v) ? v : 0;
}
