/**
 * A polls file: dated poll figures, each series compared with one meter of one scenario, for
 * `scenario calibrate`. Read and checked the way a scenario is (located problems, did-you-mean),
 * then against the scenario it names.
 */
import { z } from 'zod';
import { suggestion } from '../engine/didYouMean';
import type { Scenario } from '../engine/model';
import { Locator, type DataPath } from './locate';
import { parseScenarioText } from './parse';
import { sortProblems, type Problem } from './problems';
import { editorJsonSchema, Id } from './schema';
import { checkAgainst } from './structure';

/** How far a game must follow its polls unless the file says otherwise (issue 15's targets). */
export const DEFAULT_TARGETS = { direction: 0.8, level_error: 3 } as const;

const DATE = /^(\d{4})-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?$/;

const FigureSchema = z.strictObject({
  date: z.string().regex(DATE, 'write the date as YYYY-MM or YYYY-MM-DD, e.g. "2019-07"').describe('When the poll was taken (its fieldwork): "YYYY-MM" or "YYYY-MM-DD".'),
  value: z.number().finite().describe("The poll's figure, on the poll's own scale."),
  note: z.string().max(300).optional().describe('Anything a reader should know: fieldwork dates, a change of method.'),
});

const SeriesSchema = z.strictObject({
  meter: Id.describe("The scenario's meter this series is compared with."),
  source: z.string().min(1).max(300).describe('The pollster and question, as you would cite them: "Genron NPO/EAI: Koreans with a good impression of Japan, %".'),
  scale: z
    .strictObject({
      poll: z.tuple([z.number().finite(), z.number().finite()]).describe('Two values on the poll’s scale…'),
      meter: z.tuple([z.number().finite(), z.number().finite()]).describe('…and the meter values they stand for.'),
    })
    .optional()
    .describe("Where the meter is not on the poll's scale: two points of a straight line from poll values to meter values."),
  report_only: z.boolean().default(false).describe('true: printed, but not held to the targets (a second pollster, a meter the scenario does not claim to follow).'),
  figures: z.array(FigureSchema).min(1).max(200).describe('The figures, oldest first.'),
});

export const PollsSchema = z.strictObject({
  format: z.literal(1).describe('The polls file format version: 1.'),
  scenario: Id.describe('The id of the scenario these polls are for (its `id:`).'),
  polls: z.array(SeriesSchema).min(1).max(100).describe('One entry per series: one pollster’s question, compared with one meter.'),
  targets: z
    .strictObject({
      direction: z.number().min(0).max(1).default(DEFAULT_TARGETS.direction).describe('Share of poll-to-poll changes the game must move the same way (0.8 = 80%).'),
      level_error: z.number().min(0).default(DEFAULT_TARGETS.level_error).describe('Largest mean distance, in meter points, between the game and the polls.'),
    })
    .default(DEFAULT_TARGETS)
    .describe('What "follows the polls" means for this file.'),
});

export type PollsFile = z.output<typeof PollsSchema>;
export type PollSeries = PollsFile['polls'][number];

export type PollsResult = { ok: true; polls: PollsFile } | { ok: false; problems: Problem[] };

/** Reads a polls file and checks it against the scenario it is for; never throws for a bad file. */
export function loadPolls(file: string, text: string, scenario: Scenario): PollsResult {
  if (text.trim() === '') return { ok: false, problems: [{ file, line: 1, col: 1, stage: 'file', message: 'the file is empty; a polls file starts with "format: 1" and "scenario: <id>"' }] };
  const parsed = parseScenarioText(file, text);
  if (!parsed.ok) return { ok: false, problems: sortProblems(parsed.problems) };
  const locate = new Locator(parsed.parsed.doc, parsed.parsed.lines);
  const structure = checkAgainst(PollsSchema, 'polls file', file, parsed.parsed.value, locate);
  if (!structure.ok) return { ok: false, problems: sortProblems(structure.problems) };
  const problems = meaningProblems(structure.data, scenario).map(({ path, message }) => ({ file, ...locate.value(path), stage: 'meaning' as const, message }));
  return problems.length ? { ok: false, problems: sortProblems(problems) } : { ok: true, polls: structure.data };
}

function meaningProblems(polls: PollsFile, scenario: Scenario): { path: DataPath; message: string }[] {
  const found: { path: DataPath; message: string }[] = [];
  if (polls.scenario !== scenario.id) {
    found.push({
      path: ['scenario'],
      message: `this polls file is for the scenario '${polls.scenario}', but the scenario given has id '${scenario.id}'; give the matching scenario file, or correct 'scenario:'`,
    });
  }
  if (!scenario.calendar)
    found.push({ path: ['scenario'], message: `the scenario '${scenario.id}' has no calendar, so its turns have no dates to place polls on; give it a 'calendar:' (docs/authoring.md §3.2)` });
  const meters = scenario.meters.map((m) => m.id);
  for (const [i, series] of polls.polls.entries()) {
    if (!meters.includes(series.meter)) {
      found.push({ path: ['polls', i, 'meter'], message: `the scenario has no meter '${series.meter}'.${suggestion(series.meter, meters)} Its meters: ${meters.join(', ')}` });
    }
    if (series.scale && series.scale.poll[0] === series.scale.poll[1]) {
      found.push({ path: ['polls', i, 'scale', 'poll'], message: `the two poll values of 'scale' are both ${series.scale.poll[0]}; they must differ to make a line` });
    }
    let previous: string | undefined;
    for (const [j, figure] of series.figures.entries()) {
      const at: DataPath = ['polls', i, 'figures', j, 'date'];
      if (!dayExists(figure.date)) found.push({ path: at, message: `'${figure.date}' is not a day of the calendar; check the day of the month` });
      if (previous !== undefined && pollMonth(figure.date) < pollMonth(previous)) {
        found.push({ path: at, message: `the figures are out of order: '${figure.date}' comes before '${previous}' above it; list them oldest first` });
      }
      previous = figure.date;
    }
  }
  return found;
}

/**
 * When a figure was taken, as a month index with a fraction (year × 12 + month − 1 + part of the
 * month): the middle of the month when no day is given.
 */
export function pollMonth(date: string): number {
  const match = DATE.exec(date);
  if (!match) return Number.NaN;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const part = match[3] === undefined ? 0.5 : (Number(match[3]) - 0.5) / days;
  return year * 12 + month - 1 + part;
}

function dayExists(date: string): boolean {
  const match = DATE.exec(date);
  if (!match || match[3] === undefined) return match !== null;
  return Number(match[3]) <= new Date(Date.UTC(Number(match[1]), Number(match[2]), 0)).getUTCDate();
}

/** The polls file's JSON Schema, for editors (scenarios/history/polls.schema.json, npm run schema). */
export function pollsJsonSchema(): Record<string, unknown> {
  return editorJsonSchema(PollsSchema, 'https://close-yet-distant.invalid/polls.schema.json', 'Close Yet Distant polls file');
}
