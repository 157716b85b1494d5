/**
 * The whole game as one JSON document, for an instructor's records or a class's own analysis:
 * who played, every turn's orders and report (each change with its cause), the instructor's log,
 * the ending and the true final meters, and the save file itself so the game can be loaded back.
 *
 * Format 'close-yet-distant/game-record', version 1. A reader should check both fields; a later
 * version may add fields but keeps these meanings. `save` is a save file (src/store/saveFile.ts):
 * import it from the title screen, or read it with readSaveFile.
 */
import { stateHash, type EndingResult, type Orders, type TurnReport } from '../../engine';
import type { Side } from '../../engine/model';
import { localize } from '../../i18n/text';
import type { CatalogEntry } from '../../store/catalog';
import { toSaveFile, type SaveFileV3 } from '../../store/saveFile';
import type { Difficulty, InstructorEntry, Mode, Session } from '../../store/session';
import { isoMonth } from './calendar';

export const RECORD_FORMAT = 'close-yet-distant/game-record';
export const RECORD_VERSION = 1;

/** Who governed a side: a class team (hot-seat), the one player (solo), or the computer at a difficulty. */
export type SidePlayer = { readonly played: 'team' } | { readonly played: 'player' } | { readonly played: 'computer'; readonly difficulty: Difficulty };

export interface RecordedTurn {
  readonly turn: number;
  /** The month the turn stands for (yyyy-mm), from the scenario's calendar; null without one. */
  readonly date: string | null;
  /** Both sides' orders; null for a turn the instructor cut short before any orders. */
  readonly orders: Orders | null;
  /** The engine's turn report as it is: every change in the order applied, with its cause and source. */
  readonly report: TurnReport;
}

export interface GameRecordV1 {
  readonly format: typeof RECORD_FORMAT;
  readonly version: typeof RECORD_VERSION;
  /** When the record was made (ISO 8601). */
  readonly exportedAt: string;
  readonly scenario: {
    readonly id: string;
    /** In English, whatever language the game was played in. */
    readonly title: string;
    /** The scenario file's fingerprint: the same hash means the same file. */
    readonly hash: string;
    /** A scenario shipped with the game, or one an instructor loaded. */
    readonly origin: CatalogEntry['origin'];
    readonly turns: number;
    /** monthsPerTurn when every turn is as long, months (one length a turn) when they are uneven. */
    readonly calendar: { readonly start: string; readonly monthsPerTurn?: number; readonly months?: readonly number[] } | null;
    /** The essays the causes' `source` ids name. */
    readonly sources: readonly { readonly id: string; readonly author: string; readonly title: string; readonly year: number }[];
  };
  readonly mode: Mode;
  readonly sides: Readonly<Record<Side, { readonly name: string } & SidePlayer>>;
  readonly seed: string;
  readonly turns: readonly RecordedTurn[];
  /** Everything the instructor did, in order (entries an undo took back are marked `undone`). */
  readonly instructorLog: readonly InstructorEntry[];
  /** null only for a game still running. `title` is the ending's, in English ('' when the instructor ended a game no ending held). */
  readonly ending: (EndingResult & { readonly title: string }) | null;
  /** Every meter's true value at the end, in the scenario's order. */
  readonly finalMeters: Readonly<Record<string, number>>;
  /** The final state's fingerprint (the save's `stateHash`). */
  readonly stateHash: string;
  readonly save: SaveFileV3;
}

export function sidePlayer(session: Pick<Session, 'mode' | 'human' | 'difficulty'>, side: Side): SidePlayer {
  if (session.mode !== 'solo') return { played: 'team' };
  return side === session.human ? { played: 'player' } : { played: 'computer', difficulty: session.difficulty };
}

export function gameRecord(session: Session, entry: CatalogEntry, exportedAt: string): GameRecordV1 {
  const { scenario } = entry;
  const result = session.state.ending;
  const ending = result && { ...result, title: localize(scenario.endings.find((e) => e.id === result.id)?.title, 'en') };
  const sides = {} as Record<Side, { readonly name: string } & SidePlayer>;
  for (const side of ['tokyo', 'seoul'] as const) sides[side] = { name: localize(scenario.sides[side].name, 'en'), ...sidePlayer(session, side) };
  return {
    format: RECORD_FORMAT,
    version: RECORD_VERSION,
    exportedAt,
    scenario: {
      id: entry.id,
      title: localize(scenario.title, 'en'),
      hash: entry.hash,
      origin: entry.origin,
      turns: scenario.turns,
      calendar: scenario.calendar
        ? { start: scenario.calendar.start, ...(scenario.calendar.months ? { months: scenario.calendar.months } : { monthsPerTurn: scenario.calendar.monthsPerTurn }) }
        : null,
      sources: scenario.sources.map((s) => ({ id: s.id, author: s.author, title: s.title, year: s.year })),
    },
    mode: session.mode,
    sides,
    seed: session.seed,
    // reports[i] is turn i + 1, played with orders[i]; a turn the instructor cut short has a report and no orders.
    turns: session.reports.map((report, i) => ({ turn: report.turn, date: isoMonth(scenario, report.turn), orders: session.orders[i] ?? null, report })),
    instructorLog: session.log,
    ending,
    finalMeters: Object.fromEntries(scenario.meters.map((m) => [m.id, session.state.meters[m.id]!])),
    stateHash: stateHash(session.state),
    save: toSaveFile(session, entry, exportedAt),
  };
}

/** The record as the file's text: indented for people, and stable (parse and re-serialize give the same text). */
export function gameRecordJson(record: GameRecordV1): string {
  return `${JSON.stringify(record, null, 2)}\n`;
}
