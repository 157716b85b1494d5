/** The game slice decides nothing itself: it asks the game authority and applies what it rules. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { stateHash } from '../engine';
import { localAuthority, type GameAuthority } from './authority';
import { createAppStore, type AppStore } from './index';
import { memoryPersistence } from './persistence';
import { catalogEntryFrom, fakeTimer, randomComputer } from './testing';

const template = catalogEntryFrom('scenarios/template.yaml');

function storeWith(authority: GameAuthority): AppStore {
  return createAppStore({ catalog: [template], persistence: memoryPersistence(), computer: () => ({ decisions: ['not-asked-for'] }), authority, newSeed: () => 'auth-1', timer: fakeTimer() });
}

function solo(store: AppStore): void {
  const { actions } = store.getState();
  actions.pickScenario('template');
  actions.pickSide('seoul');
  void actions.startGame();
  actions.beginTurn();
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the game authority', () => {
  it('is asked for every start, turn, intervention and undo, and the store shows what it rules', () => {
    const local = localAuthority(randomComputer);
    const asked: string[] = [];
    const store = storeWith({
      start: (...a) => (asked.push('start'), local.start(...a)),
      resolve: (turn) => (asked.push(`resolve ${Object.keys(turn.orders).join('+')}`), local.resolve(turn)),
      intervene: (...a) => (asked.push(`intervene ${a[2].kind}`), local.intervene(...a)),
      replay: (game) => (asked.push(`replay ${game.orders.length}`), local.replay(game)),
    });
    solo(store);
    const { actions } = store.getState();
    const opening = store.getState().session!.state;
    actions.endTurn();
    expect(store.getState().screen).toBe('resolution');
    // Solo play sends only the player's orders; the authority's computer gives the other side's (the store's own is not asked).
    expect(store.getState().session!.orders[0]!.tokyo).toEqual(randomComputer(template.scenario, opening, 'tokyo', 'normal'));
    actions.nextTurn();
    actions.openInstructorPanel();
    expect(actions.fireEvent('decoupling')).toBeNull();
    actions.undoLastTurn();
    expect(asked).toEqual(['start', 'resolve seoul', 'intervene fire', 'replay 0']);
    expect(stateHash(store.getState().session!.state)).toBe(stateHash(opening));
  });

  it('refusing a turn leaves the turn as it was, and the turn screen says why', () => {
    const local = localAuthority(randomComputer);
    const store = storeWith({ ...local, resolve: () => ({ kind: 'refused', problem: 'the class server is not answering' }) });
    solo(store);
    const before = store.getState().session;
    store.getState().actions.endTurn();
    expect(store.getState().screen).toBe('turn');
    expect(store.getState().session).toBe(before);
    expect(store.getState().notice?.problem).toMatchObject({ reason: 'turnRefused', params: { detail: 'the class server is not answering' } });
  });

  it('an End turn that throws is said on the turn screen, never thrown at the player', () => {
    const local = localAuthority(randomComputer);
    const store = storeWith({
      ...local,
      resolve: () => {
        throw new Error('a fault in the authority');
      },
    });
    solo(store);
    const before = store.getState().session;
    expect(() => store.getState().actions.endTurn()).not.toThrow();
    expect(store.getState().screen).toBe('turn');
    expect(store.getState().session).toBe(before);
    expect(store.getState().notice?.problem).toMatchObject({ reason: 'turnRefused', params: { detail: 'a fault in the authority' } });
  });

  it('a ruling for a turn the game is no longer on is dropped', () => {
    const local = localAuthority(randomComputer);
    const store = storeWith({
      ...local,
      resolve: (turn) => {
        const ruled = local.resolve(turn);
        return ruled.kind === 'resolved' ? { ...ruled, turn: ruled.turn + 1 } : ruled;
      },
    });
    solo(store);
    const before = store.getState().session;
    store.getState().actions.endTurn();
    expect(store.getState().session).toBe(before);
    expect(store.getState().screen).toBe('turn');
  });

  it('an intervention it refuses is the store’s answer, in its words', () => {
    const store = storeWith(localAuthority(randomComputer));
    solo(store);
    const { actions } = store.getState();
    actions.openInstructorPanel();
    expect(actions.fireEvent('no_such_event')).toBe("the scenario has no event 'no_such_event'");
    expect(store.getState().session!.log).toEqual([]);
  });
});
