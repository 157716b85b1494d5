/** The three difficulty levels: how far and how widely the computer looks ahead, and how often it slips. */

export type Difficulty = 'easy' | 'normal' | 'hard';

export const DIFFICULTIES: readonly Difficulty[] = ['easy', 'normal', 'hard'];

/**
 * Looking further than two turns measured worse, not better, on the template: the turns
 * after the first are played at random by both sides, and their noise drowns the signal.
 * Hard buys its strength with more samples and a wider beam instead.
 */
export interface Level {
  /** Turns simulated for each candidate order: this one and the next depth − 1. */
  readonly depth: number;
  /** Sampled futures (events, chance, the other side's choices) each promising candidate is played in. */
  readonly samples: number;
  /** Futures every candidate is first screened in; only the best 2 × beam of a step are played in all `samples`. */
  readonly screen: number;
  /** Partial orders kept at each step of the search (1: greedy). */
  readonly beam: number;
  /**
   * The time budget, in simulated turns per choice: counted in work, not in milliseconds, so
   * play stays reproducible. The search stops growing orders once it is spent.
   */
  readonly work: number;
  /** Half-width of the uniform noise added to each candidate's value: misjudgement. */
  readonly noise: number;
  /** Chance of a slip: taking a random one of the best three orders instead of the best. */
  readonly slip: number;
}

export const LEVELS: Readonly<Record<Difficulty, Level>> = {
  easy: { depth: 1, samples: 3, screen: 3, beam: 1, work: 80, noise: 6, slip: 0.25 },
  normal: { depth: 2, samples: 8, screen: 4, beam: 2, work: 500, noise: 1.5, slip: 0 },
  hard: { depth: 2, samples: 24, screen: 6, beam: 3, work: 1000, noise: 0, slip: 0 },
};
