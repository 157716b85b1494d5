/**
 * The instructor's interventions in words, in the order made: the instructor panel's log, the
 * debrief's section and the printable debrief all read them from here, so they say the same thing.
 * An ending the instructor imposed is worded here too.
 */
import type { Language, Scenario } from '../../engine/model';
import { t } from '../../i18n';
import type { InstructorEntry } from '../../store/session';
import { eventTitle, formatNumber, meterLabel } from './names';

export interface InterventionLine {
  /** The turn it was made in. */
  readonly turn: number;
  readonly kind: InstructorEntry['kind'];
  /** What was done, without the turn ("Set Trust: 40 → 55 (“reason”)"); marked when undone. */
  readonly text: string;
  /** Taken back by an undo of the turn before: still listed, marked. */
  readonly undone: boolean;
}

function unitOf(scenario: Scenario, meter: string): string {
  return scenario.meters.find((m) => m.id === meter)?.unit ?? '';
}

/** One entry in words, without its turn. */
export function interventionWords(scenario: Scenario, entry: InstructorEntry, language: Language): string {
  const text = ((): string => {
    switch (entry.kind) {
      case 'fire':
        return t('instructor.entry.fire', { title: eventTitle(scenario, entry.event, language) });
      case 'adjust': {
        const unit = unitOf(scenario, entry.meter);
        return t('instructor.entry.adjust', {
          label: meterLabel(scenario, entry.meter, language),
          before: `${formatNumber(entry.before)}${unit}`,
          value: `${formatNumber(entry.value)}${unit}`,
          reason: entry.reason,
        });
      }
      case 'end':
        return t('instructor.entry.end');
      case 'undo':
        return t('instructor.entry.undo', { turn: entry.undid });
      case 'reveal':
        return t('instructor.entry.reveal');
      case 'hide':
        return t('instructor.entry.hide');
      case 'pause':
        return t('instructor.entry.pause');
      case 'resume':
        return t('instructor.entry.resume');
    }
  })();
  return entry.undone ? t('instructor.entry.undone', { text }) : text;
}

/** Every entry of the log, in order. */
export function interventionLines(scenario: Scenario, log: readonly InstructorEntry[], language: Language): InterventionLine[] {
  return log.map((entry) => ({ turn: entry.turn, kind: entry.kind, text: interventionWords(scenario, entry, language), undone: entry.undone === true }));
}

/** "Turn 3: Fired the event “…”", as a list shows a line. */
export function interventionWithTurn(line: InterventionLine): string {
  return t('instructor.entry.withTurn', { turn: line.turn, text: line.text });
}

/**
 * The ending line of a game the instructor ended: with the ending that held then, or just that it
 * was ended when none did (`title` empty). Null for a game that ended by its own rules.
 */
export function instructorEndingWords(ending: { readonly turn: number; readonly title: string; readonly byInstructor?: boolean }): string | null {
  if (!ending.byInstructor) return null;
  return ending.title ? t('instructor.debrief.endedWith', { turn: ending.turn, title: ending.title }) : t('instructor.debrief.ended', { turn: ending.turn });
}
