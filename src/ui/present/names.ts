/** What the screens call a scenario's things: titles, labels and sources by id, in the player's language. */
import type { CauseKind } from '../../engine';
import type { Language, Scenario, Side, Source } from '../../engine/model';
import { formatNumber as formatLocaleNumber } from '../../i18n';
import { localize } from '../../i18n/text';

/** An essay as the screens cite it: (author, title, year). */
export interface SourceRef {
  readonly id: string;
  readonly author: string;
  readonly title: string;
  readonly year: number;
}

export function sourceRef(scenario: Scenario, id: string | undefined): SourceRef | undefined {
  if (!id) return undefined;
  const s: Source | undefined = scenario.sources.find((x) => x.id === id);
  return s && { id: s.id, author: s.author, title: s.title, year: s.year };
}

/** "summit_fatigue" → "Summit fatigue": what a thing without a title is called. */
export function humanize(id: string): string {
  const words = id.replace(/_/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function decisionTitle(scenario: Scenario, id: string, language: Language): string {
  const d = scenario.decisions.find((x) => x.id === id);
  return d ? localize(d.title, language) : humanize(id);
}

export function eventTitle(scenario: Scenario, id: string, language: Language): string {
  const e = scenario.events.find((x) => x.id === id);
  return e ? localize(e.title, language) : humanize(id);
}

export function choiceTitle(scenario: Scenario, eventId: string, choiceId: string, language: Language): string {
  const c = scenario.events.find((x) => x.id === eventId)?.response?.choices.find((x) => x.id === choiceId);
  return c ? localize(c.title, language) : humanize(choiceId);
}

export function ruleTitle(scenario: Scenario, id: string, language: Language): string {
  const r = scenario.rules.find((x) => x.id === id);
  return r?.title ? localize(r.title, language) : humanize(id);
}

export function meterLabel(scenario: Scenario, id: string, language: Language): string {
  const m = scenario.meters.find((x) => x.id === id);
  return m ? localize(m.label, language) : humanize(id);
}

export function counterLabel(scenario: Scenario, id: string, language: Language): string {
  const c = scenario.counters.find((x) => x.id === id);
  return c?.label ? localize(c.label, language) : humanize(id);
}

export function flagLabel(scenario: Scenario, id: string, language: Language): string {
  const f = scenario.flags.find((x) => x.id === id);
  return f?.label ? localize(f.label, language) : humanize(id);
}

export function sideName(scenario: Scenario, side: Side, language: Language): string {
  return localize(scenario.sides[side].name, language);
}

/** The title of whatever a cause of this kind names (for `delayed`, give the origin's kind). */
export function thingTitle(scenario: Scenario, kind: CauseKind, id: string, language: Language): string {
  switch (kind) {
    case 'decision':
    case 'joint':
    case 'declined':
      return decisionTitle(scenario, id, language);
    case 'event':
    case 'response':
      return eventTitle(scenario, id, language);
    case 'rule':
      return ruleTitle(scenario, id, language);
    case 'drift':
    case 'instructor':
      return meterLabel(scenario, id, language);
    case 'delayed':
      return humanize(id);
  }
}

export function otherSide(side: Side): Side {
  return side === 'tokyo' ? 'seoul' : 'tokyo';
}

/** A number as a reader wants it: whole when it is, else one decimal. */
export function formatNumber(x: number): string {
  return formatLocaleNumber(Math.round(x * 10) / 10, { maximumFractionDigits: 1 });
}

/** A change with its sign: "+4", "−2.5" (a true minus sign), "±0". */
export function formatDelta(x: number): string {
  const r = Math.round(x * 10) / 10;
  if (r === 0) return '±0';
  return r > 0 ? `+${formatNumber(r)}` : `−${formatNumber(-r)}`;
}
