/** What expressions read: the world at this moment of the turn, and the record of past turns. */
import type { EvalContext, Scenario, Side } from './model';
import type { TurnRecord } from './state';
import { valuesOf } from './values';

/** The turn in progress, as far as it has got: what `taken(x, 1)` and `fired(x, 1)` count. */
export interface TurnSoFar {
  readonly turn: number;
  readonly fired: readonly string[];
  readonly decisions: Readonly<Record<Side, readonly string[]>>;
  readonly joint: readonly string[];
}

/** The turns behind a world's values; read afresh on every call, so a world can move on. */
interface Turns {
  readonly history: readonly TurnRecord[];
  readonly current: TurnSoFar;
}

/** The values expressions read, as a state holds them, and the turns behind them. */
export interface Situated extends Turns {
  readonly meters: Readonly<Record<string, number>>;
  readonly counters: Readonly<Record<string, number>>;
  readonly flags: Readonly<Record<string, boolean>>;
}

/** A world that keeps its values by place (a World, which changes them in place as a turn goes on). */
export interface SituatedByPlace extends Turns {
  readonly meterValues: readonly number[];
  readonly counterValues: readonly number[];
  readonly flagValues: readonly boolean[];
}

// A class rather than an object of closures: contexts are made several times a turn,
// and the simulator plays tens of thousands of turns a second.
class Situation implements EvalContext {
  readonly turns: number;
  readonly meterValues: readonly number[];
  readonly counterValues: readonly number[];
  readonly flagValues: readonly boolean[];

  constructor(
    scenario: Scenario,
    private readonly world: Turns,
    values: Pick<SituatedByPlace, 'meterValues' | 'counterValues' | 'flagValues'>,
  ) {
    this.turns = scenario.turns;
    this.meterValues = values.meterValues;
    this.counterValues = values.counterValues;
    this.flagValues = values.flagValues;
  }

  get turn(): number {
    return this.world.current.turn;
  }

  taken(id: string, lastTurns: number, joint: boolean): number {
    const { current, history } = this.world;
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

/** An EvalContext over a world given as records (a state's, say): their values are read into arrays once, here. */
export function evalContext(scenario: Scenario, world: Situated): EvalContext {
  const values = { meterValues: valuesOf(scenario, 'meters', world.meters), counterValues: valuesOf(scenario, 'counters', world.counters), flagValues: valuesOf(scenario, 'flags', world.flags) };
  return new Situation(scenario, world, values);
}

/** An EvalContext over a World: it reads the World's own arrays, which the World changes in place as the turn goes on. */
export function worldContext(scenario: Scenario, world: SituatedByPlace): EvalContext {
  return new Situation(scenario, world, world);
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
