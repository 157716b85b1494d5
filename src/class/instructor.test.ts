import { describe, expect, it } from 'vitest';
import { classAlerts, IDLE_ALERT_MS, type GameSummary } from './instructor';

const game = (code: string, turn: number, change: Partial<GameSummary> = {}): GameSummary => ({
  code,
  turn,
  ending: null,
  sealed: { tokyo: false, seoul: false },
  claimed: { tokyo: true, seoul: true },
  seats: { tokyo: 'connected', seoul: 'connected' },
  paused: false,
  revealed: false,
  meters: [[50]],
  idleMs: { tokyo: 0, seoul: 0 },
  actions: 0,
  ...change,
});

describe('the dashboard’s alerts', () => {
  it('flags a team idle past the limit (counting the time since the summary came), unless it has sealed or the game is paused', () => {
    const games = [game('AAAAAA', 2, { idleMs: { tokyo: IDLE_ALERT_MS - 1_000, seoul: 0 } })];
    expect(classAlerts(games, () => 0)).toEqual([]);
    expect(classAlerts(games, () => 60_000)).toEqual([{ kind: 'idle', game: 'AAAAAA', side: 'tokyo', minutes: 3 }]);
    expect(classAlerts([{ ...games[0]!, sealed: { tokyo: true, seoul: false } }], () => 60_000)).toEqual([]);
    expect(classAlerts([{ ...games[0]!, paused: true }], () => 60_000)).toEqual([]);
    // A seat no team holds is not idle.
    expect(classAlerts([game('AAAAAA', 2, { idleMs: { tokyo: null, seoul: 0 } })], () => IDLE_ALERT_MS)).toEqual([{ kind: 'idle', game: 'AAAAAA', side: 'seoul', minutes: 3 }]);
  });

  it('flags a game two turns or more ahead of or behind the middle of the class, but not one that ended', () => {
    const games = [game('AAAAAA', 3), game('CCCCCC', 3), game('DDDDDD', 5), game('EEEEEE', 1), game('FFFFFF', 6, { ending: { id: 'x', turn: 6, byInstructor: false } })];
    expect(classAlerts(games, () => 0)).toEqual([
      { kind: 'ahead', game: 'DDDDDD', turns: 2 },
      { kind: 'behind', game: 'EEEEEE', turns: 2 },
    ]);
  });
});
