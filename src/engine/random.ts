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

// A class, not an object of arrow functions: a generator is made every turn.
class Alea implements Random {
  constructor(private readonly prng: seedrandom.StatefulPRNG<RandomState>) {}

  next(): number {
    return this.prng();
  }

  state(): RandomState {
    return this.prng.state();
  }
}

export function seededRandom(seed: string): Random {
  return new Alea(seedrandom.alea(seed, { state: true }));
}

export function resumeRandom(state: RandomState): Random {
  // seedrandom copies the numbers out of `state` and never writes to it.
  return new Alea(seedrandom.alea('', { state }));
}

