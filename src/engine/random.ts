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

// seedrandom makes a generator with five closures and hashes its (empty) seed on every
// resume, and a game resumes its generator every turn: the seeding stays seedrandom's, the
// step below is Alea's own (seedrandom/lib/alea.js, 3.0.5), the same arithmetic in the same
// order, so the numbers are the same to the last bit.
class Alea implements Random {
  private c: number;
  private s0: number;
  private s1: number;
  private s2: number;

  constructor(from: RandomState) {
    this.c = from.c;
    this.s0 = from.s0;
    this.s1 = from.s1;
    this.s2 = from.s2;
  }

  next(): number {
    const t = 2091639 * this.s0 + this.c * 2.3283064365386963e-10; // 2^-32
    this.s0 = this.s1;
    this.s1 = this.s2;
    return (this.s2 = t - (this.c = t | 0));
  }

  state(): RandomState {
    // The keys in seedrandom's order, so a saved state reads the same as before.
    return { c: this.c, s0: this.s0, s1: this.s1, s2: this.s2 };
  }
}

export function seededRandom(seed: string): Random {
  return new Alea(seedrandom.alea(seed, { state: true }).state());
}

export function resumeRandom(state: RandomState): Random {
  return new Alea(state);
}
