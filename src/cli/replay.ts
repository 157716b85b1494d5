/** `scenario replay FILE --seed S --orders ORDERS.json [--json]`: plays fixed orders and prints each turn. */
import { IllegalOrderError, newGame, resolveTurn, stateHash, turnEnd, type EndingResult, type GameState } from '../engine';
import type { Scenario } from '../engine/model';
import { EXIT, parseArgs, readFileOrReport, UsageError, type CliIO } from './io';
import { parseOrdersFile, toOrders } from './orders';
import { loadForCommand } from './scenarioFile';

export interface ReplayTurn {
  turn: number;
  meters: Record<string, number>;
  fired: string[];
  decisions: { tokyo: string[]; seoul: string[] };
  joint: string[];
}

export interface ReplayResult {
  scenario: string;
  seed: string;
  turns: ReplayTurn[];
  ending: EndingResult | null;
  hash: string;
}

export function replayCommand(args: readonly string[], io: CliIO): number {
  const { positional, options } = parseArgs(args, ['seed', 'orders'], ['json']);
  if (positional.length !== 1) throw new UsageError('replay needs exactly one scenario file');
  const seed = options.get('seed');
  const ordersPath = options.get('orders');
  if (typeof seed !== 'string') throw new UsageError('replay needs --seed S');
  if (typeof ordersPath !== 'string') throw new UsageError('replay needs --orders ORDERS.json');
  const file = positional[0]!;
  const scenario = loadForCommand(io, file);
  if (!scenario) return EXIT.invalid;
  const bytes = readFileOrReport(io, ordersPath);
  if (!bytes) return EXIT.invalid;
  const parsed = parseOrdersFile(new TextDecoder().decode(bytes));
  if (!parsed.ok) {
    io.err(`${ordersPath}: error: ${parsed.message}`);
    return EXIT.invalid;
  }
  let result: ReplayResult;
  try {
    result = replay(
      scenario,
      seed,
      parsed.turns.map((t) => toOrders(scenario, t)),
    );
  } catch (e) {
    if (!(e instanceof IllegalOrderError)) throw e;
    io.err(`${ordersPath}: error: ${e.message}`);
    return EXIT.invalid;
  }
  if (options.has('json')) io.out(JSON.stringify(result, null, 2));
  else printTable(io, scenario, result);
  return EXIT.ok;
}

/** Plays the orders from a new game; throws IllegalOrderError naming the turn and decision. */
export function replay(scenario: Scenario, seed: string, orders: readonly ReturnType<typeof toOrders>[]): ReplayResult {
  let state: GameState = newGame(scenario, seed);
  const turns: ReplayTurn[] = [];
  for (const [i, turnOrders] of orders.entries()) {
    if (state.ending) throw new IllegalOrderError(`turn ${i + 1}: the game already ended after turn ${state.ending.turn} (${state.ending.id}); remove the later turns`);
    const { state: next, report } = resolveTurn(scenario, state, turnOrders);
    const meters = { ...turnEnd(state, report).meters };
    state = next;
    turns.push({
      turn: report.turn,
      meters,
      fired: report.fired.map((f) => f.event),
      decisions: { tokyo: [...report.decisions.tokyo], seoul: [...report.decisions.seoul] },
      joint: [...report.joint],
    });
  }
  return { scenario: scenario.id, seed, turns, ending: state.ending ?? null, hash: stateHash(state) };
}

function printTable(io: CliIO, scenario: Scenario, result: ReplayResult): void {
  const ids = scenario.meters.map((m) => m.id);
  const width = Math.max(6, ...ids.map((id) => id.length));
  io.out(['turn', ...ids.map((id) => id.padStart(width))].join('  '));
  for (const t of result.turns) {
    io.out([String(t.turn).padStart(4), ...ids.map((id) => (t.meters[id] ?? 0).toFixed(1).padStart(width))].join('  '));
    const what = [
      t.fired.length ? `events: ${t.fired.join(', ')}` : '',
      t.decisions.tokyo.length ? `tokyo: ${t.decisions.tokyo.join(', ')}` : '',
      t.decisions.seoul.length ? `seoul: ${t.decisions.seoul.join(', ')}` : '',
      t.joint.length ? `joint: ${t.joint.join(', ')}` : '',
    ].filter(Boolean);
    if (what.length) io.out(`      ${what.join(' | ')}`);
  }
  const e = result.ending;
  io.out(
    e
      ? `ending: ${e.id} after turn ${e.turn} (tokyo ${e.outcome.tokyo}, score ${e.scores.tokyo.toFixed(1)}; seoul ${e.outcome.seoul}, score ${e.scores.seoul.toFixed(1)})`
      : `no ending yet: the orders stop before the game ends`,
  );
  io.out(`state hash: ${result.hash}`);
}
