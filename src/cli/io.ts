/** What a command needs from the outside world, so tests can run commands without a process. */
import { readFileSync } from 'node:fs';

export interface CliIO {
  out(line: string): void;
  err(line: string): void;
  readBytes(path: string): Uint8Array;
}

export const processIO: CliIO = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  readBytes: (path) => readFileSync(path),
};

/** Exit codes shared by every command: 0 fine, 1 the input is bad, 2 the command line is. */
export const EXIT = { ok: 0, invalid: 1, usage: 2 } as const;

export class UsageError extends Error {}

/** Reads `--name value` options and positional arguments; unknown options are usage errors. */
export function parseArgs(args: readonly string[], valued: readonly string[], flags: readonly string[]): { positional: string[]; options: Map<string, string | true> } {
  const positional: string[] = [];
  const options = new Map<string, string | true>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split('=', 2) as [string, string | undefined];
    if (flags.includes(name)) options.set(name, true);
    else if (valued.includes(name)) {
      const value = inline ?? args[++i];
      if (value === undefined) throw new UsageError(`--${name} needs a value`);
      options.set(name, value);
    } else throw new UsageError(`unknown option --${name}`);
  }
  return { positional, options };
}

/** Reads a scenario file's bytes, turning a missing file into a located-looking message rather than a stack trace. */
export function readFileOrReport(io: CliIO, path: string): Uint8Array | undefined {
  try {
    return io.readBytes(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'this is a folder, not a file' : code === 'EACCES' ? 'permission denied' : (e as Error).message;
    io.err(`${path}:1:1: error: cannot read the file: ${why}`);
    return undefined;
  }
}
