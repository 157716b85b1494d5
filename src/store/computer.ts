/**
 * The computer's orders until the look-ahead player (src/ai) is wired in: a random legal player
 * seeded from the game's seed, turn and side, so a game still replays exactly.
 */
import seedrandom from 'seedrandom';
import { randomOrders } from '../engine';
import type { ComputerPlayer } from './index';

export const randomComputer: ComputerPlayer = (scenario, state, side) =>
  randomOrders(scenario, state, side, seedrandom.alea(`${state.seed}/computer/${state.turn}/${side}`));
