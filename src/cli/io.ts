/** What a command needs from the outside world, so tests can run commands without a process. */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { MAX_FILE_BYTES } from '../scenario/parse';

export interface CliIO {
  out(line: string): void;
  err(line: string): void;
  readBytes(path: string): Uint8Array;
}

export const processIO: CliIO = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  readBytes: (path) => readBoundedFile(path, MAX_FILE_BYTES),
};

/** Why a path was not read, for readFileOrReport's words (node's own errors carry `code` the same way). */
class RefusedFile extends Error {
  constructor(
    readonly code: 'ENOTREG' | 'ETOOBIG',
    message: string,
  ) {
    super(message);
  }
}

/**
 * Reads a regular file of at most `cap` bytes. Anything else is refused before a byte is read: a
 * FIFO or a terminal would wait forever, a device or a huge stream would fill memory. The open does
 * not block (O_NONBLOCK), so even a FIFO with no writer is only looked at.
 */
export function readBoundedFile(path: string, cap: number): Uint8Array {
  const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    if (!stat.isFile()) throw new RefusedFile('ENOTREG', 'not a regular file');
    if (stat.size > cap) throw new RefusedFile('ETOOBIG', `${(stat.size / 1048576).toFixed(1)} MB`);
    // The size can change between fstat and read; never take more than the cap.
    const buffer = Buffer.alloc(cap + 1);
    let length = 0;
    for (let n = 1; n > 0 && length <= cap; length += n) n = readSync(fd, buffer, length, cap + 1 - length, null);
    if (length > cap) throw new RefusedFile('ETOOBIG', `more than ${(cap / 1048576).toFixed(1)} MB`);
    return buffer.subarray(0, length);
  } finally {
    closeSync(fd);
  }
}

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
    const why =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'this is a folder, not a file'
          : code === 'EACCES'
            ? 'permission denied'
            : code === 'ENOTREG'
              ? 'it is not a regular file (a pipe, a device or a socket); save the text to a file and give its path'
              : code === 'ETOOBIG'
                ? `it is too large (${(e as Error).message}); a file may be at most ${MAX_FILE_BYTES / 1048576} MB. Is this the right file?`
                : (e as Error).message;
    io.err(`${path}:1:1: error: cannot read the file: ${why}`);
    return undefined;
  }
}
