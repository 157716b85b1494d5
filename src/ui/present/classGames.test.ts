/** The dashboard's cards and its words: each seat as the instructor needs it, the meters' lines, alerts and results in words. */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { newGame } from '../../engine';
import type { GameSummary } from '../../class/instructor';
import { loadLanguage, setLanguage } from '../../i18n';
import { localize } from '../../i18n/text';
import { catalogEntryFrom } from '../../store/testing';
import { sparkPoints } from '../report/sparkline';
import { actedWords, actionWords, alertWords, gameCard } from './classGames';

beforeAll(() => Promise.all([loadLanguage('ja'), loadLanguage('ko')]));
afterEach(() => setLanguage('en'));

const scenario = catalogEntryFrom('scenarios/tutorial.yaml').scenario;
const opening = newGame(scenario, 'cards');
const row = (shift: number) => scenario.meters.map((m) => opening.meters[m.id]! + shift);

const summary: GameSummary = {
  code: 'GAME01',
  turn: 3,
  ending: null,
  sealed: { tokyo: true, seoul: false },
  claimed: { tokyo: true, seoul: false },
  seats: { tokyo: 'away', seoul: 'empty' },
  paused: true,
  revealed: false,
  meters: [row(0), row(2), row(5)],
  idleMs: { tokyo: 0, seoul: null },
  actions: 1,
};

describe('a game’s card on the dashboard', () => {
  it('says each seat (not joined yet when no team was given it) and whether it has sealed, and holds every meter over the turns', () => {
    const card = gameCard(scenario, summary, 'en');
    expect(card.turn).toBe(`Turn 3 of ${scenario.turns}`);
    expect(card.sides.map((s) => [s.seat, s.sealed])).toEqual([
      ['away', true],
      ['unclaimed', false],
    ]);
    expect(card.sides[0]!.words).toMatch(/: away · sealed ✓$/);
    expect(card.sides[1]!.words).toMatch(/: not joined yet$/);
    expect(card.paused).toBe(true);
    expect(card.ending).toBeNull();
    expect(card.meters.map((m) => m.values)).toEqual(scenario.meters.map((_, i) => [row(0)[i], row(2)[i], row(5)[i]]));
    expect(card.meters[0]!.now).toMatch(/^\d/);
  });

  it('names the ending once the game has one, and the instructor’s ending as such', () => {
    const ended = gameCard(scenario, { ...summary, ending: { id: 'frozen', turn: 4, byInstructor: false } }, 'en');
    expect(ended.ending).toBe(localize(scenario.endings.find((e) => e.id === 'frozen')!.title, 'en'));
    expect(ended.turn).toContain('Ended after turn 4');
    expect(gameCard(scenario, { ...summary, ending: { id: '', turn: 2, byInstructor: true } }, 'en').ending).toBe('ended by you');
  });

  it('is worded in Japanese and Korean too', () => {
    setLanguage('ja');
    expect(gameCard(scenario, summary, 'ja').sides[1]!.words).toContain('まだ参加していない');
    setLanguage('ko');
    expect(gameCard(scenario, summary, 'ko').sides[1]!.words).toContain('아직 참가하지 않음');
  });
});

describe('the dashboard’s words', () => {
  it('says an alert with its game, side and minutes', () => {
    expect(alertWords(scenario, { kind: 'idle', game: 'GAME01', side: 'seoul', minutes: 4 }, 'en')).toMatch(/^Game GAME01: .+ has done nothing for 4 minutes\.$/);
    expect(alertWords(scenario, { kind: 'behind', game: 'GAME02', turns: 1 }, 'en')).toBe('Game GAME02 is 1 turn behind the class.');
  });

  it('says what came of an action, game by game where it could not be done', () => {
    const words = actedWords(
      scenario,
      {
        action: { kind: 'pause' },
        results: [
          { game: 'GAME01', problem: null },
          { game: 'GAME02', problem: 'the game has ended' },
        ],
      },
      'en',
    );
    expect(words.summary).toBe('Pause: done in 1 game, not done in 1.');
    expect(words.problems).toEqual(['Game GAME02: the game has ended']);
    expect(actionWords(scenario, { kind: 'adjust', meter: 'gov_trust', value: 55, reason: 'x' }, 'en')).toMatch(/^Set .+ to 55$/);
    expect(actionWords(scenario, { kind: 'reveal', revealed: false }, 'en')).toBe('Hide the true meters');
  });
});

describe('a meter’s small line', () => {
  it('runs over the turns on the meter’s range, kept inside its box', () => {
    const points = sparkPoints([0, 50, 100, 150], 0, 100);
    expect(points.map((p) => p.x)).toEqual([...points.map((p) => p.x)].sort((a, b) => a - b));
    expect(points[0]!.y).toBeGreaterThan(points[1]!.y);
    expect(points[3]!.y).toBe(points[2]!.y);
    expect(sparkPoints([40], 0, 100)).toHaveLength(1);
  });
});
