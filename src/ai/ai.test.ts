import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { scenarioData } from '../../tests/arbitraries';
import { canonicalJson, newGame, orderProblems, randomOrders, resolveTurn, type GameState, type SideOrders } from '../engine';
import { SIDES, type Scenario, type Side } from '../engine/model';
import { loadScenario } from '../scenario/load';
import { formatProblem } from '../scenario/problems';
import { computerOrders, DIFFICULTIES, type Difficulty } from '.';

function load(name: string, text: string): Scenario {
  const result = loadScenario(name, text);
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  return result.scenario;
}

const TEMPLATE = load('template.yaml', readFileSync(new URL('../../scenarios/template.yaml', import.meta.url), 'utf8'));
const MINI = load('mini.yaml', readFileSync(new URL('../../tests/fixtures/mini.yaml', import.meta.url), 'utf8'));

/** The state after `turns` turns of random play (or the ended game, if it ends sooner). */
function playedRandomly(scenario: Scenario, seed: string, turns: number): GameState {
  let state = newGame(scenario, seed);
  const random = seedrandom.alea(`${seed}/players`);
  for (let t = 0; t < turns && !state.ending; t++) {
    state = resolveTurn(scenario, state, { tokyo: randomOrders(scenario, state, 'tokyo', random), seoul: randomOrders(scenario, state, 'seoul', random) }).state;
  }
  return state;
}

function withSide(side: Side, mine: SideOrders, theirs: SideOrders = { decisions: [] }): Record<Side, SideOrders> {
  return side === 'tokyo' ? { tokyo: mine, seoul: theirs } : { tokyo: theirs, seoul: mine };
}

const difficulty = fc.constantFrom(...DIFFICULTIES);
const side = fc.constantFrom(...SIDES);

describe('the computer opponent', () => {
  it('always gives legal orders, in the template and the mini fixture, on any turn, for either side, at every level', () => {
    fc.assert(
      fc.property(fc.constantFrom(TEMPLATE, MINI), fc.string({ maxLength: 8 }), fc.nat(9), side, difficulty, (scenario, seed, turns, s, level) => {
        const state = playedRandomly(scenario, seed, turns);
        const orders = computerOrders(scenario, state, s, level);
        if (state.ending) expect(orders.decisions).toEqual([]);
        else expect(orderProblems(scenario, state, withSide(s, orders))).toEqual([]);
      }),
      { numRuns: 120 },
    );
  });

  it('plays whole games of generated scenarios against itself without an illegal order', () => {
    fc.assert(
      fc.property(scenarioData, fc.string({ maxLength: 6 }), difficulty, (data, seed, level) => {
        const scenario = load('generated.yaml', stringify(data));
        let state = newGame(scenario, seed);
        while (!state.ending) {
          const orders = { tokyo: computerOrders(scenario, state, 'tokyo', level), seoul: computerOrders(scenario, state, 'seoul', level) };
          expect(orderProblems(scenario, state, orders)).toEqual([]);
          state = resolveTurn(scenario, state, orders).state;
        }
      }),
      { numRuns: 60 },
    );
  });

  it('gives the same orders for the same state, and leaves the state (and its generator) as it was', () => {
    for (const [seed, turns] of [
      ['a', 0],
      ['b', 3],
      ['c', 6],
    ] as const) {
      const state = playedRandomly(TEMPLATE, seed, turns);
      const before = canonicalJson(state);
      for (const s of SIDES) {
        for (const level of DIFFICULTIES) {
          const first = computerOrders(TEMPLATE, state, s, level);
          // A copy through JSON, as a saved game comes back.
          const again = computerOrders(TEMPLATE, JSON.parse(JSON.stringify(state)) as GameState, s, level);
          expect(again).toEqual(first);
        }
      }
      expect(canonicalJson(state)).toBe(before);
    }
  });

  it('plays the same whole game twice from the same seed', () => {
    const game = (): string[][] => {
      let state = newGame(TEMPLATE, 'replayed');
      const taken: string[][] = [];
      while (!state.ending) {
        const orders = { tokyo: computerOrders(TEMPLATE, state, 'tokyo', 'hard'), seoul: computerOrders(TEMPLATE, state, 'seoul', 'easy') };
        taken.push([...orders.tokyo.decisions, '|', ...orders.seoul.decisions]);
        state = resolveTurn(TEMPLATE, state, orders).state;
      }
      return taken;
    };
    expect(game()).toEqual(game());
  });
});

describe('what the computer may know', () => {
  // Tokyo wins by betting on which side of 50 a meter lies. Seeing it, the bet is easy; not
  // seeing it, the computer must bet the same way whatever the true value is.
  const betting = (visibility: string): Scenario =>
    load(
      'betting.yaml',
      [
        'format: 1',
        'id: betting',
        'title: Betting',
        'turns: 1',
        'sides:',
        '  tokyo: {name: Tokyo, goals: G, capital: 1, score: 0}',
        '  seoul: {name: Seoul, goals: G, capital: 0, score: 0}',
        `meters: [{id: h, label: H, start: 50, visibility: {tokyo: ${visibility}, seoul: exact}, poll_error: 5}]`,
        'flags: [{id: high}, {id: low}]',
        'decisions:',
        '  - {id: bet_high, side: tokyo, category: other, title: High, effects: [{flag: high, set: true}]}',
        '  - {id: bet_low, side: tokyo, category: other, title: Low, effects: [{flag: low, set: true}]}',
        'endings:',
        '  - {id: right, kind: final, when: "(high and h > 50) or (low and h <= 50)", title: R, text: R, outcome: {tokyo: win, seoul: loss}}',
        '  - {id: wrong, kind: final, title: W, text: W, outcome: {tokyo: loss, seoul: win}}',
      ].join('\n'),
    );
  const at = (scenario: Scenario, h: number): GameState => {
    const state = newGame(scenario, 'bet');
    return { ...state, meters: { ...state.meters, h } };
  };

  it('bets right when it sees the meter (so the tests below could tell a peek)', () => {
    const seen = betting('exact');
    for (const level of DIFFICULTIES) {
      if (level === 'easy') continue; // easy may slip
      expect(computerOrders(seen, at(seen, 90), 'tokyo', level).decisions).toEqual(['bet_high']);
      expect(computerOrders(seen, at(seen, 10), 'tokyo', level).decisions).toEqual(['bet_low']);
    }
  });

  it('gives the same orders whatever the true value of a meter hidden from it', () => {
    const hidden = betting('hidden');
    for (const level of DIFFICULTIES) {
      expect(computerOrders(hidden, at(hidden, 90), 'tokyo', level)).toEqual(computerOrders(hidden, at(hidden, 10), 'tokyo', level));
    }
  });

  it('reads a polled meter through its poll, never the true value behind it', () => {
    const polled = betting('poll');
    const high = at(polled, 90);
    // The same poll (estimate 52 ± 5) over two different true values.
    const poll = { ...high.polls, tokyo: { h: { estimate: 52, margin: 5 } } };
    for (const level of DIFFICULTIES) {
      const a = computerOrders(polled, { ...high, polls: poll }, 'tokyo', level);
      const b = computerOrders(polled, { ...at(polled, 10), polls: poll }, 'tokyo', level);
      expect(a).toEqual(b);
      if (level !== 'easy') expect(a.decisions).toEqual(['bet_high']);
    }
  });

  it('in the template, ignores the true value of the hidden China-pressure meter', () => {
    for (const seed of ['x', 'y']) {
      const state = playedRandomly(TEMPLATE, seed, 2);
      for (const s of SIDES) {
        for (const level of DIFFICULTIES) {
          const low = computerOrders(TEMPLATE, { ...state, meters: { ...state.meters, china_pressure: 5 } }, s, level);
          const high = computerOrders(TEMPLATE, { ...state, meters: { ...state.meters, china_pressure: 95 } }, s, level);
          expect(high).toEqual(low);
        }
      }
    }
  });
});

describe('the personality of the ai section', () => {
  // Two decisions with the same effect on the score: only the personality tells them apart.
  const twins = (ai: string): Scenario =>
    load(
      'twins.yaml',
      [
        'format: 1',
        'id: twins',
        'title: Twins',
        'turns: 3',
        'sides:',
        '  tokyo: {name: Tokyo, goals: G, capital: 1, score: "x + y"}',
        '  seoul: {name: Seoul, goals: G, capital: 1, score: 0}',
        'meters: [{id: x, label: X, start: 50}, {id: y, label: Y, start: 50}]',
        'decisions:',
        '  - {id: trade, side: tokyo, category: economy, title: Trade, effects: [{meter: x, add: 2}]}',
        '  - {id: speak, side: tokyo, category: public, title: Speak, effects: [{meter: y, add: 2}]}',
        '  - {id: wait, side: seoul, category: other, title: Wait, effects: []}',
        'endings: [{id: end, kind: final, title: E, text: E}]',
        ai,
      ].join('\n'),
    );

  it('takes the decision of the category it leans toward', () => {
    const economy = twins('ai: {tokyo: {leanings: {economy: 5}}}');
    const publicMinded = twins('ai: {tokyo: {leanings: {public: 5}}}');
    for (const level of ['normal', 'hard'] as Difficulty[]) {
      expect(computerOrders(economy, newGame(economy, 's'), 'tokyo', level).decisions).toEqual(['trade']);
      expect(computerOrders(publicMinded, newGame(publicMinded, 's'), 'tokyo', level).decisions).toEqual(['speak']);
    }
  });

  it('takes the decision that moves the meter it values', () => {
    const wantsX = twins('ai: {tokyo: {meters: {x: 3}}}');
    const wantsY = twins('ai: {tokyo: {meters: {y: 3}}}');
    for (const level of ['normal', 'hard'] as Difficulty[]) {
      expect(computerOrders(wantsX, newGame(wantsX, 's'), 'tokyo', level).decisions).toEqual(['trade']);
      expect(computerOrders(wantsY, newGame(wantsY, 's'), 'tokyo', level).decisions).toEqual(['speak']);
    }
  });
});

describe('playing strength', () => {
  // A tug of war: pushing usually moves the rope, grandstanding pleases Tokyo's score but
  // loses ground, gusts blow either way, and the game is won only at the end, beyond the 60 mark.
  const tug = load(
    'tug.yaml',
    [
      'format: 1',
      'id: tug',
      'title: Tug',
      'turns: 5',
      'sides:',
      '  tokyo: {name: Tokyo, goals: G, capital: 1, score: "applause"}',
      '  seoul: {name: Seoul, goals: G, capital: 1, score: "100 - rope"}',
      'meters: [{id: rope, label: Rope, start: 50}, {id: applause, label: Applause, start: 0}]',
      'decisions:',
      '  - {id: push, side: tokyo, category: other, title: Push, effects: [{meter: rope, add: 8, chance: 0.8}]}',
      '  - {id: grandstand, side: tokyo, category: public, title: Grandstand, effects: [{meter: applause, add: 10}, {meter: rope, add: -3}]}',
      '  - {id: pull, side: seoul, category: other, title: Pull, effects: [{meter: rope, add: -8, chance: 0.8}]}',
      '  - {id: rest, side: seoul, category: other, title: Rest, effects: []}',
      'events:',
      '  - {id: gust, title: Gust, trigger: {chance: 0.5}, repeat: true, effects: [{meter: rope, add: 4, chance: 0.5, else: [{meter: rope, add: -4}]}]}',
      'endings:',
      '  - {id: tokyo_pulls, kind: final, when: "rope >= 60", title: T, text: T, outcome: {tokyo: win, seoul: loss}}',
      '  - {id: seoul_pulls, kind: final, when: "rope <= 40", title: S, text: S, outcome: {tokyo: loss, seoul: win}}',
      '  - {id: even, kind: final, title: E, text: E}',
    ].join('\n'),
  );

  const tokyoWins = (tokyo: (state: GameState, random: () => number) => SideOrders, games: number): number => {
    let wins = 0;
    for (let g = 0; g < games; g++) {
      let state = newGame(tug, `tug/${g}`);
      const random = seedrandom.alea(`tug/${g}/players`);
      while (!state.ending) state = resolveTurn(tug, state, { tokyo: tokyo(state, random), seoul: randomOrders(tug, state, 'seoul', random) }).state;
      if (state.ending.outcome.tokyo === 'win') wins++;
    }
    return wins / games;
  };

  it('at hard, wins far more often than random play does, against the same random opponent', () => {
    const hard = tokyoWins((state) => computerOrders(tug, state, 'tokyo', 'hard'), 200);
    const random = tokyoWins((state, r) => randomOrders(tug, state, 'tokyo', r), 200);
    expect(hard).toBeGreaterThan(random + 0.3);
    expect(hard).toBeGreaterThan(0.6);
  });

  it('at hard, wins the template as Tokyo against random play more often than random play does', () => {
    const wins = (player: (state: GameState, random: () => number) => SideOrders): number => {
      let n = 0;
      for (let g = 0; g < 60; g++) {
        let state = newGame(TEMPLATE, `t/${g}`);
        const random = seedrandom.alea(`t/${g}/players`);
        while (!state.ending) state = resolveTurn(TEMPLATE, state, { tokyo: player(state, random), seoul: randomOrders(TEMPLATE, state, 'seoul', random) }).state;
        if (state.ending.outcome.tokyo === 'win') n++;
      }
      return n / 60;
    };
    expect(wins((state) => computerOrders(TEMPLATE, state, 'tokyo', 'hard'))).toBeGreaterThan(wins((state, r) => randomOrders(TEMPLATE, state, 'tokyo', r)) + 0.25);
  });

  it('plays Seoul as well as Tokyo: at hard, Seoul wins most tugs against random play', () => {
    let wins = 0;
    for (let g = 0; g < 100; g++) {
      let state = newGame(tug, `m/${g}`);
      const random = seedrandom.alea(`m/${g}/players`);
      while (!state.ending) state = resolveTurn(tug, state, withSide('seoul', computerOrders(tug, state, 'seoul', 'hard'), randomOrders(tug, state, 'tokyo', random))).state;
      if (state.ending.outcome.seoul === 'win') wins++;
    }
    expect(wins / 100).toBeGreaterThan(0.6);
  });
});
