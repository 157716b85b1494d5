/**
 * The class debrief's data and exports, from a class record made by playing real games with the
 * engine (turns resolved from both sides' orders, an instructor's set meter, a fired event and an
 * ending imposed early), with the teams' memos and answers: the games side by side, the decisions by
 * turn, one meter across the games, each team's work to grade; the CSVs parsed back as a spreadsheet
 * reads them and the JSON read back to the same record.
 */
import seedrandom from 'seedrandom';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { intervene, newGame, randomOrders, resolveTurn, type GameState, type TurnReport } from '../../engine';
import type { Side } from '../../engine/model';
import type { ActionEntry, Answer, ClassRecord, GameRecord, Memo } from '../../class/instructor';
import { loadLanguage, setLanguage } from '../../i18n';
import { localize } from '../../i18n/text';
import { catalogEntryFrom } from '../../store/testing';
import { parseCsv } from '../../../tests/csv';
import { classDebrief, inParts, meterAcrossGames, ARGUMENTS_SHOWN } from '../present/classDebrief';
import { drivingArguments } from '../present/debrief';
import { decisionTitle } from '../present/names';
import { classWork, teamWork } from '../present/teamWork';
import { BOM } from './metersCsv';
import { CLASS_RECORD_FORMAT, CLASS_RECORD_VERSION, classMetersCsv, classRecordJson, gradebookCsv, workCsv, type ClassRecordFile } from './classExports';
import { seeingAll } from './printModel';

beforeAll(() => Promise.all([loadLanguage('ja'), loadLanguage('ko')]));
afterEach(() => setLanguage('en'));

const scenario = catalogEntryFrom('scenarios/tutorial.yaml').scenario;
const SIDES: readonly Side[] = ['tokyo', 'seoul'];
/** The tutorial's multiple-choice question and its key, and the question with an answer guide. */
const CHOICE_QUESTION = scenario.questions.findIndex((q) => q.key !== undefined);
const GUIDED_QUESTION = scenario.questions.findIndex((q) => q.guide !== undefined);
const MEMO_WITH_QUOTES = 'We chose the summit, "because talking helps",\nand waited.';

interface Plan {
  readonly code: string;
  readonly seed: string;
  /** Turns to play before the instructor ends the game (all of them when absent). */
  readonly endAfter?: number;
  readonly claimed?: Readonly<Record<Side, boolean>>;
  readonly work?: boolean;
}

/** One game as the server keeps it: states without the seed, every report, the teams' memos and answers. */
function play(plan: Plan): GameRecord {
  const random = seedrandom.alea(plan.seed);
  let state: GameState = newGame(scenario, plan.seed);
  const states: GameState[] = [state];
  const reports: TurnReport[] = [];
  const memos: Memo[] = [];
  const answers: Answer[] = [];
  const actions: ActionEntry[] = [];
  let at = 1_000;
  while (!state.ending) {
    if (plan.endAfter !== undefined && reports.length === plan.endAfter) {
      const ended = intervene(scenario, state, { kind: 'end' });
      actions.push({ turn: state.turn, at: at++, action: { kind: 'end' }, undone: false });
      state = ended.state;
      if (ended.report) reports.push(ended.report);
      states.push(state);
      break;
    }
    if (state.turn === 2) {
      // The instructor sets a meter, and fires an event, in the middle of turn 2.
      state = intervene(scenario, state, { kind: 'adjust', meter: 'gov_trust', value: 50, reason: 'The class voted' }).state;
      actions.push({ turn: 2, at: at++, action: { kind: 'adjust', meter: 'gov_trust', value: 50, reason: 'The class voted' }, undone: false });
    }
    const orders = { tokyo: randomOrders(scenario, state, 'tokyo', random), seoul: randomOrders(scenario, state, 'seoul', random) };
    if (plan.work !== false)
      for (const side of SIDES) memos.push({ turn: state.turn, side, text: side === 'tokyo' && state.turn === 1 ? MEMO_WITH_QUOTES : `${side} memo for turn ${state.turn}`, at: at++ });
    const resolved = resolveTurn(scenario, state, orders);
    state = resolved.state;
    reports.push(resolved.report);
    states.push(state);
  }
  if (plan.work !== false) {
    // Tokyo changes its mind (the later answer counts) and picks the key; Seoul picks another choice and writes a formula-looking answer.
    answers.push({ side: 'tokyo', question: CHOICE_QUESTION, choice: 'wait', at: at++ });
    answers.push({ side: 'tokyo', question: CHOICE_QUESTION, choice: 'dialogue', at: at++ });
    answers.push({ side: 'seoul', question: CHOICE_QUESTION, choice: 'follow', at: at++ });
    answers.push({ side: 'seoul', question: GUIDED_QUESTION, text: '=turn 4, because the summit failed', at });
  }
  // The server's record has no seed in its states.
  const seedless = states.map((s) => ({ ...s, seed: '' }));
  return { code: plan.code, claimed: plan.claimed ?? { tokyo: true, seoul: true }, states: seedless, reports, actions, memos, answers };
}

const record: ClassRecord = {
  code: 'CLASS7',
  settings: { scenario: 'tutorial', games: 3, turnSeconds: null, memo: { required: true, minLength: 10 } },
  games: [
    play({ code: 'GAME01', seed: 'one' }),
    play({ code: 'GAME02', seed: 'two', endAfter: 3 }),
    play({ code: 'GAME03', seed: 'three', endAfter: 0, claimed: { tokyo: true, seoul: false }, work: false }),
  ],
};
const [first, second, third] = record.games as [GameRecord, GameRecord, GameRecord];

describe('the class debrief', () => {
  const model = classDebrief(scenario, record, 'en');

  it('sets every game side by side: its ending, each side’s result, its final true meters and the arguments that moved it most', () => {
    expect(model.games.map((g) => g.code)).toEqual(['GAME01', 'GAME02', 'GAME03']);
    expect(first.states.at(-1)!.ending).not.toBeNull();
    expect(model.games[1]!.ending).toBe(`Ended by the instructor after turn ${second.states.at(-1)!.ending!.turn}: ${model.games[1]!.ending.split(': ')[1]}`);
    expect(model.games[0]!.ending).toContain(`(after turn ${scenario.turns})`);
    for (const [i, game] of record.games.entries()) {
      const final = game.states.at(-1)!;
      expect(model.games[i]!.meters.map((m) => m.value)).toEqual(scenario.meters.map((m) => final.meters[m.id]));
      // The single game's own ranking, over every meter (the record hides nothing), the heaviest few.
      const ranked = drivingArguments(seeingAll(scenario), game.reports, 'tokyo', 'en').slice(0, ARGUMENTS_SHOWN);
      expect(model.games[i]!.arguments).toHaveLength(ranked.length);
      ranked.forEach((a, k) => expect(model.games[i]!.arguments[k]).toContain(a.source.author));
    }
    expect(model.games[0]!.arguments.length).toBeGreaterThan(0);
    expect(model.games[0]!.sides.every((s) => s.result.includes('score'))).toBe(true);
  });

  it('aligns the decisions by turn: a row per turn, a column per game, what both sides took', () => {
    expect(model.turns).toHaveLength(first.reports.length);
    for (const row of model.turns) {
      row.cells.forEach((cell, g) => {
        const report = record.games[g]!.reports[row.turn - 1];
        expect(cell.played).toBe(report !== undefined);
        // Each title as the timeline says it: a joint decision marked as taken together or proposed.
        for (const side of SIDES)
          (report?.decisions[side] ?? []).forEach((id, k) =>
            expect(cell.decisions[side][k]).toMatch(new RegExp(`^${decisionTitle(scenario, id, 'en').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( \\((together|proposed)\\))?$`)),
          );
      });
    }
    // The game ended after turn 3 has no cells after it; the one ended before any turn, one (its ending's report).
    expect(model.turns[5]!.cells[1]!.played).toBe(false);
    expect(model.turns[0]!.cells[2]!.played).toBe(true);
  });

  it('charts one meter in every game: a line per game on the meter’s range', () => {
    const across = meterAcrossGames(scenario, record, 'kr_view');
    const meter = scenario.meters.find((m) => m.id === 'kr_view')!;
    expect(across.lines.map((l) => l.id)).toEqual(['GAME01', 'GAME02', 'GAME03']);
    expect(across.lines[1]!.values).toEqual(second.states.map((s) => s.meters.kr_view));
    expect(across.lines.every((l) => l.min === meter.min && l.max === meter.max)).toBe(true);
    expect(across.xLabels).toHaveLength(first.states.length);
  });

  it('splits into parts of a few games for a printed page', () => {
    const parts = inParts(model, 2);
    expect(parts.map((p) => p.games.map((g) => g.code))).toEqual([['GAME01', 'GAME02'], ['GAME03']]);
    expect(parts[1]!.turns.every((r) => r.cells.length === 1)).toBe(true);
    expect(parts[1]!.turns).toHaveLength(1);
  });
});

describe('a team’s work to grade', () => {
  it('holds its memos by turn, its latest answers with whether a choice is the key, the guide, its decisions and the essays its play cited', () => {
    const tokyo = teamWork(scenario, first, 'tokyo', 'en');
    expect(tokyo.memos.map((m) => m.turn)).toEqual(first.reports.map((r) => r.turn));
    expect(tokyo.memos[0]!.text).toBe(MEMO_WITH_QUOTES);
    const choice = tokyo.answers[CHOICE_QUESTION]!;
    expect(choice.chose?.id).toBe('dialogue');
    expect(choice.correct).toBe(true);
    expect(tokyo.choiceScore).toEqual({ correct: 1, of: 1 });
    expect(tokyo.answers[GUIDED_QUESTION]!.guide).toContain('A good answer names the turn');
    expect(tokyo.answers[GUIDED_QUESTION]!.answered).toBe(false);
    // An open question has no key to be right or wrong against.
    expect(tokyo.answers[0]!.correct).toBeNull();
    expect(tokyo.decisions.map((d) => d.titles)).toEqual(first.reports.map((r) => r.decisions.tokyo.map((id) => decisionTitle(scenario, id, 'en'))));
    expect(tokyo.essays.length).toBeGreaterThan(0);
    expect(tokyo.essays.every((e) => e.byDecisions + e.byRules > 0)).toBe(true);

    const seoul = teamWork(scenario, first, 'seoul', 'en');
    expect(seoul.answers[CHOICE_QUESTION]!.correct).toBe(false);
    expect(seoul.choiceScore).toEqual({ correct: 0, of: 1 });
    expect(seoul.answers[GUIDED_QUESTION]!.written).toBe('=turn 4, because the summit failed');
  });

  it('counts only the essays behind the team’s own decisions, and the rules on the turns it decided', () => {
    const tokyo = teamWork(scenario, first, 'tokyo', 'en');
    const own = new Set(first.reports.flatMap((r) => r.changes.filter((c) => c.target === 'meter' && c.cause.source && c.cause.side === 'tokyo').map((c) => c.cause.source!)));
    for (const source of own) expect(tokyo.essays.find((e) => e.id === source)?.byDecisions).toBeGreaterThan(0);
  });

  it('lists every team given a seat, game by game', () => {
    const work = classWork(scenario, record, 'en');
    expect(work.map((w) => `${w.game}:${w.side}`)).toEqual(['GAME01:tokyo', 'GAME01:seoul', 'GAME02:tokyo', 'GAME02:seoul', 'GAME03:tokyo']);
    expect(work[4]!.memos).toEqual([]);
    expect(work[4]!.answers.every((a) => !a.answered)).toBe(true);
  });
});

/** The CSV as a spreadsheet reads it: the byte-order mark first, then RFC 4180 records. */
function readCsv(text: string): string[][] {
  expect(text.startsWith(BOM)).toBe(true);
  return parseCsv(text.slice(BOM.length));
}

describe('the class exports', () => {
  it('writes every game’s meters by turn as CSV: one row per game per turn, every meter in full precision', () => {
    const rows = readCsv(classMetersCsv(scenario, record, 'en'));
    expect(rows[0]).toEqual(['Game', 'turn', ...scenario.meters.map((m) => expect.stringContaining(`(${m.id})`) as unknown as string)]);
    const body = rows.slice(1);
    expect(body).toHaveLength(record.games.reduce((n, g) => n + g.states.length, 0));
    for (const game of record.games) {
      const mine = body.filter((r) => r[0] === game.code);
      expect(mine.map((r) => Number(r[1]))).toEqual(game.states.map((_, i) => i));
      mine.forEach((r, i) => expect(r.slice(2).map(Number)).toEqual(scenario.meters.map((m) => game.states[i]!.meters[m.id])));
    }
    // The instructor's set meter is in the numbers: turn 2 opened with trust at 50 in the game played through.
    expect(body.some((r) => r[0] === 'GAME01')).toBe(true);
  });

  it('heads the CSV in the interface language', () => {
    setLanguage('ja');
    expect(readCsv(classMetersCsv(scenario, record, 'ja'))[0]![0]).toBe('ゲーム');
  });

  it('writes a gradebook: one row per team with its memos, answers, multiple-choice score and essays', () => {
    const work = classWork(scenario, record, 'en');
    const rows = readCsv(gradebookCsv(work));
    expect(rows[0]).toEqual(['Game', 'Side', 'Memos', 'Answers', 'Multiple choice right', 'Multiple choice questions', 'Essays cited']);
    expect(rows.slice(1).map((r) => r.slice(0, 6))).toEqual(
      work.map((w) => [w.game, w.side, String(w.memos.length), String(w.answers.filter((a) => a.answered).length), String(w.choiceScore.correct), String(w.choiceScore.of)]),
    );
    expect(rows[1]![6]).toContain(work[0]!.essays[0]!.words);
  });

  it('writes every memo and answer, one row each, the text exactly as written (quotes, commas, line breaks; a formula kept text)', () => {
    const work = classWork(scenario, record, 'en');
    const rows = readCsv(workCsv(work)).slice(1);
    const memos = rows.filter((r) => r[2] === 'memo');
    const answers = rows.filter((r) => r[2] === 'answer');
    expect(memos).toHaveLength(work.reduce((n, w) => n + w.memos.length, 0));
    expect(memos[0]).toEqual(['GAME01', 'tokyo', 'memo', '1', '', MEMO_WITH_QUOTES, '', '']);
    const right = answers.find((r) => r[0] === 'GAME01' && r[1] === 'tokyo')!;
    expect(right[4]).toBe(String(CHOICE_QUESTION + 1));
    expect(right[6]).toMatch(/^a\) Trust comes back/);
    expect(right[7]).toBe('yes');
    const written = answers.find((r) => r[0] === 'GAME01' && r[1] === 'seoul' && r[5] !== '')!;
    expect(written[5]).toBe("'=turn 4, because the summit failed");
    // One team's file holds its rows alone.
    expect(
      readCsv(workCsv([work[1]!]))
        .slice(1)
        .every((r) => r[0] === 'GAME01' && r[1] === 'seoul'),
    ).toBe(true);
  });

  it('writes the whole class record as JSON with its format and version, read back to the same record', () => {
    const text = classRecordJson(scenario, record, '2025-06-30T09:00:00.000Z');
    const file = JSON.parse(text) as ClassRecordFile;
    expect(file.format).toBe(CLASS_RECORD_FORMAT);
    expect(file.format).toBe('close-yet-distant/class-record');
    expect(file.version).toBe(CLASS_RECORD_VERSION);
    expect(file.version).toBe(1);
    expect(file.scenario).toEqual({ id: 'tutorial', title: localize(scenario.title, 'en'), turns: scenario.turns, meters: scenario.meters.map((m) => m.id) });
    expect(file.record).toEqual(JSON.parse(JSON.stringify(record)));
    expect(classRecordJson(scenario, file.record, file.exportedAt)).toBe(text);
    expect(third.reports).toHaveLength(1);
  });
});
