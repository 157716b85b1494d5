/**
 * "How Tokyo saw it / How Seoul saw it": a turn report retold from one side's seat. Every change
 * that side can see, grouped by what caused it, with the argument and essay behind the cause.
 * A meter the side follows through a poll shows only which way each cause pushed it and how the
 * poll moved; its true value never appears here. Hidden meters are left out.
 */
import type { Cause, CauseKind, Change, GameState, Poll, TurnReport } from '../../engine';
import type { Language, Perceived, Scenario, Side, Visibility } from '../../engine/model';
import { localize } from '../../i18n/text';
import { choiceTitle, counterLabel, decisionTitle, eventTitle, flagLabel, meterLabel, otherSide, sourceRef, thingTitle, type SourceRef } from './names';

export type Direction = 'up' | 'down';

/** One thing that moved, as the viewing side may know it. */
export type ChangeLine =
  | {
      readonly target: 'meter';
      readonly id: string;
      readonly label: string;
      readonly unit?: string;
      readonly seen: 'exact';
      readonly before: number;
      readonly after: number;
      readonly delta: number;
      readonly direction: Direction;
    }
  /** A polled meter: only the direction of the push (and none for drift, whose direction would tell where the true value lies). */
  | { readonly target: 'meter'; readonly id: string; readonly label: string; readonly unit?: string; readonly seen: 'poll'; readonly direction?: Direction }
  | { readonly target: 'counter'; readonly id: string; readonly label: string; readonly before: number; readonly after: number; readonly delta: number; readonly direction: Direction }
  | { readonly target: 'flag'; readonly id: string; readonly label: string; readonly after: boolean };

/** A cause, with everything the screens say about it. */
export interface CauseInfo {
  readonly kind: CauseKind;
  readonly id: string;
  /** The decision, event, rule (or, for drift, meter) it names. */
  readonly title: string;
  /** Who chose it (a decision, a response; the proposer of a declined joint decision). */
  readonly side?: Side;
  /** For a response: the choice made. */
  readonly choice?: string;
  /** For a delayed effect: the kind of thing that scheduled it. */
  readonly origin?: CauseKind;
  readonly explain?: string;
  readonly source?: SourceRef;
  /** How the viewing side's public read it, where the scenario says. */
  readonly perceived?: string;
  /** An event the instructor fired by hand. */
  readonly byInstructor?: true;
  /** For a meter the instructor set by hand: the reason they wrote. */
  readonly reason?: string;
}

export interface CauseGroup {
  readonly cause: CauseInfo;
  readonly changes: readonly ChangeLine[];
}

/** One visible meter over the whole turn. */
export type MeterSummary =
  | { readonly id: string; readonly label: string; readonly unit?: string; readonly seen: 'exact'; readonly before: number; readonly after: number; readonly delta: number }
  /** The poll before the turn and the poll drawn after it (absent once the game has ended: no new poll). */
  | { readonly id: string; readonly label: string; readonly unit?: string; readonly seen: 'poll'; readonly before?: Poll; readonly after?: Poll; readonly moved: boolean };

export interface OtherMove {
  readonly id: string;
  readonly title: string;
  readonly joint: boolean;
  /** taken: on its own; together: a joint decision that took effect; proposed: a joint decision now waiting for an answer. */
  readonly status: 'taken' | 'together' | 'proposed';
}

export interface ProposalNote {
  readonly id: string;
  readonly title: string;
  readonly by: Side;
}

export interface WhatTheOtherDid {
  readonly side: Side;
  readonly decisions: readonly OtherMove[];
  /** Its answers to events that asked it for one. */
  readonly responses: readonly { readonly event: string; readonly eventTitle: string; readonly choice: string; readonly choiceTitle: string }[];
  /** The viewing side's proposals it let lapse this turn. */
  readonly declinedOurs: readonly ProposalNote[];
}

export interface SideExplanation {
  readonly side: Side;
  readonly turn: number;
  readonly groups: readonly CauseGroup[];
  readonly meters: readonly MeterSummary[];
  /** Proposals the viewing side let lapse this turn. */
  readonly weDeclined: readonly ProposalNote[];
  readonly other: WhatTheOtherDid;
}

/** The states either side of the turn: what the polls showed before and after. */
export interface TurnStates {
  readonly before: GameState;
  readonly after: GameState;
}

function perceivedFor(perceived: Perceived | undefined, side: Side, language: Language): string | undefined {
  const text = perceived?.[side];
  return text === undefined ? undefined : localize(text, language);
}

/** Everything the screens say about a cause, seen from `viewer`'s side. */
export function describeCause(scenario: Scenario, cause: Cause, viewer: Side, language: Language): CauseInfo {
  const kind = cause.kind === 'delayed' ? (cause.origin ?? 'decision') : cause.kind;
  let explain: string | undefined;
  let perceived: string | undefined;
  let title = thingTitle(scenario, kind, cause.id, language);
  if (kind === 'decision' || kind === 'joint' || kind === 'declined') {
    const d = scenario.decisions.find((x) => x.id === cause.id);
    explain = d?.explain && localize(d.explain, language);
    if (cause.kind === 'decision' || cause.kind === 'joint') perceived = perceivedFor(d?.perceived, viewer, language);
  } else if (kind === 'event' || kind === 'response') {
    const e = scenario.events.find((x) => x.id === cause.id);
    const choice = cause.choice === undefined ? undefined : e?.response?.choices.find((c) => c.id === cause.choice);
    const said = choice?.explain ?? e?.explain;
    explain = said && localize(said, language);
    if (cause.kind === 'event') perceived = perceivedFor(e?.perceived, viewer, language);
    if (cause.kind === 'response') perceived = perceivedFor(choice?.perceived, viewer, language);
    if (kind === 'event') title = eventTitle(scenario, cause.id, language);
  } else if (kind === 'rule') {
    const r = scenario.rules.find((x) => x.id === cause.id);
    explain = r?.explain && localize(r.explain, language);
  }
  return {
    kind: cause.kind,
    id: cause.id,
    title,
    ...(cause.side && { side: cause.side }),
    ...(cause.choice !== undefined && { choice: choiceTitle(scenario, cause.id, cause.choice, language) }),
    ...(cause.kind === 'delayed' && { origin: kind }),
    ...(explain && { explain }),
    ...(sourceRef(scenario, cause.source) && { source: sourceRef(scenario, cause.source)! }),
    ...(perceived && { perceived }),
    ...(cause.byInstructor && { byInstructor: true as const }),
    ...(cause.reason !== undefined && { reason: cause.reason }),
  };
}

function causeKey(c: Cause): string {
  return `${c.kind}|${c.id}|${c.side ?? ''}|${c.choice ?? ''}|${c.origin ?? ''}|${c.byInstructor ? 'i' : ''}|${c.reason ?? ''}`;
}

function visibilityOf(scenario: Scenario, meterId: string, side: Side): Visibility | undefined {
  return scenario.meters.find((m) => m.id === meterId)?.visibility[side];
}

const STRICTNESS: Record<Visibility, number> = { exact: 0, poll: 1, hidden: 2 };

/**
 * How a meter appears in `side`'s account when `viewer` reads it: never more than either side may
 * see. The other capital's column must not show the human a value the human follows through a poll.
 */
function seenBy(visibility: Readonly<Record<Side, Visibility>>, side: Side, viewer: Side): Visibility {
  const a = visibility[side];
  const b = visibility[viewer];
  return STRICTNESS[a] >= STRICTNESS[b] ? a : b;
}

/** Whose polls to show: the viewer's own when it polls the meter (another side's sample would add to what it knows). */
function pollOwner(visibility: Readonly<Record<Side, Visibility>>, side: Side, viewer: Side): Side {
  return visibility[viewer] === 'poll' ? viewer : side;
}

/** A change as the viewing side may see it; undefined for what it may not see. */
function lineFor(scenario: Scenario, change: Change, side: Side, viewer: Side, language: Language): ChangeLine | undefined {
  if (change.target === 'flag') return { target: 'flag', id: change.id, label: flagLabel(scenario, change.id, language), after: change.after as boolean };
  const before = change.before as number;
  const after = change.after as number;
  const direction: Direction = after > before ? 'up' : 'down';
  if (change.target === 'counter') return { target: 'counter', id: change.id, label: counterLabel(scenario, change.id, language), before, after, delta: after - before, direction };
  const meter = scenario.meters.find((m) => m.id === change.id);
  if (!meter) return undefined;
  const seen = seenBy(meter.visibility, side, viewer);
  if (seen === 'hidden') return undefined;
  const label = meterLabel(scenario, change.id, language);
  const unit = meter.unit ? { unit: meter.unit } : {};
  if (seen === 'poll') return { target: 'meter', id: change.id, label, ...unit, seen: 'poll', ...(change.cause.kind !== 'drift' && { direction }) };
  return { target: 'meter', id: change.id, label, ...unit, seen: 'exact', before, after, delta: after - before, direction };
}

/** Folds several changes of the same thing by the same cause into one line (e.g. a rule that fires twice). */
function merge(lines: ChangeLine[], line: ChangeLine): void {
  const i = lines.findIndex((l) => l.target === line.target && l.id === line.id);
  if (i < 0) return void lines.push(line);
  const prev = lines[i]!;
  if (prev.target === 'flag' || line.target === 'flag') lines[i] = line;
  else if (prev.target === 'counter' && line.target === 'counter') {
    const delta = line.after - prev.before;
    lines[i] = { ...prev, after: line.after, delta, direction: delta >= 0 ? 'up' : 'down' };
  } else if (prev.target === 'meter' && line.target === 'meter' && prev.seen === 'exact' && line.seen === 'exact') {
    const delta = line.after - prev.before;
    lines[i] = { ...prev, after: line.after, delta, direction: delta >= 0 ? 'up' : 'down' };
  } else if (prev.target === 'meter' && line.target === 'meter' && prev.seen === 'poll' && line.seen === 'poll' && prev.direction !== line.direction) {
    // Pushed both ways by one cause: the net direction would need the true values.
    const { direction: _drop, ...rest } = prev;
    void _drop;
    lines[i] = rest;
  }
}

/** `viewer` is the side reading the account (by default `side` itself): nothing it may not see is shown. */
export function explainChanges(scenario: Scenario, report: TurnReport, side: Side, language: Language, states?: TurnStates, viewer: Side = side): SideExplanation {
  const groups = new Map<string, { cause: CauseInfo; changes: ChangeLine[] }>();
  for (const change of report.changes) {
    const line = lineFor(scenario, change, side, viewer, language);
    if (!line) continue;
    const key = causeKey(change.cause);
    let group = groups.get(key);
    if (!group) {
      group = { cause: describeCause(scenario, change.cause, side, language), changes: [] };
      groups.set(key, group);
    }
    merge(group.changes, line);
  }

  const meters: MeterSummary[] = [];
  for (const m of scenario.meters) {
    const seen = seenBy(m.visibility, side, viewer);
    const polls = pollOwner(m.visibility, side, viewer);
    const label = meterLabel(scenario, m.id, language);
    const unit = m.unit ? { unit: m.unit } : {};
    const own = report.changes.filter((c) => c.target === 'meter' && c.id === m.id);
    if (seen === 'exact') {
      if (own.length === 0) continue;
      const before = own[0]!.before as number;
      const after = own[own.length - 1]!.after as number;
      meters.push({ id: m.id, label, ...unit, seen, before, after, delta: after - before });
    } else if (seen === 'poll') {
      const before = states?.before.polls[polls][m.id];
      const after = states && !states.after.ending ? states.after.polls[polls][m.id] : undefined;
      if (own.length === 0 && !after) continue;
      meters.push({ id: m.id, label, ...unit, seen, ...(before && { before }), ...(after && { after }), moved: own.length > 0 });
    }
  }

  const other = otherSide(side);
  const decisions: OtherMove[] = report.decisions[other].map((id) => {
    const d = scenario.decisions.find((x) => x.id === id);
    const joint = d?.joint ?? false;
    const status = !joint ? 'taken' : report.joint.includes(id) ? 'together' : 'proposed';
    return { id, title: decisionTitle(scenario, id, language), joint, status };
  });
  const responses = report.fired
    .filter((f) => f.response?.side === other)
    .map((f) => ({ event: f.event, eventTitle: eventTitle(scenario, f.event, language), choice: f.response!.choice, choiceTitle: choiceTitle(scenario, f.event, f.response!.choice, language) }));
  const note = (p: { decision: string; by: Side }): ProposalNote => ({ id: p.decision, title: decisionTitle(scenario, p.decision, language), by: p.by });

  return {
    side,
    turn: report.turn,
    // A rule that resets a counter and counts it up again nets to nothing: no line, and no group left empty.
    groups: [...groups.values()].map((g) => ({ ...g, changes: g.changes.filter((l) => !('delta' in l) || Math.abs(l.delta) > 1e-9) })).filter((g) => g.changes.length > 0),
    meters,
    weDeclined: report.declined.filter((p) => p.by === other).map(note),
    other: { side: other, decisions, responses, declinedOurs: report.declined.filter((p) => p.by === side).map(note) },
  };
}

/** Is this meter one the side may see at all? */
export function visibleTo(scenario: Scenario, meterId: string, side: Side): boolean {
  const v = visibilityOf(scenario, meterId, side);
  return v === 'exact' || v === 'poll';
}
