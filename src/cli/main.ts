/**
 * npm run scenario -- check FILE... | replay FILE --seed S --orders O.json [--json] | simulate FILE --games N --seed S [--tokyo P] [--seoul P] [--strategies] [--json]
 *   | calibrate FILE --orders O.json --polls P.yaml [--seeds N] [--json] [--check]
 */
import { checkCommand } from './check';
import { EXIT, processIO, UsageError, type CliIO } from './io';

const USAGE = `usage: npm run scenario -- <command> ...
  check FILE...                                       check scenario files (exit 0 valid, 1 invalid, 2 usage)
  replay FILE --seed S --orders ORDERS.json [--json]  play fixed orders and print each turn's meters
  simulate FILE --games N --seed S [--json]           play many games and report balance
           [--tokyo P] [--seoul P]                    players: random (default), ai, ai-easy, ai-hard
           [--strategies]                             also search each side for a fixed plan that always wins
  calibrate FILE --orders HISTORY.json --polls POLLS.yaml
           [--seeds N] [--json] [--check]             replay history over seeds 1..N (default 20) and compare each meter
                                                      with the polls; --check exits 1 when a series misses its targets`;

type Command = (args: readonly string[], io: CliIO) => number | Promise<number>;

const commands: Record<string, () => Promise<Command>> = {
  check: () => Promise.resolve(checkCommand),
  replay: async () => (await import('./replay')).replayCommand,
  simulate: async () => (await import('./simulate')).simulateCommand,
  calibrate: async () => (await import('./calibrate')).calibrateCommand,
};

export async function runCli(argv: readonly string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(USAGE);
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  const load = commands[name];
  if (!load) {
    io.err(`unknown command '${name}'`);
    io.err(USAGE);
    return EXIT.usage;
  }
  try {
    return await (
      await load()
    )(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`error: ${e.message}`);
      io.err(USAGE);
      return EXIT.usage;
    }
    throw e;
  }
}

const invokedDirectly = process.argv[1] !== undefined && /cli[\\/]main\.[tj]s$/.test(process.argv[1]);
if (invokedDirectly) {
  runCli(process.argv.slice(2), processIO).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`internal error: ${(e as Error).message}\n`);
      process.exitCode = 70;
    },
  );
}
