/**
 * An instructor's class on the real class server with colyseus.js clients: teams join its games by
 * the class code, the dashboard hears every game change, its actions reach every game and stay in
 * each game's record (and come back when the server is restarted), memos and answers are kept.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TO_CLASS, type ClassSeat, type CreatedClass, type InstructorAction } from '../class/instructor';
import { TO_SERVER } from '../class/protocol';
import { startClassServer, type RunningClassServer } from './classServer';
import { GameStore } from './gameStore';
import { loadShippedScenarios } from './scenarios';
import { callApi, dashboard, refusalAfter, seatDevice, until, type Dashboard, type Device } from './testing';

const scenarios = loadShippedScenarios();
let dir: string;
let file: string;
let store: GameStore;
let server: RunningClassServer;

const start = async (): Promise<void> => {
  store = await GameStore.sqlite(file);
  server = await startClassServer({ store, scenarios, siteRoot: null, host: '127.0.0.1', port: 0, owner: 'test', reconnectSeconds: 1, log: () => {} });
};
const stop = async (): Promise<void> => {
  await server.close();
  await store.close();
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cyd-class-'));
  file = join(dir, 'class.sqlite');
  await start();
});
afterAll(async () => {
  await stop();
  rmSync(dir, { recursive: true, force: true });
});

const api = (path: string, body?: unknown) => callApi(server.url, path, body);

async function newClass(games: number | null, memo = { required: false, minLength: 0 }): Promise<CreatedClass> {
  const made = await api('/api/classes', { scenario: 'tutorial', games, turnSeconds: null, memo });
  expect(made.status).toBe(201);
  return made.body as unknown as CreatedClass;
}

async function team(code: string, side?: 'tokyo' | 'seoul'): Promise<{ seat: ClassSeat; device: Device }> {
  const joined = await api(`/api/classes/${code}/join`, side ? { side } : {});
  expect(joined.status).toBe(200);
  const seat = joined.body as unknown as ClassSeat;
  expect((await api(`/api/games/${seat.game}/open`, {})).status).toBe(200);
  return { seat, device: await seatDevice(server.url, seat.game, seat.key) };
}

async function act(board: Dashboard, games: string[] | 'all', action: InstructorAction) {
  const before = board.acted.length;
  board.room.send(TO_CLASS.act, { games, action });
  return (await until(() => board.acted.length > before && board.acted[before]!, 'the action’s results')).results;
}

const seal = (device: Device, memo?: string) => device.room.send(TO_SERVER.seal, { turn: device.views.at(-1)!.state.turn, orders: { decisions: [] }, ...(memo !== undefined && { memo }) });

describe('an instructor’s class', () => {
  it('refuses settings it cannot keep, in words', async () => {
    const bad = await api('/api/classes', { scenario: 'tutorial', games: 99, turnSeconds: null, memo: { required: false, minLength: 0 } });
    expect(bad.status).toBe(400);
    expect(String(bad.body.problem)).toMatch(/games/);
    expect((await api('/api/classes', { scenario: 'nope', games: 2, turnSeconds: null, memo: { required: false, minLength: 0 } })).status).toBe(400);
    expect((await api('/api/classes/AAAAAA/join', {})).status).toBe(404);
  });

  it('hands each team its own seat by the class code, and says when the class is full', async () => {
    const made = await newClass(2);
    expect(made.games).toHaveLength(2);
    const seats: ClassSeat[] = [];
    for (let i = 0; i < 4; i++) seats.push((await api(`/api/classes/${made.code}/join`, {})).body as unknown as ClassSeat);
    expect(new Set(seats.map((s) => `${s.game}/${s.seat}`)).size).toBe(4);
    expect(new Set(seats.map((s) => s.game))).toEqual(new Set(made.games));
    const full = await api(`/api/classes/${made.code}/join`, {});
    expect(full.status).toBe(409);
    expect(String(full.body.problem)).toMatch(/taken/);
    // Open joining adds a game whenever the last is full.
    const open = await newClass(null);
    for (let i = 0; i < 3; i++) await api(`/api/classes/${open.code}/join`, { side: 'seoul' });
    expect(await store.classGames(open.code)).toHaveLength(3);
  });

  it('shows the dashboard every game live, and only to the instructor key', async () => {
    const made = await newClass(3);
    await expect(dashboard(server.url, made.code, 'ABCDEFGHJK')).rejects.toThrow(/instructor key/);
    const board = await dashboard(server.url, made.code, made.instructorKey);
    expect(board.picture.games.map((g) => g.code).sort()).toEqual([...made.games].sort());
    const tokyo = await team(made.code, 'tokyo');
    await until(() => board.game(tokyo.seat.game).seats.tokyo === 'connected', 'the team connected');
    seal(tokyo.device);
    const summary = await until(() => board.game(tokyo.seat.game).sealed.tokyo && board.game(tokyo.seat.game), 'the sealed summary');
    expect(summary.sealed.seoul).toBe(false);
    expect(summary.meters[0]).toHaveLength(scenarios.get('tutorial')!.meters.length);
    await tokyo.device.room.leave();
    await board.room.leave();
  });

  it('asks a team for its memo when the class requires one, and keeps it', async () => {
    const made = await newClass(1, { required: true, minLength: 20 });
    const tokyo = await team(made.code, 'tokyo');
    expect(tokyo.device.views.at(-1)!.memo).toEqual({ required: true, minLength: 20 });
    expect((await refusalAfter(tokyo.device, () => seal(tokyo.device, 'too short'))).problem).toMatch(/memo of at least 20 characters/);
    const heard = tokyo.device.views.length;
    seal(tokyo.device, 'We held back to keep approval for the summit next turn.');
    const view = await until(() => tokyo.device.views.slice(heard).find((v) => v.sealed.tokyo), 'the sealed view');
    expect(view.ownMemo).toMatch(/held back/);
    expect((await store.load(tokyo.seat.game))!.memos).toMatchObject([{ turn: 1, side: 'tokyo', text: 'We held back to keep approval for the summit next turn.' }]);
    await tokyo.device.room.leave();
  });

  it('acts on every game at once, keeps each action in the game’s record, and replays them after a restart', async () => {
    const made = await newClass(2);
    const board = await dashboard(server.url, made.code, made.instructorKey);
    const teams = [await team(made.code), await team(made.code), await team(made.code), await team(made.code)];
    const fired = await act(board, 'all', { kind: 'fire', event: 'beijing_parade' });
    const byGame = (a: { game: string }, b: { game: string }) => a.game.localeCompare(b.game);
    expect([...fired].sort(byGame)).toEqual(made.games.map((game) => ({ game, problem: null })).sort(byGame));
    expect((await act(board, 'all', { kind: 'fire', event: 'beijing_parade' })).every((r) => /already fired/.test(r.problem ?? ''))).toBe(true);
    const [first] = made.games;
    expect(await act(board, [first!], { kind: 'adjust', meter: 'gov_trust', value: 77, reason: 'to discuss a thaw' })).toEqual([{ game: first, problem: null }]);
    await until(() => board.game(first!).meters.at(-1)![0] === 77, 'the set meter on the dashboard');

    // Paused, a game takes no orders; resumed, it does.
    expect(await act(board, [first!], { kind: 'pause' })).toEqual([{ game: first, problem: null }]);
    const player = teams.find((t) => t.seat.game === first)!.device;
    expect((await refusalAfter(player, () => seal(player))).problem).toMatch(/paused/);
    expect(await act(board, [first!], { kind: 'resume' })).toEqual([{ game: first, problem: null }]);

    // A turn played in both games, then taken back in one of them.
    for (const t of teams) seal(t.device);
    await until(() => made.games.every((g) => board.game(g).turn === 2), 'turn 2 in both games');
    expect(await act(board, [first!], { kind: 'undo' })).toEqual([{ game: first, problem: null }]);
    await until(() => board.game(first!).turn === 1, 'the undone turn');
    expect(board.game(made.games[1]!).turn).toBe(2);
    expect(await act(board, [made.games[1]!], { kind: 'end' })).toEqual([{ game: made.games[1], problem: null }]);
    const stored = (await store.load(first!))!;
    expect(stored.actions.map((a) => a.action.kind)).toEqual(['fire', 'adjust', 'pause', 'resume', 'undo']);
    expect(stored.turns).toHaveLength(0);

    // The class record holds every game's whole story.
    board.room.send(TO_CLASS.record, {});
    const record = await until(() => board.records[0], 'the class record');
    expect(record.games.map((g) => g.code).sort()).toEqual([...made.games].sort());
    const ended = record.games.find((g) => g.code === made.games[1])!;
    expect(ended.reports.at(-1)!.ending?.byInstructor).toBe(true);
    expect(ended.states).toHaveLength(ended.reports.length + 1);
    expect(JSON.stringify(record)).not.toContain('class/');

    for (const t of teams) await t.device.room.leave();
    await board.room.leave();
    const before = board.game(first!);
    // Restarted on the same store, the games come back with the instructor's actions replayed.
    await stop();
    await start();
    const again = await dashboard(server.url, made.code, made.instructorKey);
    expect(again.game(first!).meters.at(-1)).toEqual(before.meters.at(-1));
    expect(again.game(made.games[1]!).ending?.byInstructor).toBe(true);
    await again.room.leave();
  });

  it('keeps each team’s answers to the debrief’s questions, and refuses a choice the question lacks', async () => {
    const made = await newClass(1);
    const seoul = await team(made.code, 'seoul');
    const questions = scenarios.get('tutorial')!.questions;
    const choice = questions.findIndex((q) => q.choices);
    expect((await refusalAfter(seoul.device, () => seoul.device.room.send(TO_SERVER.answer, { question: choice, choice: 'nope' }))).problem).toMatch(/no choice/);
    const heard = seoul.device.views.length;
    seoul.device.room.send(TO_SERVER.answer, { question: choice, choice: questions[choice]!.key });
    seoul.device.room.send(TO_SERVER.answer, { question: 0, text: 'Trust, moved by the summit.' });
    const view = await until(() => seoul.device.views.slice(heard).find((v) => v.answers.length === 2), 'the answers');
    expect(view.answers.map((a) => a.question).sort()).toEqual([0, choice].sort());
    expect((await store.load(seoul.seat.game))!.answers).toHaveLength(2);
    // A reveal shows the team the whole truth: the other side's polls too.
    expect(Object.keys(view.state.polls.tokyo)).toHaveLength(0);
    const board = await dashboard(server.url, made.code, made.instructorKey);
    expect(await act(board, 'all', { kind: 'reveal', revealed: true })).toEqual([{ game: seoul.seat.game, problem: null }]);
    const shown = await until(() => seoul.device.views.find((v) => v.revealed), 'the revealed view');
    expect(Object.keys(shown.state.polls.tokyo).length).toBeGreaterThan(0);
    await board.room.leave();
    await seoul.device.room.leave();
  });
});
