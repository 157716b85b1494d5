/**
 * The class debrief's exports: the whole game as JSON (it loads back as the same game and
 * re-serializes to the same text) and the meters as CSV (parsed back, the same numbers as the
 * game's states, instructor's changes included), and the printable page's model.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { stateHash } from '../../engine';
import type { Scenario, Text } from '../../engine/model';
import { loadLanguage, setLanguage } from '../../i18n';
import { createAppStore, type AppStore } from '../../store/index';
import { readSaveFile } from '../../store/saveFile';
import { storagePersistence } from '../../store/saves';
import type { Session } from '../../store/session';
import { catalogEntryFrom, MemoryStorage, randomComputer } from '../../store/testing';
import { replayStates } from '../present';
import { gameRecord, gameRecordJson, RECORD_FORMAT, RECORD_VERSION, type GameRecordV1 } from './gameRecord';
import { BOM, csvField, metersCsv } from './metersCsv';
import { printModel } from './printModel';
import { parseCsv } from '../../../tests/csv';

// Japanese and Korean are fetched on demand in the game; here, before any test switches to them.
beforeAll(() => Promise.all([loadLanguage('ja'), loadLanguage('ko')]));

const template = catalogEntryFrom('scenarios/template.yaml');
const REASON = 'The class voted: "warmer", after the summit';

function store(): AppStore {
  return createAppStore({ catalog: [template], persistence: storagePersistence(new MemoryStorage()), computer: randomComputer, newSeed: () => 'report-1', now: () => 0 });
}

/** A solo game as Tokyo to its ending; on turn 2 the instructor fires an event, sets a meter (and pauses a moment). */
function finishedGame(): Session {
  const s = store();
  const { actions } = s.getState();
  actions.pickScenario('template');
  actions.pickSide('tokyo');
  void actions.startGame();
  actions.beginTurn();
  for (let turn = 1; !s.getState().session!.state.ending; turn++) {
    if (turn === 2) {
      actions.openInstructorPanel();
      expect(actions.fireEvent('decoupling')).toBeNull();
      expect(actions.adjustMeter('kr_view', s.getState().session!.state.meters.kr_view! + 12.5, REASON)).toBeNull();
      actions.pause();
      actions.resume();
      actions.closeInstructorPanel();
    }
    actions.endTurn();
    actions.nextTurn();
    expect(turn).toBeLessThan(40);
  }
  return s.getState().session!;
}

/** A hot-seat game the instructor ends on turn 3, before the teams' orders. */
function endedByInstructor(): Session {
  const s = store();
  const { actions } = s.getState();
  actions.pickScenario('template');
  actions.pickMode('hotseat');
  void actions.startGame();
  actions.beginTurn();
  for (let turn = 1; turn <= 2; turn++) {
    for (let team = 0; team < 2; team++) {
      actions.revealTurn();
      actions.endTurn();
    }
    actions.nextTurn();
  }
  actions.openInstructorPanel();
  actions.endGameNow();
  return s.getState().session!;
}

const game = finishedGame();

afterEach(() => setLanguage('en'));

describe('the game record (JSON)', () => {
  const text = gameRecordJson(gameRecord(game, template, '2025-06-30T09:00:00.000Z'));
  const parsed = JSON.parse(text) as GameRecordV1;

  it('says what it is and holds the whole game: sides, every turn’s orders and report, the log, the ending and the true final meters', () => {
    expect(parsed.format).toBe(RECORD_FORMAT);
    expect(parsed.version).toBe(RECORD_VERSION);
    expect(parsed.scenario).toMatchObject({ id: 'template', hash: template.hash, origin: 'shipped', turns: 8 });
    expect(parsed.scenario.title).toBe(typeof template.scenario.title === 'string' ? template.scenario.title : template.scenario.title.en);
    expect(parsed.mode).toBe('solo');
    expect(parsed.sides.tokyo.played).toBe('player');
    expect(parsed.sides.seoul).toMatchObject({ played: 'computer', difficulty: game.difficulty });
    expect(parsed.seed).toBe('report-1');
    expect(parsed.turns).toHaveLength(game.reports.length);
    parsed.turns.forEach((turn, i) => {
      expect(turn.turn).toBe(i + 1);
      expect(turn.orders).toEqual(game.orders[i]);
      expect(turn.report).toEqual(game.reports[i]);
    });
    expect(parsed.turns[0]!.date).toBe('2019-07');
    expect(parsed.turns[1]!.date).toBe('2019-10');
    expect(parsed.turns[1]!.report.changes).toContainEqual(expect.objectContaining({ id: 'kr_view', cause: { kind: 'instructor', id: 'kr_view', reason: REASON } }));
    expect(parsed.instructorLog.map((e) => e.kind)).toEqual(['fire', 'adjust', 'pause', 'resume']);
    expect(parsed.ending).toMatchObject({ ...game.state.ending, title: expect.any(String) as unknown });
    expect(parsed.ending!.title).not.toBe('');
    expect(Object.keys(parsed.finalMeters)).toEqual(template.scenario.meters.map((m) => m.id));
    for (const m of template.scenario.meters) expect(parsed.finalMeters[m.id]).toBe(game.state.meters[m.id]);
    expect(parsed.stateHash).toBe(stateHash(game.state));
  });

  it('round-trips: its save loads back to the same state, and it re-serializes to the same text', () => {
    expect(`${JSON.stringify(parsed, null, 2)}\n`).toBe(text);
    const loaded = readSaveFile(JSON.stringify(parsed.save), [template]);
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.problem));
    expect(stateHash(loaded.session.state)).toBe(parsed.stateHash);
    expect(loaded.session.log).toEqual(game.log);
    expect(loaded.session.reports).toEqual(parsed.turns.map((t) => t.report));
  });

  it('records a turn the instructor cut short with its report and no orders, and the teams of a hot-seat game', () => {
    const ended = endedByInstructor();
    const record = JSON.parse(gameRecordJson(gameRecord(ended, template, '2025-06-30T09:00:00.000Z'))) as GameRecordV1;
    expect(record.mode).toBe('hotseat');
    expect(record.sides.tokyo.played).toBe('team');
    expect(record.sides.seoul.played).toBe('team');
    expect(record.turns.map((t) => t.orders === null)).toEqual([false, false, true]);
    expect(record.ending).toMatchObject({ turn: 3, byInstructor: true });
    const loaded = readSaveFile(JSON.stringify(record.save), [template]);
    expect(loaded.ok && stateHash(loaded.session.state)).toBe(record.stateHash);
  });
});

describe('the meters as CSV', () => {
  const states = replayStates(template.scenario, game.seed, game.orders, game.log);

  it('rebuilds the true states with the instructor’s changes (the play screens’ replay leaves them out)', () => {
    expect(states).toHaveLength(game.reports.length + 1);
    expect(stateHash(states[states.length - 1]!)).toBe(stateHash(game.state));
    expect(stateHash(replayStates(template.scenario, game.seed, game.orders).at(-1)!)).not.toBe(stateHash(game.state));
    const ended = endedByInstructor();
    const cut = replayStates(template.scenario, ended.seed, ended.orders, ended.log);
    expect(cut).toHaveLength(ended.reports.length + 1);
    expect(stateHash(cut.at(-1)!)).toBe(stateHash(ended.state));
  });

  it('starts with a byte-order mark and parses back to one header and a row for the start and each turn, with the states’ numbers', () => {
    const text = metersCsv(template.scenario, states, 'en');
    expect(text.startsWith(BOM)).toBe(true);
    const [header, ...rows] = parseCsv(text.slice(1));
    expect(header).toEqual(['turn', 'date', ...template.scenario.meters.map((m) => `${typeof m.label === 'string' ? m.label : m.label.en} (${m.id})`)]);
    expect(rows).toHaveLength(game.reports.length + 1);
    rows.forEach((row, i) => {
      expect(row).toHaveLength(header!.length);
      expect(Number(row[0])).toBe(i);
      template.scenario.meters.forEach((m, k) => expect(Number(row[k + 2])).toBe(states[i]!.meters[m.id]));
    });
    expect(rows.map((r) => r[1])).toEqual(['2019-07', '2019-10', '2020-01', '2020-04', '2020-07', '2020-10', '2021-01', '2021-04', '2021-07'].slice(0, rows.length));
    // The instructor's +12.5 on turn 2 leaves a fraction: written with a '.' whatever the language.
    expect(rows.some((r) => r.slice(2).some((v) => v.includes('.')))).toBe(true);
  });

  it('quotes labels with commas, quotes and line breaks, keeps Japanese as it is and numbers with a "." in any language', () => {
    const tricky: Scenario = {
      ...template.scenario,
      meters: template.scenario.meters.map((m, i) =>
        i === 0 ? { ...m, label: 'Trust, "mutual"\nand more' } : i === 1 ? { ...m, label: { en: 'View', ja: '日本人の対韓感情' } } : i === 2 ? { ...m, label: '=HYPERLINK("x")' } : m,
      ),
    };
    setLanguage('ja');
    const [header, ...rows] = parseCsv(metersCsv(tricky, states, 'ja').slice(1));
    expect(header!.slice(0, 5)).toEqual(['ターン', '日付', `Trust, "mutual"\nand more (gov_trust)`, '日本人の対韓感情 (jp_view)', `'=HYPERLINK("x") (kr_view)`]);
    for (const row of rows) for (const cell of row.slice(2)) expect(cell).toMatch(/^-?\d+(\.\d+)?(e-?\d+)?$/);
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField(-2.5)).toBe('-2.5');
  });
});

describe('the printable debrief’s model', () => {
  it('has every section: sides and who played, the ending, all meters’ true values, a block per turn, the interventions and the questions', () => {
    const states = replayStates(template.scenario, game.seed, game.orders, game.log);
    const m = printModel({ scenario: template.scenario, session: game, states, language: 'en', today: new Date(Date.UTC(2025, 5, 30)) });
    expect(m.sides.map((s) => s.player)).toEqual(['The player', `The computer (${game.difficulty === 'normal' ? 'Normal' : game.difficulty === 'hard' ? 'Hard' : 'Easy'})`]);
    expect(m.sides.every((s) => s.outcome !== '' && s.score !== '')).toBe(true);
    expect(m.ending.title).not.toBe('');
    expect(m.chart.series).toHaveLength(template.scenario.meters.length);
    for (const s of m.chart.series) expect(s.values).toEqual(states.map((x) => x.meters[s.id]));
    expect(m.chart.xLabels).toHaveLength(states.length);
    expect(m.meters.map((r) => r.seen.tokyo)).toContain('through a poll');
    expect(m.timeline).toHaveLength(game.reports.length);
    expect(m.timeline[1]!.heading).toBe('Turn 2 · October 2019');
    // The instructor's change is listed in its turn with the reason, whatever its size.
    expect(m.timeline[1]!.changes.some((c) => c.cause.includes(REASON))).toBe(true);
    expect(m.timeline[1]!.events.some((e) => e.includes('fired by the instructor'))).toBe(true);
    expect(m.timeline.flatMap((b) => b.changes).some((c) => c.source && /\(\d{4}\)/.test(c.source))).toBe(true);
    expect(m.interventions).toHaveLength(4);
    expect(m.interventions[1]).toContain(REASON);
    const en = (text: Text): string => (typeof text === 'string' ? text : text.en);
    expect(m.questions).toEqual(template.scenario.questions.map((q) => ({ text: en(q.text), choices: (q.choices ?? []).map((c, i) => ({ label: 'abc'[i], text: en(c.text) })) })));
    // The template has a multiple-choice question and an answer guide: the page shows the choices, never the guide or the key.
    expect(m.questions.some((q) => q.choices.length === 3)).toBe(true);
    const shown = JSON.stringify(m.questions);
    for (const q of template.scenario.questions) {
      if (q.guide !== undefined) expect(shown).not.toContain(en(q.guide));
      if (q.key !== undefined) expect(shown).not.toContain(q.key);
    }
    expect(m.sources).toHaveLength(template.scenario.sources.length);
  });

  it('names the teams of a hot-seat game and says the instructor ended it', () => {
    const ended = endedByInstructor();
    const m = printModel({ scenario: template.scenario, session: ended, states: replayStates(template.scenario, ended.seed, ended.orders, ended.log), language: 'en', today: new Date() });
    expect(m.sides.map((s) => s.player)).toEqual(['A team of the class', 'A team of the class']);
    expect(m.ending.note).toMatch(/instructor/i);
    expect(m.timeline.at(-1)!.chose.every((c) => c.text.includes('the instructor ended the game'))).toBe(true);
  });

  it('speaks the interface language', () => {
    setLanguage('ko');
    const m = printModel({ scenario: template.scenario, session: game, states: replayStates(template.scenario, game.seed, game.orders, game.log), language: 'ko', today: new Date() });
    expect(m.facts[0]!.label).toBe('날짜');
    expect(m.timeline[0]!.heading).toMatch(/1턴/);
  });
});
