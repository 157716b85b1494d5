/** The class session in the store: hot-seat turns behind hand-over screens, the timer, and the instructor's panel. */
import { describe, expect, it } from 'vitest';
import { intervene, newGame, orderProblems, stateHash } from '../engine';
import { stillChoosable } from './draft';
import { clockLeftMs, createAppStore, type AppStore } from './index';
import { storagePersistence } from './saves';
import { catalogEntryFrom, fakeTimer, MemoryStorage, randomComputer, type FakeTimer } from './testing';

const template = catalogEntryFrom('scenarios/template.yaml');

function storeOn(storage: Storage, timer: FakeTimer = fakeTimer()): AppStore {
  return createAppStore({ catalog: [template], persistence: storagePersistence(storage), computer: randomComputer, newSeed: () => 'class-1', timer });
}

/** Starts a hot-seat game; with a PIN, the start waits for the PIN to be locked (await it). */
async function startHotseat(store: AppStore, classroom: { pin?: string | null; timerSeconds?: number | null } = {}): Promise<void> {
  const { actions } = store.getState();
  actions.pickScenario('template');
  actions.pickMode('hotseat');
  actions.setClassroom(classroom);
  const started = actions.startGame();
  if (classroom.pin) await started;
  actions.beginTurn();
}

async function startSolo(store: AppStore, pin: string | null = null): Promise<void> {
  const { actions } = store.getState();
  actions.pickScenario('template');
  actions.pickSide('tokyo');
  actions.setClassroom({ pin });
  const started = actions.startGame();
  if (pin) await started;
  actions.beginTurn();
}

const affordable = (side: 'tokyo' | 'seoul', capital: number): string => template.scenario.decisions.find((d) => d.side === side && !d.joint && d.cost <= capital && !d.when)!.id;

describe('a hot-seat game', () => {
  it('seals the first team’s orders behind the hand-over screen and resolves with both teams’ choices', () => {
    const store = storeOn(new MemoryStorage());
    void startHotseat(store);
    expect(store.getState().screen).toBe('handover');
    expect(store.getState().session!.human).toBe('tokyo');
    const { actions } = store.getState();
    actions.revealTurn();
    expect(store.getState().screen).toBe('turn');
    const tokyoPick = affordable('tokyo', store.getState().session!.state.capital.tokyo);
    actions.toggleDecision(tokyoPick);
    actions.endTurn();
    // Seoul's team now holds the controls with an empty draft; Tokyo's choice is sealed, not in the draft.
    let s = store.getState();
    expect(s.screen).toBe('handover');
    expect(s.session!.human).toBe('seoul');
    expect(s.session!.draft.decisions).toEqual([]);
    expect(s.session!.sealed.tokyo!.decisions).toEqual([tokyoPick]);
    expect(s.session!.reports).toHaveLength(0);
    actions.revealTurn();
    const seoulPick = affordable('seoul', s.session!.state.capital.seoul);
    actions.toggleDecision(seoulPick);
    actions.endTurn();
    s = store.getState();
    expect(s.screen).toBe('resolution');
    expect(s.session!.reports).toHaveLength(1);
    expect(s.session!.orders[0]!.tokyo.decisions).toEqual([tokyoPick]);
    expect(s.session!.orders[0]!.seoul.decisions).toEqual([seoulPick]);
    expect(s.session!.sealed).toEqual({});
    actions.nextTurn();
    expect(store.getState().screen).toBe('handover');
    expect(store.getState().session!.human).toBe('tokyo');
  });

  it('comes back from a reload behind the hand-over screen, with the sealed orders kept', () => {
    const storage = new MemoryStorage();
    const store = storeOn(storage);
    void startHotseat(store);
    store.getState().actions.revealTurn();
    store.getState().actions.toggleDecision(affordable('tokyo', 99));
    store.getState().actions.endTurn();
    const again = storeOn(storage);
    again.getState().actions.continueSavedGame();
    expect(again.getState().screen).toBe('handover');
    expect(again.getState().session!.human).toBe('seoul');
    expect(again.getState().session!.sealed).toEqual(store.getState().session!.sealed);
  });
});

describe('the hot-seat turn timer, run by the store on its clock', () => {
  it('starts at the reveal, warns at 30 seconds left and submits the team’s choices as they stand at zero', () => {
    const timer = fakeTimer(1000);
    const store = storeOn(new MemoryStorage(), timer);
    void startHotseat(store, { timerSeconds: 60 });
    const { actions } = store.getState();
    expect(store.getState().clock).toBeNull();
    timer.advance(120_000);
    expect(store.getState().screen).toBe('handover');
    actions.revealTurn();
    const revealedAt = timer.now();
    expect(store.getState().clock).toEqual({ side: 'tokyo', turn: 1, endsAt: revealedAt + 60_000, leftMs: 60_000, warned: false });
    const pick = affordable('tokyo', 99);
    actions.toggleDecision(pick);
    timer.advance(29_999);
    expect(store.getState().clock!.warned).toBe(false);
    // Called early (as an old view might), time-up does nothing.
    actions.timeUp();
    expect(store.getState().screen).toBe('turn');
    timer.advance(1);
    expect(store.getState().clock!.warned).toBe(true);
    expect(store.getState().screen).toBe('turn');
    timer.advance(29_999);
    expect(store.getState().screen).toBe('turn');
    expect(store.getState().timedOut).toBeNull();
    timer.advance(1);
    const s = store.getState();
    expect(s.screen).toBe('handover');
    expect(s.session!.sealed.tokyo!.decisions).toEqual([pick]);
    expect(s.session!.human).toBe('seoul');
    expect(s.clock).toBeNull();
    expect(s.timedOut).toEqual({ side: 'tokyo', turn: 1 });
    expect(timer.pending()).toBe(0);
    // Seoul's team gets its own full minute from its reveal.
    timer.advance(5_000);
    actions.revealTurn();
    expect(store.getState().clock).toEqual({ side: 'seoul', turn: 1, endsAt: timer.now() + 60_000, leftMs: 60_000, warned: false });
    expect(store.getState().timedOut).toBeNull();
    timer.advance(60_000);
    expect(store.getState().screen).toBe('resolution');
    expect(store.getState().session!.orders[0]!.tokyo.decisions).toEqual([pick]);
  });

  it('stops while the instructor pauses, and runs on from the time left when the game resumes', async () => {
    const timer = fakeTimer(1000);
    const store = storeOn(new MemoryStorage(), timer);
    await startHotseat(store, { pin: '2468', timerSeconds: 60 });
    const { actions } = store.getState();
    actions.revealTurn();
    timer.advance(20_000);
    actions.openInstructorPanel();
    expect(await actions.unlockInstructorPanel('2468')).toEqual({ ok: true });
    actions.pause();
    expect(store.getState().clock).toMatchObject({ endsAt: null, leftMs: 40_000, warned: false });
    expect(timer.pending()).toBe(0);
    timer.advance(500_000);
    expect(store.getState().screen).toBe('turn');
    expect(store.getState().clock!.warned).toBe(false);
    // Time-up asked for while paused does nothing either.
    actions.timeUp();
    expect(store.getState().screen).toBe('turn');
    actions.resume();
    expect(store.getState().clock!.endsAt).toBe(timer.now() + 40_000);
    timer.advance(9_999);
    expect(store.getState().clock!.warned).toBe(false);
    timer.advance(1);
    expect(store.getState().clock!.warned).toBe(true);
    timer.advance(29_999);
    expect(store.getState().screen).toBe('turn');
    timer.advance(1);
    expect(store.getState().screen).toBe('handover');
  });

  it('runs on while the menu is open, and submits once the turn shows again', () => {
    const timer = fakeTimer();
    const store = storeOn(new MemoryStorage(), timer);
    void startHotseat(store, { timerSeconds: 60 });
    const { actions } = store.getState();
    actions.revealTurn();
    timer.advance(10_000);
    actions.openSettings();
    timer.advance(100_000);
    expect(store.getState().screen).toBe('settings');
    expect(store.getState().session!.sealed).toEqual({});
    actions.closeSettings();
    expect(store.getState().screen).toBe('turn');
    timer.advance(0);
    expect(store.getState().screen).toBe('handover');
    expect(Object.keys(store.getState().session!.sealed)).toEqual(['tokyo']);
  });

  it('schedules nothing when the session has no timer', () => {
    const timer = fakeTimer();
    const store = storeOn(new MemoryStorage(), timer);
    void startHotseat(store);
    store.getState().actions.revealTurn();
    expect(store.getState().clock).toBeNull();
    expect(timer.pending()).toBe(0);
    timer.advance(3_600_000);
    expect(store.getState().screen).toBe('turn');
  });
});

describe('the instructor panel', () => {
  it('stays locked without the session’s PIN and refuses every action until unlocked', async () => {
    const store = storeOn(new MemoryStorage());
    await startSolo(store, '1357');
    const { actions } = store.getState();
    actions.openInstructorPanel();
    expect(store.getState().instructor.panel).toBe('locked');
    expect(await actions.unlockInstructorPanel('0000')).toEqual({ ok: false, tried: true, waitMs: 0 });
    expect(actions.fireEvent('decoupling')).toBe('the instructor panel is not open');
    actions.setRevealed(true);
    expect(store.getState().instructor.revealed).toBe(false);
    expect(await actions.unlockInstructorPanel('1357')).toEqual({ ok: true });
    expect(store.getState().instructor.panel).toBe('open');
    actions.closeInstructorPanel();
    actions.openInstructorPanel();
    expect(store.getState().instructor.panel).toBe('locked');
  });

  it('logs a meter set beyond its bounds at the value it took, and an undo during a pause as its end', () => {
    const store = storeOn(new MemoryStorage());
    void startSolo(store);
    const { actions } = store.getState();
    actions.endTurn();
    actions.nextTurn();
    actions.openInstructorPanel();
    const max = template.scenario.meters.find((m) => m.id === 'kr_view')!.max;
    expect(actions.adjustMeter('kr_view', max + 50, 'As high as it goes')).toBeNull();
    expect(store.getState().session!.state.meters.kr_view).toBe(max);
    expect(store.getState().session!.log.at(-1)).toMatchObject({ kind: 'adjust', value: max });
    actions.pause();
    actions.undoLastTurn();
    expect(store.getState().instructor.paused).toBe(false);
    expect(store.getState().session!.log.map((e) => e.kind)).toEqual(['adjust', 'pause', 'resume', 'undo']);
  });

  it('opens without a PIN when the session has none', () => {
    const store = storeOn(new MemoryStorage());
    void startSolo(store);
    store.getState().actions.openInstructorPanel();
    expect(store.getState().instructor.panel).toBe('open');
  });

  it('fires an event, sets a meter and pauses the teams, logging each for the debrief', () => {
    const store = storeOn(new MemoryStorage());
    void startSolo(store);
    const { actions } = store.getState();
    actions.openInstructorPanel();
    expect(actions.fireEvent('decoupling')).toBeNull();
    expect(actions.fireEvent('decoupling')).toMatch(/already fired/);
    const before = store.getState().session!.state.meters.kr_view!;
    expect(actions.adjustMeter('kr_view', before + 10, 'The class voted for a warmer Korea')).toBeNull();
    expect(actions.adjustMeter('kr_view', 5, '   ')).toBe('an adjustment needs a reason');
    actions.pause();
    const draft = store.getState().session!.draft;
    actions.toggleDecision(affordable('tokyo', 99));
    expect(store.getState().session!.draft).toBe(draft);
    actions.endTurn();
    expect(store.getState().screen).toBe('turn');
    actions.resume();
    actions.endTurn();
    const session = store.getState().session!;
    expect(session.log.map((e) => e.kind)).toEqual(['fire', 'adjust', 'pause', 'resume']);
    expect(session.log[1]).toEqual({ kind: 'adjust', turn: 1, meter: 'kr_view', before, value: before + 10, reason: 'The class voted for a warmer Korea' });
    const causes = session.reports[0]!.changes.map((c) => c.cause);
    expect(causes).toContainEqual(expect.objectContaining({ kind: 'event', id: 'decoupling', byInstructor: true }));
    expect(causes).toContainEqual({ kind: 'instructor', id: 'kr_view', reason: 'The class voted for a warmer Korea' });
  });

  it('undoes the last turn back to its choices, taking back what was done after it, and the save replays the same game', () => {
    const storage = new MemoryStorage();
    const store = storeOn(storage);
    void startSolo(store);
    const { actions } = store.getState();
    actions.endTurn();
    actions.nextTurn();
    const atTurn2 = store.getState().session!.state;
    actions.endTurn();
    actions.nextTurn();
    actions.openInstructorPanel();
    const event = template.scenario.events.find((e) => !store.getState().session!.state.fired.includes(e.id))!.id;
    expect(actions.fireEvent(event)).toBeNull();
    actions.undoLastTurn();
    const s = store.getState();
    expect(s.screen).toBe('turn');
    expect(s.session!.state.turn).toBe(2);
    expect(stateHash(s.session!.state)).toBe(stateHash(atTurn2));
    expect(s.session!.reports).toHaveLength(1);
    expect(s.session!.log).toEqual([
      { kind: 'fire', turn: 3, event, undone: true },
      { kind: 'undo', turn: 3, undid: 2 },
    ]);
    const again = storeOn(storage);
    again.getState().actions.continueSavedGame();
    expect(stateHash(again.getState().session!.state)).toBe(stateHash(s.session!.state));
  });

  it('ends the game now and shows the debrief; undo takes the ending back', () => {
    const storage = new MemoryStorage();
    const store = storeOn(storage);
    void startSolo(store);
    const { actions } = store.getState();
    actions.endTurn();
    actions.nextTurn();
    actions.openInstructorPanel();
    actions.adjustMeter('gov_trust', 70, 'Summit in class');
    actions.endGameNow();
    let s = store.getState();
    expect(s.screen).toBe('debrief');
    expect(s.session!.state.ending).toMatchObject({ turn: 2, byInstructor: true });
    expect(s.session!.reports).toHaveLength(2);
    expect(s.session!.reports[1]!.changes.map((c) => c.cause.kind)).toContain('instructor');
    // A save of the ended game replays to the same end.
    const again = storeOn(storage);
    again.getState().actions.continueSavedGame();
    expect(again.getState().session!.state.ending).toEqual(s.session!.state.ending);
    actions.undoLastTurn();
    s = store.getState();
    expect(s.screen).toBe('turn');
    expect(s.session!.state.ending).toBeNull();
    expect(s.session!.state.meters.gov_trust).toBe(70);
    expect(s.session!.reports).toHaveLength(1);
  });
});

describe('an intervention in the middle of a turn', () => {
  it('leaves the team’s choices ones it can still submit when an event takes a chosen decision off the table', () => {
    const store = storeOn(new MemoryStorage());
    void startHotseat(store);
    const { actions } = store.getState();
    actions.revealTurn();
    actions.endTurn();
    actions.revealTurn();
    // Seoul's team chooses the compensation fund, offered only while the seized assets are unsold…
    actions.toggleDecision('sl_compensation_fund');
    expect(store.getState().session!.draft.decisions).toEqual(['sl_compensation_fund']);
    // …then the instructor has the court order the sale.
    actions.openInstructorPanel();
    expect(actions.fireEvent('asset_sale')).toBeNull();
    actions.closeInstructorPanel();
    expect(store.getState().session!.draft.decisions).toEqual([]);
    expect(() => actions.endTurn()).not.toThrow();
    expect(store.getState().screen).toBe('resolution');
  });

  it('keeps sealed orders, too, to what the team can still submit (and leaves orders that still fit as they were)', () => {
    const { scenario } = template;
    const opened = newGame(scenario, 'class-1');
    const sealed = { decisions: ['sl_compensation_fund'], responses: {} };
    expect(stillChoosable(scenario, opened, 'seoul', sealed)).toBe(sealed);
    const { state } = intervene(scenario, opened, { kind: 'fire', event: 'asset_sale' });
    const kept = stillChoosable(scenario, state, 'seoul', sealed);
    expect(kept.decisions).toEqual([]);
    expect(orderProblems(scenario, state, { tokyo: { decisions: [] }, seoul: kept })).toEqual([]);
  });

  it('keeps a turn’s timer stopped when the team takes the controls while the game is paused', () => {
    const timer = fakeTimer(1000);
    const store = storeOn(new MemoryStorage(), timer);
    void startHotseat(store, { timerSeconds: 60 });
    const { actions } = store.getState();
    actions.openInstructorPanel();
    actions.pause();
    actions.closeInstructorPanel();
    actions.revealTurn();
    timer.advance(499_000);
    expect(store.getState().screen).toBe('turn');
    expect(clockLeftMs(store.getState().clock!, timer.now())).toBe(60_000);
    actions.openInstructorPanel();
    actions.resume();
    expect(store.getState().clock!.endsAt).toBe(560_000);
  });

  it('runs the timer again after an undo made while paused', () => {
    const timer = fakeTimer(1000);
    const store = storeOn(new MemoryStorage(), timer);
    const { actions } = store.getState();
    actions.pickScenario('template');
    actions.pickSide('tokyo');
    actions.setClassroom({ timerSeconds: 60 });
    void actions.startGame();
    actions.beginTurn();
    actions.endTurn();
    actions.nextTurn();
    actions.openInstructorPanel();
    actions.pause();
    actions.undoLastTurn();
    expect(store.getState().instructor.paused).toBe(false);
    expect(store.getState().clock!.endsAt).toBe(61_000);
    timer.advance(60_000);
    expect(store.getState().screen).toBe('resolution');
  });
});
