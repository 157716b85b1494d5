/**
 * The CLI reads only regular files of bounded size (issue 16): a FIFO, a device or an endless
 * stream is refused at once in words, never waited on or read into memory.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, openSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const cli = (args: string[], stdin?: number) =>
  spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), ...args], { cwd: ROOT, encoding: 'utf8', timeout: 30_000, stdio: [stdin ?? 'ignore', 'pipe', 'pipe'] });

describe('what the scenario CLI will read', () => {
  it('refuses a FIFO with no writer instead of waiting on it', () => {
    const fifo = join(mkdtempSync(join(tmpdir(), 'cyd-fifo-')), 'scenario.yaml');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const run = cli(['check', fifo]);
    expect(run.signal).toBeNull();
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`${fifo}:1:1: error: cannot read the file: it is not a regular file`);
  });

  it('refuses an endless stream (/dev/stdin fed from /dev/zero) at once', () => {
    const run = cli(['check', '/dev/stdin'], openSync('/dev/zero', 'r'));
    expect(run.signal).toBeNull();
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/not a regular file/);
  });

  it('refuses a file over the size cap before reading it, and names the cap', () => {
    const big = join(mkdtempSync(join(tmpdir(), 'cyd-big-')), 'big.yaml');
    writeFileSync(big, Buffer.alloc(3 * 1024 * 1024, 0x61));
    const run = cli(['replay', 'scenarios/tutorial.yaml', '--seed', '1', '--orders', big]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`${big}:1:1: error: cannot read the file: it is too large (3.0 MB); a file may be at most 2 MB`);
  });
});
