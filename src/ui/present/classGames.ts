/**
 * What the instructor's dashboard says about each game of a class, as data: its turn, each side's
 * seat (connected, away, empty, or not joined yet) and whether it has sealed, the badges, the
 * ending, and every meter's true value over the turns for its small chart; the alerts and the
 * results of an action in words. Pure: the dashboard draws it, the tests read it.
 */
import type { ActedMessage, Alert, GameSummary, InstructorAction } from '../../class/instructor';
import type { SeatPresence } from '../../class/protocol';
import { SIDES, type Language, type Scenario, type Side } from '../../engine/model';
import { t } from '../../i18n';
import { localize } from '../../i18n/text';
import { eventTitle, formatNumber, meterLabel, sideName } from './names';

/** A seat as the dashboard shows it: not joined yet is a seat no team has been given. */
export type SeatState = SeatPresence | 'unclaimed';

export interface CardSide {
  readonly side: Side;
  readonly name: string;
  readonly seat: SeatState;
  readonly sealed: boolean;
  /** "Tokyo: connected · sealed ✓", for the card and screen readers alike. */
  readonly words: string;
}

export interface CardMeter {
  readonly id: string;
  readonly label: string;
  readonly min: number;
  readonly max: number;
  /** The true value as each turn opened; the last is now. */
  readonly values: readonly number[];
  /** The value now, with its unit. */
  readonly now: string;
}

export interface GameCard {
  readonly code: string;
  /** "Turn 3 of 12", or the turn it ended after. */
  readonly turn: string;
  readonly sides: readonly CardSide[];
  readonly paused: boolean;
  readonly revealed: boolean;
  /** The ending's title once the game ended (the instructor's ending says so), else null. */
  readonly ending: string | null;
  readonly meters: readonly CardMeter[];
}

export function seatState(summary: GameSummary, side: Side): SeatState {
  return summary.claimed[side] ? summary.seats[side] : 'unclaimed';
}

export function gameCard(scenario: Scenario, summary: GameSummary, language: Language): GameCard {
  const ending = summary.ending && (localize(scenario.endings.find((e) => e.id === summary.ending!.id)?.title, language) || t('instructorClass.card.endedByInstructor'));
  return {
    code: summary.code,
    turn: summary.ending ? t('instructorClass.card.endedAfter', { turn: summary.ending.turn, turns: scenario.turns }) : t('instructorClass.card.turn', { turn: summary.turn, turns: scenario.turns }),
    sides: SIDES.map((side) => {
      const seat = seatState(summary, side);
      const name = sideName(scenario, side, language);
      const sealed = summary.sealed[side];
      const words = t('instructorClass.card.side', { side: name, seat: t(`instructorClass.seat.${seat}`) });
      return { side, name, seat, sealed, words: sealed ? t('instructorClass.card.sideSealed', { text: words }) : words };
    }),
    paused: summary.paused,
    revealed: summary.revealed,
    ending,
    meters: scenario.meters.map((m, i) => {
      const values = summary.meters.map((row) => row[i] ?? Number.NaN).filter((v) => Number.isFinite(v));
      const last = values[values.length - 1];
      return { id: m.id, label: meterLabel(scenario, m.id, language), min: m.min, max: m.max, values, now: last === undefined ? '–' : `${formatNumber(last)}${m.unit ?? ''}` };
    }),
  };
}

/** An alert in words: "Game K7P3QA: Seoul has done nothing for 4 minutes." */
export function alertWords(scenario: Scenario, alert: Alert, language: Language): string {
  switch (alert.kind) {
    case 'idle':
      return t('instructorClass.alert.idle', { game: alert.game, side: sideName(scenario, alert.side, language), count: alert.minutes });
    case 'ahead':
      return t('instructorClass.alert.ahead', { game: alert.game, count: alert.turns });
    case 'behind':
      return t('instructorClass.alert.behind', { game: alert.game, count: alert.turns });
  }
}

/** An action in words: "Pause", "Fire the event: Summit offer", "Set Trust to 55". */
export function actionWords(scenario: Scenario, action: InstructorAction, language: Language): string {
  switch (action.kind) {
    case 'fire':
      return t('instructorClass.action.fireNamed', { title: eventTitle(scenario, action.event, language) });
    case 'adjust': {
      const unit = scenario.meters.find((m) => m.id === action.meter)?.unit ?? '';
      return t('instructorClass.action.adjustNamed', { label: meterLabel(scenario, action.meter, language), value: `${formatNumber(action.value)}${unit}` });
    }
    case 'reveal':
      return t(action.revealed ? 'instructorClass.action.reveal' : 'instructorClass.action.hide');
    default:
      return t(`instructorClass.action.${action.kind}`);
  }
}

export interface ActedWords {
  /** "Pause: done in 5 games." or "… done in 3 games, not in 2." */
  readonly summary: string;
  /** One line per game the action could not be done in, with the server's reason. */
  readonly problems: readonly string[];
}

export function actedWords(scenario: Scenario, acted: ActedMessage, language: Language): ActedWords {
  const done = acted.results.filter((r) => r.problem === null).length;
  const failed = acted.results.filter((r) => r.problem !== null);
  const what = actionWords(scenario, acted.action, language);
  return {
    summary: failed.length === 0 ? t('instructorClass.acted.done', { action: what, count: done }) : t('instructorClass.acted.partly', { action: what, count: done, failed: failed.length }),
    problems: failed.map((r) => t('instructorClass.acted.problem', { game: r.game, problem: r.problem ?? '' })),
  };
}
