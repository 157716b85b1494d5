/**
 * Every command the README and the docs show a reader works as shown: each `npm run X` names a
 * script of package.json, each runnable line of a shell block runs and exits 0 (the scenario CLI
 * in a scratch copy of scenarios/, so the repo is left as it was), and each usage line's options
 * are ones the CLI knows. The browser-facing commands (npm start, npm test) are run by the boot test
 * and by CI itself; here their scripts must exist.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DOCS = [
  'README.md',
  ...readdirSync(join(ROOT, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];
const scripts = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const CLI = join(ROOT, 'src', 'cli', 'main.ts');

/**
 * The lines of every ```sh block (comments after # dropped), and every scenario command written
 * inline in `backticks` with no placeholder in it, with the file they come from.
 */
function shellLines(): { file: string; line: string }[] {
  const found: { file: string; line: string }[] = [];
  for (const file of DOCS) {
    let inBlock = false;
    for (const raw of readFileSync(join(ROOT, file), 'utf8').split('\n')) {
      if (/^```(sh|bash|shell)\s*$/.test(raw)) inBlock = true;
      else if (raw.startsWith('```')) inBlock = false;
      else if (inBlock && raw.trim()) found.push({ file, line: raw.replace(/\s+#.*$/, '').trim() });
      else if (!inBlock) for (const m of raw.matchAll(/`(npm run -s scenario -- [^`]+)`/g)) if (!isUsage(m[1]!) && onShippedFiles(m[1]!)) found.push({ file, line: m[1]! });
    }
  }
  return found;
}

/** Every `npm run NAME` (or `npm NAME`) in the docs' text and blocks. */
function npmScriptsNamed(): { file: string; script: string }[] {
  const found: { file: string; script: string }[] = [];
  for (const file of DOCS) {
    for (const m of readFileSync(join(ROOT, file), 'utf8').matchAll(/npm (?:run (?:-s )?)?([a-z][a-z:-]*)/g)) {
      if (!['install', 'ci', 'run', 'view', 'i'].includes(m[1]!)) found.push({ file, script: m[1]! });
    }
  }
  return found;
}

/** An inline command on the repo's own files (prose about a reader's file, e.g. the error examples' copy, is not one to run). */
function onShippedFiles(line: string): boolean {
  const files = line.split(/\s+/).filter((a) => /\.(ya?ml|json)$/.test(a));
  return files.length > 0 && files.every((f) => f.startsWith('scenarios/') && !f.includes('*') && !f.includes('my_'));
}

/** A usage line (placeholders in capitals or [options]) is read, not run. */
function isUsage(line: string): boolean {
  return /\[|\b[A-Z]{1,}(\.json)?\b/.test(line.replace(/scenarios\/[\w./]+/g, ''));
}

const scratch = mkdtempSync(join(tmpdir(), 'cyd-docs-'));
cpSync(join(ROOT, 'scenarios'), join(scratch, 'scenarios'), { recursive: true });
// The README's replay line reads the player's own orders file: a reader writes one; here, two turns of nothing.
writeFileSync(
  join(scratch, 'my_orders.json'),
  JSON.stringify([
    { tokyo: [], seoul: [] },
    { tokyo: [], seoul: [] },
  ]),
);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const usage = spawnSync(TSX, [CLI], { cwd: ROOT, encoding: 'utf8' });
const USAGE = `${usage.stdout}${usage.stderr}`;

describe('the commands the README and the docs show', () => {
  it.each(npmScriptsNamed())('$file names npm script "$script", which package.json has', ({ script }) => {
    expect(['start', 'test'].includes(script) || script in scripts, `no "${script}" in package.json's scripts`).toBe(true);
  });

  it('the scenario CLI script is the one these lines are run with', () => {
    expect(scripts.scenario).toBe('tsx src/cli/main.ts');
  });

  const lines = shellLines();
  it('finds the README blocks', () => {
    expect(lines.some((l) => l.line.startsWith('npm run -s scenario -- check'))).toBe(true);
  });

  for (const { file, line } of lines) {
    if (line.startsWith('npm install && ')) {
      it(`${file}: "${line}" names a script package.json has`, () => {
        expect(line.slice('npm install && npm '.length) in scripts).toBe(true);
      });
    } else if (line.startsWith('cp ')) {
      it(`${file}: "${line}" copies a file that exists`, () => {
        const [, from, to] = line.split(/\s+/);
        cpSync(join(scratch, from!), join(scratch, to!));
      });
    } else if (line.startsWith('npm run -s scenario -- ') && isUsage(line)) {
      it(`${file}: the options of "${line}" are ones the CLI knows`, () => {
        for (const option of line.match(/--[a-z-]+/g) ?? []) expect(USAGE, `${option} is not in the CLI's usage`).toContain(option);
      });
    } else if (line.startsWith('npm run -s scenario -- ')) {
      it(`${file}: "${line}" runs and exits 0`, () => {
        const args = line.slice('npm run -s scenario -- '.length).split(/\s+/);
        const run = spawnSync(TSX, [CLI, ...args], { cwd: scratch, encoding: 'utf8', timeout: 110_000 });
        expect(run.status, `${line}\n${run.stderr}`).toBe(0);
        expect(run.stdout.length).toBeGreaterThan(0);
      }, 120_000);
    } else {
      it(`${file}: "${line}" is a kind of line this test knows how to check`, () => {
        expect.fail(`teach tests/docs-commands.test.ts to run or check: ${line}`);
      });
    }
  }
});
