/**
 * What the instructor panel lists, as data: the scenario's events (those already fired this turn
 * marked, with the reason) and every meter at its true value with its bounds and who sees it how.
 * Pure: the panel draws it, the tests read it.
 */
import type { GameState } from '../../engine';
import type { Language, Scenario, Side, Visibility } from '../../engine/model';
import { localize } from '../../i18n/text';

export interface PanelEvent {
  readonly id: string;
  readonly title: string;
  /** A short description (the event's own, cut to a sentence or two). */
  readonly description: string;
  /** Fired this turn already, so it cannot fire again now (the engine refuses). */
  readonly firedThisTurn: boolean;
}

export interface PanelMeter {
  readonly id: string;
  readonly label: string;
  readonly unit: string;
  /** The true value, whatever the sides see. */
  readonly value: number;
  readonly min: number;
  readonly max: number;
  readonly visibility: Readonly<Record<Side, Visibility>>;
}

/** Long enough for the gist of an event, short enough for a list. */
const DESCRIPTION_CHARS = 140;

export function shortDescription(text: string): string {
  const plain = text.replace(/\s+/g, ' ').trim();
  if (plain.length <= DESCRIPTION_CHARS) return plain;
  const cut = plain.slice(0, DESCRIPTION_CHARS);
  const space = cut.lastIndexOf(' ');
  return `${(space > DESCRIPTION_CHARS / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** `state`: the game's, or only what a class's dashboard knows of it (the events fired this turn; none when it cannot tell). */
export function panelEvents(scenario: Scenario, state: Pick<GameState, 'fired'>, language: Language): PanelEvent[] {
  return scenario.events.map((e) => ({
    id: e.id,
    title: localize(e.title, language),
    description: e.description ? shortDescription(localize(e.description, language)) : '',
    firedThisTurn: state.fired.includes(e.id),
  }));
}

/** `state`: the game's, or only its true meters (a class game's summary, on the instructor's dashboard). */
export function panelMeters(scenario: Scenario, state: Pick<GameState, 'meters'>, language: Language): PanelMeter[] {
  return scenario.meters.map((m) => ({
    id: m.id,
    label: localize(m.label, language),
    unit: m.unit ?? '',
    value: state.meters[m.id]!,
    min: m.min,
    max: m.max,
    visibility: m.visibility,
  }));
}

/**
 * Why the adjust form cannot be sent yet ('reason': nothing written; 'range': the value is not a
 * number within the meter's bounds), or null when it can. The store checks again on its own.
 */
export function adjustFormProblem(meter: PanelMeter | undefined, value: string, reason: string): 'reason' | 'range' | null {
  if (!meter) return 'range';
  const n = value.trim() === '' ? Number.NaN : Number(value);
  if (!Number.isFinite(n) || n < meter.min || n > meter.max) return 'range';
  if (reason.trim() === '') return 'reason';
  return null;
}
