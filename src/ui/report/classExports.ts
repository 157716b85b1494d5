/**
 * The class debrief's exports, as text (no DOM): every game's true meters turn by turn as CSV, the
 * teams' work as a gradebook CSV (one row per team) and as a long CSV (one row per memo and per
 * answer), and the whole class record as JSON. The CSVs are written as the single game's meters CSV
 * is (src/ui/report/metersCsv.ts: its quoting, CRLF, the byte-order mark Excel needs for Japanese and
 * Korean), so they open cleanly in Excel, LibreOffice and Google Sheets.
 *
 * The JSON is format 'close-yet-distant/class-record', version 1: `record` is the server's
 * ClassRecord as it is (src/class/instructor.ts). A reader should check both fields; a later version
 * may add fields but keeps these meanings.
 */
import type { ClassRecord } from '../../class/instructor';
import type { Language, Scenario } from '../../engine/model';
import { t } from '../../i18n';
import { localize } from '../../i18n/text';
import type { TeamWork } from '../present/teamWork';
import { BOM, csvField } from './metersCsv';

export const CLASS_RECORD_FORMAT = 'close-yet-distant/class-record';
export const CLASS_RECORD_VERSION = 1;

export interface ClassRecordFile {
  readonly format: typeof CLASS_RECORD_FORMAT;
  readonly version: typeof CLASS_RECORD_VERSION;
  /** When the file was made (ISO 8601). */
  readonly exportedAt: string;
  readonly scenario: {
    readonly id: string;
    /** In English, whatever language the class played in. */
    readonly title: string;
    readonly turns: number;
    /** The meters' ids in the order the summaries' and the CSV's columns follow. */
    readonly meters: readonly string[];
  };
  readonly record: ClassRecord;
}

/** The record as the file's text: indented for people, and stable (parse and re-serialize give the same text). */
export function classRecordJson(scenario: Scenario, record: ClassRecord, exportedAt: string): string {
  const file: ClassRecordFile = {
    format: CLASS_RECORD_FORMAT,
    version: CLASS_RECORD_VERSION,
    exportedAt,
    scenario: { id: scenario.id, title: localize(scenario.title, 'en'), turns: scenario.turns, meters: scenario.meters.map((m) => m.id) },
    record,
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

function csv(rows: readonly (readonly (string | number)[])[]): string {
  return BOM + rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/**
 * One row per game per state: the turn column is 0 for the start and i after turn i (as the single
 * game's CSV), then every meter's true value in full precision.
 */
export function classMetersCsv(scenario: Scenario, record: ClassRecord, language: Language): string {
  const header = [t('instructorClass.csv.game'), t('report.csv.turn'), ...scenario.meters.map((m) => t('report.csv.meter', { label: localize(m.label, language), id: m.id }))];
  const rows = record.games.flatMap((g) => g.states.map((s, i) => [g.code, i, ...scenario.meters.map((m) => s.meters[m.id] ?? Number.NaN)]));
  return csv([header, ...rows]);
}

/** A team's side as a gradebook reads it: its id (tokyo, seoul), stable whatever the language. */
const sideColumn = (w: TeamWork): string => w.side;

/** One row per team: its game, side, how many memos and answers, its multiple-choice score, the essays its play cited. */
export function gradebookCsv(work: readonly TeamWork[]): string {
  const header = [
    t('instructorClass.csv.game'),
    t('instructorClass.csv.side'),
    t('instructorClass.csv.memos'),
    t('instructorClass.csv.answers'),
    t('instructorClass.csv.choiceCorrect'),
    t('instructorClass.csv.choiceOf'),
    t('instructorClass.csv.essays'),
  ];
  const rows = work.map((w) => [w.game, sideColumn(w), w.memos.length, w.answers.filter((a) => a.answered).length, w.choiceScore.correct, w.choiceScore.of, w.essays.map((e) => e.words).join('; ')]);
  return csv([header, ...rows]);
}

/** Every memo and every answer, one row each: game, side, what it is, its turn or question, the text, the choice and whether it is the key. */
export function workCsv(work: readonly TeamWork[]): string {
  const header = [
    t('instructorClass.csv.game'),
    t('instructorClass.csv.side'),
    t('instructorClass.csv.kind'),
    t('report.csv.turn'),
    t('instructorClass.csv.question'),
    t('instructorClass.csv.text'),
    t('instructorClass.csv.choice'),
    t('instructorClass.csv.correct'),
  ];
  const rows = work.flatMap((w) => [
    ...w.memos.map((m) => [w.game, sideColumn(w), 'memo', m.turn, '', m.text, '', '']),
    ...w.answers
      .filter((a) => a.answered)
      .map((a) => [w.game, sideColumn(w), 'answer', '', a.question + 1, a.written, a.chose ? `${a.chose.label}) ${a.chose.text}` : '', a.correct === null ? '' : a.correct ? 'yes' : 'no']),
  ]);
  return csv([header, ...rows]);
}
