/**
 * The game's only source of chance: seedrandom's Alea generator, whose four numbers
 * of state live in the GameState so that a saved game resumes the same sequence.
 */
import seedrandom from 'seedrandom';

export type RandomState = seedrandom.State.Alea;

export interface Random {
  /** A number in [0, 1). */
  next(): number;
  state(): RandomState;
}

export function seededRandom(seed: string): Random {
  const prng = seedrandom.alea(seed, { state: true });
  return { next: prng, state: () => prng.state() };
}

export function resumeRandom(state: RandomState): Random {
  const prng = seedrandom.alea('', { state: { ...state } });
  return { next: prng, state: () => prng.state() };
}

