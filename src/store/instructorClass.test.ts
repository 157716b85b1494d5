/**
 * An instructor's class in the store, with the server played by hand: pictures and summaries in,
 * actions out through the link. The alerts grow between messages on the store's clock; nothing the
 * dashboard sends decides a game (the server answers per game); what arrives for another class is
 * dropped.
 */
import { describe, expect, it } from 'vitest';
import { newGame } from '../engine';
import { IDLE_ALERT_MS, type ActMessage, type ClassPicture, type ClassRecord, type GameSummary } from '../class/instructor';
import { ACTED_KEPT, createAppStore, selectClassAlerts, selectClassEntry, selectClassGames, type AppStore, type InstructorLink } from './index';
import { storagePersistence } from './saves';
import { catalogEntryFrom, fakeTimer, MemoryStorage, randomComputer } from './testing';

const tutorial = catalogEntryFrom('scenarios/tutorial.yaml');
const scenario = tutorial.scenario;
const opening = newGame(scenario, 'class-seed');
const row = scenario.meters.map((m) => opening.meters[m.id]!);

function summary(code: string, change: Partial<GameSummary> = {}): GameSummary {
  return {
    code,
    turn: 1,
    ending: null,
    sealed: { tokyo: false, seoul: false },
    claimed: { tokyo: true, seoul: true },
    seats: { tokyo: 'connected', seoul: 'connected' },
    paused: false,
    revealed: false,
    meters: [row],
    idleMs: { tokyo: 0, seoul: 0 },
    actions: 0,
    ...change,
  };
}

const SETTINGS = { scenario: 'tutorial', games: 3, turnSeconds: null, memo: { required: false, minLength: 0 } } as const;

function picture(games: GameSummary[], code = 'CLASS7'): ClassPicture {
  return { code, settings: SETTINGS, games };
}

function dashboard(): { store: AppStore; sent: { act: ActMessage[]; record: number; left: number }; timer: ReturnType<typeof fakeTimer> } {
  const timer = fakeTimer(5_000_000);
  const store = createAppStore({ catalog: [tutorial], persistence: storagePersistence(new MemoryStorage()), computer: randomComputer, newSeed: () => 'x', timer });
  const sent = { act: [] as ActMessage[], record: 0, left: 0 };
  const link: InstructorLink = { act: (m) => void sent.act.push(m), requestRecord: () => void sent.record++, leave: () => void sent.left++ };
  store.getState().actions.go('classJoin');
  store.getState().actions.openClassDashboard('CLASS7');
  store.getState().actions.attachInstructorLink(link);
  return { store, sent, timer };
}

describe('an instructor’s class in the store', () => {
  it('opens the dashboard connecting, then holds the class’s picture and each game’s summary as it changes', () => {
    const { store } = dashboard();
    expect(store.getState().screen).toBe('classDashboard');
    expect(store.getState().instructorClass?.connection).toBe('connecting');
    expect(selectClassEntry(store.getState())).toBeUndefined();

    const { actions } = store.getState();
    actions.classPictureArrived(picture([summary('GAME01'), summary('GAME02')]));
    expect(store.getState().instructorClass?.connection).toBe('connected');
    expect(selectClassEntry(store.getState())?.id).toBe('tutorial');
    expect(selectClassGames(store.getState()).map((g) => g.code)).toEqual(['GAME01', 'GAME02']);

    // A changed game replaces its summary in place; a new game (open joining) joins the end.
    actions.classSummaryArrived(summary('GAME02', { turn: 2, sealed: { tokyo: true, seoul: false } }));
    actions.classSummaryArrived(summary('GAME03'));
    const games = selectClassGames(store.getState());
    expect(games.map((g) => [g.code, g.turn])).toEqual([
      ['GAME01', 1],
      ['GAME02', 2],
      ['GAME03', 1],
    ]);
    expect(games[1]!.sealed.tokyo).toBe(true);

    // What arrives for another class (an old connection's last words) is dropped.
    actions.classPictureArrived(picture([summary('OTHER1')], 'OTHER7'));
    expect(selectClassGames(store.getState()).map((g) => g.code)).toEqual(['GAME01', 'GAME02', 'GAME03']);
  });

  it('lets a team’s idle time grow between messages, on the store’s clock, until its summary says otherwise', () => {
    const { store, timer } = dashboard();
    const { actions } = store.getState();
    // Seoul's team and game 2's teams have sealed: only Tokyo's team of game 1 can be idle.
    const sealed = { tokyo: true, seoul: true };
    actions.classPictureArrived(picture([summary('GAME01', { sealed: { tokyo: false, seoul: true }, idleMs: { tokyo: IDLE_ALERT_MS - 60_000, seoul: 0 } }), summary('GAME02', { sealed })]));
    expect(selectClassAlerts(store.getState(), timer.now())).toEqual([]);
    timer.advance(60_000);
    expect(selectClassAlerts(store.getState(), timer.now())).toEqual([{ kind: 'idle', game: 'GAME01', side: 'tokyo', minutes: 3 }]);
    timer.advance(120_000);
    expect(selectClassAlerts(store.getState(), timer.now())).toEqual([{ kind: 'idle', game: 'GAME01', side: 'tokyo', minutes: 5 }]);
    // The team sealed: no longer idle, however long since.
    actions.classSummaryArrived(summary('GAME01', { sealed, idleMs: { tokyo: 0, seoul: 0 } }));
    timer.advance(IDLE_ALERT_MS);
    expect(selectClassAlerts(store.getState(), timer.now())).toEqual([]);
  });

  it('flags a game far ahead of the class', () => {
    const { store, timer } = dashboard();
    store.getState().actions.classPictureArrived(picture([summary('GAME01'), summary('GAME02'), summary('GAME03', { turn: 4 })]));
    expect(selectClassAlerts(store.getState(), timer.now())).toEqual([{ kind: 'ahead', game: 'GAME03', turns: 3 }]);
  });

  it('sends actions for some games or all through the link, says why one is not sent, and keeps what came of each', () => {
    const { store, sent } = dashboard();
    const { actions } = store.getState();
    // Not connected yet: nothing goes out.
    expect(actions.actOnClass('all', { kind: 'pause' })).toBe('offline');
    actions.classPictureArrived(picture([summary('GAME01'), summary('GAME02')]));
    expect(actions.actOnClass([], { kind: 'pause' })).toBe('noGames');
    expect(actions.actOnClass(['NOSUCH'], { kind: 'pause' })).toBe('noGames');
    expect(actions.actOnClass('all', { kind: 'adjust', meter: 'gov_trust', value: 50, reason: '  ' })).toBe('reason');
    expect(sent.act).toEqual([]);

    expect(actions.actOnClass('all', { kind: 'pause' })).toBeNull();
    expect(actions.actOnClass(['GAME02', 'NOSUCH'], { kind: 'fire', event: 'x' })).toBeNull();
    expect(sent.act).toEqual([
      { games: 'all', action: { kind: 'pause' } },
      { games: ['GAME02'], action: { kind: 'fire', event: 'x' } },
    ]);
    expect(store.getState().instructorClass?.sending).toBe(2);

    actions.classActed({
      action: { kind: 'pause' },
      results: [
        { game: 'GAME01', problem: null },
        { game: 'GAME02', problem: 'the game has ended' },
      ],
    });
    actions.instructorRefused({ about: 'act', problem: 'no such event' });
    const c = store.getState().instructorClass!;
    expect(c.sending).toBe(0);
    expect(c.acted[0]?.results[1]?.problem).toBe('the game has ended');
    expect(c.refusal?.problem).toBe('no such event');

    for (let i = 0; i < ACTED_KEPT + 2; i++) actions.classActed({ action: { kind: 'resume' }, results: [] });
    expect(store.getState().instructorClass?.acted).toHaveLength(ACTED_KEPT);

    // A dropped connection answers nothing sent before it.
    actions.actOnClass('all', { kind: 'resume' });
    actions.instructorConnectionChanged('reconnecting');
    expect(store.getState().instructorClass?.sending).toBe(0);
    expect(actions.actOnClass('all', { kind: 'resume' })).toBe('offline');
  });

  it('asks for the class record for the debrief, waits for it, and goes back to the dashboard', () => {
    const { store, sent } = dashboard();
    const { actions } = store.getState();
    actions.classPictureArrived(picture([summary('GAME01')]));
    actions.requestClassRecord();
    expect(sent.record).toBe(1);
    expect(store.getState().screen).toBe('classDebrief');
    expect(store.getState().instructorClass?.recordLoading).toBe(true);
    const record: ClassRecord = {
      code: 'CLASS7',
      settings: SETTINGS,
      games: [{ code: 'GAME01', claimed: { tokyo: true, seoul: false }, states: [opening], reports: [], actions: [], memos: [], answers: [] }],
    };
    actions.classRecordArrived(record);
    expect(store.getState().instructorClass?.record).toBe(record);
    expect(store.getState().instructorClass?.recordLoading).toBe(false);
    // Refused: the debrief stops waiting and says so.
    actions.requestClassRecord();
    actions.instructorRefused({ about: 'record', problem: 'too many requests' });
    expect(store.getState().instructorClass?.recordLoading).toBe(false);
    actions.backToClassDashboard();
    expect(store.getState().screen).toBe('classDashboard');
  });

  it('leaves the dashboard for the class screen, closing the link (the class goes on)', () => {
    const { store, sent } = dashboard();
    store.getState().actions.classPictureArrived(picture([summary('GAME01')]));
    store.getState().actions.leaveClass();
    expect(sent.left).toBe(1);
    expect(store.getState().instructorClass).toBeNull();
    expect(store.getState().screen).toBe('classJoin');
    // Reopened: a fresh dashboard that knows nothing until the server's picture.
    store.getState().actions.openClassDashboard('CLASS7');
    expect(store.getState().instructorClass?.order).toEqual([]);
  });
});
