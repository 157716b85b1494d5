/** What expressions read: the world at this moment of the turn, and the record of past turns. */
import type { Decision, EvalContext, Scenario, Side } from './model';
import { lookup } from './lookup';
import type { TurnRecord } from './state';

/** The turn in progress, as far as it has got: what `taken(x, 1)` and `fired(x, 1)` count. */
export interface TurnSoFar {
  readonly turn: number;
  readonly fired: readonly string[];
  readonly decisions: Readonly<Record<Side, readonly string[]>>;
  readonly joint: readonly string[];
}

/** The values expressions read, and the turns behind them; read afresh on every call, so a world can move on. */
export interface Situated {
  readonly meters: Readonly<Record<string, number>>;
  readonly counters: Readonly<Record<string, number>>;
  readonly flags: Readonly<Record<string, boolean>>;
  readonly history: readonly TurnRecord[];
  readonly current: TurnSoFar;
}

// A class rather than an object of closures: contexts are made several times a turn,
// and the simulator plays tens of thousands of turns a second.
class Situation implements EvalContext {
  readonly turns: number;
  // The value records are read once, and again when the world says it replaced one (see reread).
  meters: Readonly<Record<string, number>>;
  counters: Readonly<Record<string, number>>;
  flags: Readonly<Record<string, boolean>>;

  constructor(
    scenario: Scenario,
    private readonly world: Situated,
    private readonly decisions: ReadonlyMap<string, Decision>,
  ) {
    this.turns = scenario.turns;
    this.meters = world.meters;
    this.counters = world.counters;
    this.flags = world.flags;
  }

  /** Reads the value records again: the world replaced one with its own copy. */
  reread(): void {
    this.meters = this.world.meters;
    this.counters = this.world.counters;
    this.flags = this.world.flags;
  }

  get turn(): number {
    return this.world.current.turn;
  }

  taken(id: string, lastTurns: number): number {
    const { current, history } = this.world;
    const joint = this.decisions.get(id)?.joint === true;
    let n = takenIn(current, id, joint);
    const since = current.turn - lastTurns;
    for (let i = history.length - 1; i >= 0 && history[i]!.turn > since; i--) n += takenIn(history[i]!, id, joint);
    return n;
  }

  fired(id: string, lastTurns: number): number {
    const { current, history } = this.world;
    let n = count(current.fired, id);
    const since = current.turn - lastTurns;
    for (let i = history.length - 1; i >= 0 && history[i]!.turn > since; i--) n += count(history[i]!.fired, id);
    return n;
  }
}

/** An EvalContext over a world that may replace its value records (then it calls reread). */
export type WorldContext = EvalContext & { reread(): void };

export function evalContext(scenario: Scenario, world: Situated): WorldContext {
  return new Situation(scenario, world, lookup(scenario).decisions);
}

/** A joint decision is taken once when it takes effect; any other once for each side that chose it. */
function takenIn(record: TurnSoFar, id: string, joint: boolean): number {
  return joint ? count(record.joint, id) : count(record.decisions.tokyo, id) + count(record.decisions.seoul, id);
}

function count(list: readonly string[], id: string): number {
  let n = 0;
  for (let i = 0; i < list.length; i++) if (list[i] === id) n++;
  return n;
}
