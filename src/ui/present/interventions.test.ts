/**
 * The instructor's interventions as the panel, the debrief and the printable debrief word them; the
 * turn screen's revealed meters; and the game's states rebuilt with the instructor's log.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { newGame, resolveTurn, stateHash } from '../../engine';
import { loadLanguage, setLanguage } from '../../i18n';
import { createAppStore } from '../../store';
import { storagePersistence } from '../../store/saves';
import type { InstructorEntry } from '../../store/session';
import { catalogEntryFrom, MemoryStorage, randomComputer } from '../../store/testing';
import { instructorEndingWords, interventionLines, interventionWithTurn, interventionWords } from './interventions';
import { meterReadings } from './meters';
import { replayStates } from './replay';

// Japanese and Korean are fetched on demand in the game; here, before any test switches to them.
beforeAll(() => Promise.all([loadLanguage('ja'), loadLanguage('ko')]));

const template = catalogEntryFrom('scenarios/template.yaml');
const scenario = template.scenario;

describe('the interventions in words', () => {
  const log: InstructorEntry[] = [
    { kind: 'pause', turn: 1 },
    { kind: 'resume', turn: 1 },
    { kind: 'fire', turn: 2, event: 'decoupling', undone: true },
    { kind: 'adjust', turn: 2, meter: 'gov_trust', before: 30, value: 55.25, reason: 'The class held a summit' },
    { kind: 'undo', turn: 3, undid: 2 },
    { kind: 'reveal', turn: 3 },
    { kind: 'hide', turn: 3 },
    { kind: 'end', turn: 4 },
  ];

  it('names the event, the meter with its value before and after and the reason, and marks what was undone', () => {
    setLanguage('en');
    const lines = interventionLines(scenario, log, 'en');
    expect(lines.map(interventionWithTurn)).toEqual([
      'Turn 1: Paused the game',
      'Turn 1: Resumed the game',
      'Turn 2: Fired the event “Washington moves to cut China out of chip supply chains” (undone)',
      'Turn 2: Set Government-to-government trust: 30 → 55.3 (“The class held a summit”)',
      'Turn 3: Took back turn 2',
      'Turn 3: Revealed the hidden meters and true poll values',
      'Turn 3: Hid the true values again',
      'Turn 4: Ended the game',
    ]);
    expect(lines.map((l) => l.undone)).toEqual([false, false, true, false, false, false, false, false]);
  });

  it('words the scenario’s own titles in the interface language', () => {
    setLanguage('ja');
    try {
      expect(interventionWords(scenario, log[3]!, 'ja')).toBe('政府間の信頼を設定：30 → 55.3（「The class held a summit」）');
      expect(interventionWords(scenario, log[2]!, 'ja')).toContain('米国が半導体供給網から中国の排除へ');
    } finally {
      setLanguage('en');
    }
  });

  it('says a game the instructor ended was ended, with the ending that held or without one', () => {
    expect(instructorEndingWords({ turn: 3, title: 'A cold peace', byInstructor: true })).toBe('Ended by the instructor after turn 3: A cold peace');
    expect(instructorEndingWords({ turn: 3, title: '', byInstructor: true })).toBe('Ended by the instructor after turn 3.');
    expect(instructorEndingWords({ turn: 8, title: 'A cold peace' })).toBeNull();
  });
});

describe('the meters revealed by the instructor', () => {
  it('shows every meter at its true value, marking the hidden and polled ones, and only while revealed', () => {
    const state = newGame(scenario, 'reveal');
    const seen = meterReadings(scenario, state, 'tokyo', 'en');
    expect(seen.map((r) => r.id)).not.toContain('china_pressure');
    expect(seen.find((r) => r.id === 'kr_view')!.seen).toBe('poll');
    expect(seen.some((r) => r.revealed)).toBe(false);

    const revealed = meterReadings(scenario, state, 'tokyo', 'en', undefined, true);
    expect(revealed.map((r) => r.id)).toEqual(scenario.meters.map((m) => m.id));
    for (const r of revealed) {
      expect(r.seen).toBe('exact');
      expect(r.value).toBe(state.meters[r.id]);
    }
    expect(revealed.find((r) => r.id === 'china_pressure')!.revealed).toBe('hidden');
    expect(revealed.find((r) => r.id === 'kr_view')!.revealed).toBe('poll');
    expect(revealed.find((r) => r.id === 'gov_trust')!.revealed).toBeUndefined();
  });
});

describe('the game’s states with the instructor’s log', () => {
  it('rebuilds what the store holds: meters set and events fired in their turns, and the ending by hand', () => {
    const store = createAppStore({ catalog: [template], persistence: storagePersistence(new MemoryStorage()), computer: randomComputer, newSeed: () => 'states-1' });
    const { actions } = store.getState();
    actions.pickScenario('template');
    actions.pickSide('tokyo');
    void actions.startGame();
    actions.beginTurn();
    actions.openInstructorPanel();
    expect(actions.adjustMeter('gov_trust', 77, 'A warm start')).toBeNull();
    actions.endTurn();
    actions.nextTurn();
    expect(actions.fireEvent('decoupling')).toBeNull();
    actions.endGameNow();
    const session = store.getState().session!;
    const states = replayStates(scenario, session.seed, session.orders, session.log);
    // One state per resolved turn, plus the start and the ended game.
    expect(states).toHaveLength(session.orders.length + 2);
    expect(stateHash(states[states.length - 1]!)).toBe(stateHash(session.state));
    expect(states[states.length - 1]!.ending?.byInstructor).toBe(true);
    // Without the log the first turn resolves from an untouched meter: the states differ.
    const plain = resolveTurn(scenario, newGame(scenario, session.seed), session.orders[0]!).state;
    expect(stateHash(states[1]!)).not.toBe(stateHash(plain));
  });
});
