/**
 * A class game in the store, with the server played by the engine here: views in, a link out. What
 * the screens need arrives through the same session and rulings as a game in the page; nothing a
 * team does on its device decides a turn, and a sealed team cannot change its orders in passing.
 */
import { describe, expect, it } from 'vitest';
import { intervene, newGame, resolveTurn, seatReport, seatState, type GameState, type SideOrders, type TurnReport } from '../engine';
import type { ClassView } from '../class/protocol';
import { createAppStore, selectCanChoose, selectMemoShort, type AppStore, type ClassLink, type Persistence } from './index';
import { storagePersistence } from './saves';
import { catalogEntryFrom, fakeTimer, MemoryStorage, randomComputer } from './testing';

const tutorial = catalogEntryFrom('scenarios/tutorial.yaml');
const scenario = tutorial.scenario;

function device(): {
  store: AppStore;
  persistence: Persistence;
  sent: { seal: [number, SideOrders][]; unseal: number[]; answers: [number, { text?: string; choice?: string }][]; left: number };
  timer: ReturnType<typeof fakeTimer>;
} {
  const timer = fakeTimer(1_000_000);
  const persistence = storagePersistence(new MemoryStorage());
  const store = createAppStore({ catalog: [tutorial], persistence, computer: randomComputer, newSeed: () => 'x', timer });
  const sent = { seal: [] as [number, SideOrders][], unseal: [] as number[], answers: [] as [number, { text?: string; choice?: string }][], left: 0 };
  const link: ClassLink = {
    seal: (turn, orders) => sent.seal.push([turn, orders]),
    unseal: (turn) => sent.unseal.push(turn),
    answer: (question, answer) => sent.answers.push([question, answer]),
    leave: () => void sent.left++,
  };
  store.getState().actions.attachClassLink(link);
  return { store, persistence, sent, timer };
}

function view(state: GameState, reports: TurnReport[], change: Partial<ClassView> = {}): ClassView {
  return {
    code: 'ACDEFG',
    scenarioId: 'tutorial',
    seat: 'tokyo',
    state: seatState(scenario, state, 'tokyo'),
    reports: reports.map((r) => seatReport(scenario, r, 'tokyo')),
    reportsFrom: 0,
    states: [seatState(scenario, state, 'tokyo')],
    sealed: { tokyo: false, seoul: false },
    own: null,
    seats: { tokyo: 'connected', seoul: 'connected' },
    turnSeconds: 120,
    timeLeftMs: 90_000,
    classCode: null,
    paused: false,
    revealed: false,
    memo: null,
    ownMemo: null,
    answers: [],
    ...change,
  };
}

describe('a class game in the store', () => {
  it('goes from the lobby to the turn, seals through the link, and shows the server’s resolution', () => {
    const { store, persistence, sent, timer } = device();
    const { actions } = store.getState();
    actions.go('classJoin');
    let state = newGame(scenario, 'server-seed');
    actions.classViewArrived(view(state, []));
    // The lobby stays until the team goes in; then the briefing, then the turn with the server's time left.
    expect(store.getState().screen).toBe('classJoin');
    expect(store.getState().session?.mode).toBe('class');
    expect(JSON.stringify(store.getState())).not.toContain('server-seed');
    actions.enterClassGame();
    expect(store.getState().screen).toBe('briefing');
    actions.beginTurn();
    expect(store.getState().screen).toBe('turn');
    expect(store.getState().clock?.endsAt).toBe(timer.now() + 90_000);

    const card = scenario.decisions.find((d) => d.side === 'tokyo' && d.cost <= state.capital.tokyo && !d.when)!;
    actions.toggleDecision(card.id);
    actions.endTurn();
    expect(sent.seal).toEqual([[state.turn, { decisions: [card.id], responses: {} }]]);
    // On its way, and once sealed, the draft is not the team's to change.
    expect(selectCanChoose(store.getState())).toBe(false);
    actions.classViewArrived(view(state, [], { sealed: { tokyo: true, seoul: false }, own: { decisions: [card.id] } }));
    actions.toggleDecision(card.id);
    expect(store.getState().session?.draft.decisions).toEqual([card.id]);
    actions.unsealOrders();
    expect(sent.unseal).toEqual([state.turn]);

    const resolved = resolveTurn(scenario, state, { tokyo: { decisions: [card.id] }, seoul: { decisions: [] } });
    state = resolved.state;
    actions.classViewArrived(view(state, [resolved.report]));
    expect(store.getState().screen).toBe('resolution');
    expect(store.getState().session?.reports).toHaveLength(1);
    expect(store.getState().session?.orders[0]?.tokyo.decisions).toEqual([card.id]);
    actions.nextTurn();
    expect(store.getState().screen).toBe('turn');
    expect(store.getState().session?.state.turn).toBe(state.turn);
    // Nothing of a class game goes to the device's own save.
    expect(persistence.hasGame()).toBe(false);
    actions.quitToTitle();
    expect(sent.left).toBe(1);
    expect(store.getState().classGame).toBeNull();
  });

  it('says in the lobby when the page lacks the game’s scenario, and has no game to go into', () => {
    const { store } = device();
    store.getState().actions.go('classJoin');
    store.getState().actions.classViewArrived({ ...view(newGame(scenario, 'x'), []), scenarioId: 'not-here' });
    expect(store.getState().classGame?.refusal?.problem).toContain("the scenario 'not-here'");
    store.getState().actions.enterClassGame();
    expect(store.getState().screen).toBe('classJoin');
  });

  it('lets an observer choose nothing', () => {
    const { store, sent } = device();
    store.getState().actions.go('classJoin');
    const state = newGame(scenario, 'obs');
    store.getState().actions.classViewArrived({ ...view(state, []), seat: 'observer', state: seatState(scenario, state, 'observer') });
    store.getState().actions.enterClassGame();
    store.getState().actions.beginTurn();
    expect(selectCanChoose(store.getState())).toBe(false);
    store.getState().actions.endTurn();
    expect(sent.seal).toEqual([]);
  });

  it('holds a required memo’s End turn until the memo is long enough, keeps it through the turn’s views, and sends answers', () => {
    const { store, sent } = device();
    const { actions } = store.getState();
    actions.go('classJoin');
    const state = newGame(scenario, 'memo');
    const rule = { memo: { required: true, minLength: 12 }, classCode: 'CLASS7' };
    actions.classViewArrived(view(state, [], rule));
    actions.enterClassGame();
    actions.beginTurn();
    expect(selectMemoShort(store.getState())).toBe(12);
    actions.setMemo('  too short ');
    expect(selectMemoShort(store.getState())).toBe(3);
    actions.endTurn();
    expect(sent.seal).toEqual([]);
    expect(store.getState().classGame?.refusal?.problem).toMatch(/memo/);
    actions.setMemo('Long enough now, with reasons.');
    // A view of the same turn (the other team sealed) keeps what is typed.
    actions.classViewArrived(view(state, [], { ...rule, sealed: { tokyo: false, seoul: true } }));
    expect(store.getState().classGame?.memoDraft).toBe('Long enough now, with reasons.');
    expect(selectMemoShort(store.getState())).toBe(0);
    actions.endTurn();
    expect(sent.seal).toHaveLength(1);
    // A game with no memo rule asks for none.
    const free = device();
    free.store.getState().actions.go('classJoin');
    free.store.getState().actions.classViewArrived(view(state, []));
    expect(selectMemoShort(free.store.getState())).toBeNull();
    actions.answerQuestion(2, { text: 'Because of the polls.' });
    expect(sent.answers).toEqual([[2, { text: 'Because of the polls.' }]]);
  });

  it('shows the turn as the instructor changed it (an event fired), keeping the team’s choices', () => {
    const { store } = device();
    const { actions } = store.getState();
    actions.go('classJoin');
    const state = newGame(scenario, 'inject');
    actions.classViewArrived(view(state, []));
    actions.enterClassGame();
    actions.beginTurn();
    const card = scenario.decisions.find((d) => d.side === 'tokyo' && d.cost <= state.capital.tokyo && !d.when)!;
    actions.toggleDecision(card.id);
    const before = store.getState().session!.state;
    // Another team sealing changes nothing the screen draws from.
    actions.classViewArrived(view(state, [], { sealed: { tokyo: false, seoul: true } }));
    expect(store.getState().session!.state).toBe(before);
    const fired = intervene(scenario, state, { kind: 'fire', event: 'joint_poll' }).state;
    actions.classViewArrived(view(fired, []));
    expect(store.getState().session!.state.fired).toContain('joint_poll');
    expect(store.getState().session!.draft.decisions).toEqual([card.id]);
  });
});
