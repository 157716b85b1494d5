/**
 * The meters as the turn screen shows them to one side: exact values, or a poll's estimate with
 * its error band; hidden meters are not in the list. "Change since last turn" compares with what the
 * same side saw when the previous turn opened, so a poll's change is the poll's, never the truth's.
 */
import { sideView, type GameState, type MeterView } from '../../engine';
import type { Language, Scenario, Side } from '../../engine/model';
import { localize } from '../../i18n/text';

export interface MeterReading {
  readonly id: string;
  readonly label: string;
  readonly description?: string;
  readonly unit?: string;
  readonly min: number;
  readonly max: number;
  readonly seen: 'exact' | 'poll';
  /** The value, or the poll's estimate. */
  readonly value: number;
  /** The poll's margin (the band is value ± margin, kept within min..max); 0 for an exact meter. */
  readonly margin: number;
  /** The shown value on the previous turn, when there was one. */
  readonly previous?: number;
  readonly change: number;
  /** Shown at its true value because the instructor revealed it: how the side sees it otherwise. */
  readonly revealed?: 'poll' | 'hidden';
}

function shown(view: MeterView): { value: number; margin: number } {
  return view.seen === 'exact' ? { value: view.value, margin: 0 } : { value: view.estimate, margin: view.margin };
}

/**
 * `revealed`: the instructor shows the room every meter's true value, hidden ones and those behind
 * polls included, each marked with how the side sees it otherwise.
 */
export function meterReadings(scenario: Scenario, state: GameState, side: Side, language: Language, previous?: GameState, revealed = false): MeterReading[] {
  if (revealed) return trueReadings(scenario, state, side, language, previous);
  const now = sideView(scenario, state, side).meters;
  const before = previous && sideView(scenario, previous, side).meters;
  const readings: MeterReading[] = [];
  for (const m of scenario.meters) {
    const view = now[m.id];
    if (!view) continue;
    const { value, margin } = shown(view);
    const prevView = before?.[m.id];
    const prev = prevView && shown(prevView).value;
    readings.push({
      id: m.id,
      label: localize(m.label, language),
      ...(m.description && { description: localize(m.description, language) }),
      ...(m.unit && { unit: m.unit }),
      min: m.min,
      max: m.max,
      seen: view.seen,
      value,
      margin,
      ...(prev !== undefined && { previous: prev }),
      change: prev === undefined ? 0 : value - prev,
    });
  }
  return readings;
}

function trueReadings(scenario: Scenario, state: GameState, side: Side, language: Language, previous?: GameState): MeterReading[] {
  return scenario.meters.map((m) => {
    const value = state.meters[m.id]!;
    const prev = previous?.meters[m.id];
    const seen = m.visibility[side];
    return {
      id: m.id,
      label: localize(m.label, language),
      ...(m.description && { description: localize(m.description, language) }),
      ...(m.unit && { unit: m.unit }),
      min: m.min,
      max: m.max,
      seen: 'exact' as const,
      value,
      margin: 0,
      ...(prev !== undefined && { previous: prev }),
      change: prev === undefined ? 0 : value - prev,
      ...(seen !== 'exact' && { revealed: seen }),
    };
  });
}
