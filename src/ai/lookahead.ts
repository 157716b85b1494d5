/**
 * Playing a candidate order forward: the turn it is for and the next few, in sampled
 * futures. Every candidate meets the same futures (the same events, chances and
 * other-side choices for sample k), so their values differ by what the candidates do,
 * not by luck: common random numbers.
 */
import seedrandom from 'seedrandom';
import { randomOrders, resolveTrustedTurn, type SideOrders } from '../engine';
import type { Scenario, Side } from '../engine/model';
import type { RandomState } from '../engine/random';
import type { GameState } from '../engine/state';
import { worth, type Judge } from './value';

export interface Future {
  /** The believed state with this sample's own generator for the game's chance. */
  readonly start: GameState;
  /** The other side's orders for the turn being chosen (a random player's: the computer does not know its opponent's mind). */
  readonly otherFirst: SideOrders;
  /** The generator both players draw from on the turns after it. */
  readonly players: RandomState;
}

export function futures(scenario: Scenario, believed: GameState, side: Side, base: string, count: number): Future[] {
  const other: Side = side === 'tokyo' ? 'seoul' : 'tokyo';
  const list: Future[] = [];
  for (let k = 0; k < count; k++) {
    const start = { ...believed, rng: seedrandom.alea(`${base}/chance/${k}`, { state: true }).state() };
    const choose = seedrandom.alea(`${base}/players/${k}`, { state: true });
    const otherFirst = randomOrders(scenario, start, other, choose);
    list.push({ start, otherFirst, players: choose.state() });
  }
  return list;
}

/** The summed value, over futures [from, to), of playing `first` now and random play for `depth − 1` more turns. */
export function lookAhead(j: Judge, futuresOf: readonly Future[], from: number, to: number, first: SideOrders, depth: number): number {
  const { scenario, side } = j;
  const other: Side = side === 'tokyo' ? 'seoul' : 'tokyo';
  let total = 0;
  for (let k = from; k < to; k++) {
    const f = futuresOf[k]!;
    let state = resolveTrustedTurn(scenario, f.start, side === 'tokyo' ? { tokyo: first, seoul: f.otherFirst } : { tokyo: f.otherFirst, seoul: first }).state;
    if (depth > 1 && !state.ending) {
      const random = seedrandom.alea('', { state: f.players });
      for (let t = 1; t < depth && !state.ending; t++) {
        const mine = randomOrders(scenario, state, side, random);
        const theirs = randomOrders(scenario, state, other, random);
        state = resolveTrustedTurn(scenario, state, side === 'tokyo' ? { tokyo: mine, seoul: theirs } : { tokyo: theirs, seoul: mine }).state;
      }
    }
    total += worth(j, state);
  }
  return total;
}
