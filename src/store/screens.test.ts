/** Moving between screens follows src/store/screens.ts: every action's move is declared there, and a move that is not is refused. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAppStore, type AppStore } from './index';
import { storagePersistence } from './saves';
import { canMove, SCREEN_KEYS, SCREENS } from './screens';
import { catalogEntryFrom, fakeTimer, MemoryStorage, randomComputer } from './testing';

const template = catalogEntryFrom('scenarios/template.yaml');

function storeOn(storage: Storage = new MemoryStorage()): AppStore {
  return createAppStore({ catalog: [template], persistence: storagePersistence(storage), computer: randomComputer, newSeed: () => 'moves-1', timer: fakeTimer() });
}

function warnings() {
  return vi.spyOn(console, 'warn').mockImplementation(() => {});
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the screens table', () => {
  it('leads only to screens it declares, and every screen opens the settings, which return to it', () => {
    for (const key of SCREEN_KEYS) {
      for (const to of SCREENS[key].to) expect(SCREEN_KEYS).toContain(to);
      expect(canMove(key, 'settings')).toBe(true);
      expect(canMove('settings', key)).toBe(true);
    }
  });
});

describe('a move the table does not declare', () => {
  it('is refused by go: the screen stays and the console says which move', () => {
    const warn = warnings();
    const store = storeOn();
    store.getState().actions.go('scenarios');
    expect(store.getState().screen).toBe('scenarios');
    store.getState().actions.go('turn');
    expect(store.getState().screen).toBe('scenarios');
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('scenarios screen does not lead to turn'));
  });

  it('refuses the whole action: a new game cannot start over a turn being played, and nothing of it is saved', () => {
    const storage = new MemoryStorage();
    const store = storeOn(storage);
    const { actions } = store.getState();
    actions.pickScenario('template');
    actions.pickSide('tokyo');
    void actions.startGame();
    actions.beginTurn();
    actions.toggleDecision(template.scenario.decisions.find((d) => d.side === 'tokyo' && !d.when && !d.joint && d.cost <= 1)!.id);
    const before = store.getState();
    const saved = storage.getItem('cyd.save');
    const warn = warnings();
    actions.pickSide('seoul');
    void actions.startGame('another-seed');
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('turn screen does not lead to briefing'));
    expect(store.getState().screen).toBe('turn');
    expect(store.getState().session).toBe(before.session);
    expect(storage.getItem('cyd.save')).toBe(saved);
  });
});

describe('the moves the actions make', () => {
  it('are all declared, through a solo game, the menu, the instructor’s undo and ending, a quit and a continue', () => {
    const warn = warnings();
    const storage = new MemoryStorage();
    const store = storeOn(storage);
    const { actions } = store.getState();
    const screens: string[] = [];
    store.subscribe((s, b) => void (s.screen !== b.screen && screens.push(s.screen)));
    actions.go('scenarios');
    actions.pickScenario('template');
    actions.go('side');
    actions.pickSide('tokyo');
    void actions.startGame();
    actions.openSettings();
    actions.closeSettings();
    actions.beginTurn();
    actions.endTurn();
    actions.nextTurn();
    actions.openSettings();
    actions.closeSettings();
    actions.endTurn();
    actions.nextTurn();
    actions.openInstructorPanel();
    actions.undoLastTurn();
    actions.endGameNow();
    actions.undoLastTurn();
    actions.closeInstructorPanel();
    for (let guard = 0; guard < 40 && store.getState().screen !== 'debrief'; guard++) {
      actions.endTurn();
      actions.nextTurn();
    }
    expect(store.getState().screen).toBe('debrief');
    void actions.startGame();
    actions.openSettings();
    actions.quitToTitle();
    actions.continueSavedGame();
    expect(warn).not.toHaveBeenCalled();
    expect(screens.slice(0, 12)).toEqual(['scenarios', 'side', 'briefing', 'settings', 'briefing', 'turn', 'resolution', 'turn', 'settings', 'turn', 'resolution', 'turn']);
    expect(screens.slice(-5)).toEqual(['debrief', 'briefing', 'settings', 'title', 'turn']);
  });

  it('are all declared through a hot-seat class: set-up, hand-overs, the timer running out and the debrief', () => {
    const warn = warnings();
    const timer = fakeTimer();
    const store = createAppStore({ catalog: [template], persistence: storagePersistence(new MemoryStorage()), computer: randomComputer, newSeed: () => 'moves-2', timer });
    const { actions } = store.getState();
    actions.go('scenarios');
    actions.pickScenario('template');
    actions.pickMode('hotseat');
    actions.go('side');
    actions.go('classSetup');
    actions.setClassroom({ timerSeconds: 60 });
    void actions.startGame();
    actions.beginTurn();
    for (let guard = 0; guard < 40 && store.getState().screen !== 'debrief'; guard++) {
      actions.revealTurn();
      actions.endTurn();
      actions.revealTurn();
      timer.advance(60_000);
      expect(store.getState().screen).toBe('resolution');
      actions.nextTurn();
    }
    expect(store.getState().screen).toBe('debrief');
    actions.go('scenarios');
    expect(warn).not.toHaveBeenCalled();
  });
});
