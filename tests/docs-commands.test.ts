/**
 * Every command the README and the docs show a reader works as shown: each `npm run X` names a
 * script of package.json, each runnable line of a shell block runs and exits 0, and each usage
 * line's options are ones the CLI knows. The browser-facing commands (npm start, npm test) are run
 * by the boot test and by CI itself; here their scripts must exist.
 *
 * Each document's lines run in order, through bash, in a scratch folder of their own that holds
 * what a reader's checkout holds (a copy of scenarios/) and nothing more: a command that reads a
 * file must find it there or made by an earlier line of the same document (a `cp`, an `echo >`).
 * The test never writes a reader's input for them; it once did (an orders file), and hid a README
 * line that failed for every reader.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
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
const SCENARIO = /^npm run (?:-s )?scenario -- /;

/**
 * The lines of every ```sh block (comments after # dropped), and every scenario command written
 * inline in `backticks` (a command may wrap onto the next line of the paragraph), with the file
 * they come from, in the order a reader meets them.
 */
function shellLines(docs: readonly { file: string; text: string }[]): { file: string; line: string; inline: boolean }[] {
  const found: { file: string; line: string; inline: boolean }[] = [];
  for (const { file, text } of docs) {
    let inBlock = false;
    let prose: string[] = [];
    const inlineCommands = (): void => {
      for (const m of prose.join('\n').matchAll(/`(npm run (?:-s )?scenario -- [^`]+)`/g)) {
        const line = m[1]!.replace(/\s+/g, ' ').trim();
        if (isUsage(line) || onShippedFiles(line)) found.push({ file, line, inline: true });
      }
      prose = [];
    };
    for (const raw of text.split('\n')) {
      if (/^```(sh|bash|shell)\s*$/.test(raw)) {
        inlineCommands();
        inBlock = true;
      } else if (raw.startsWith('```')) inBlock = false;
      else if (inBlock && raw.trim()) found.push({ file, line: raw.replace(/\s+#.*$/, '').trim(), inline: false });
      else if (!inBlock && !raw.trim()) inlineCommands();
      else if (!inBlock) prose.push(raw);
    }
    inlineCommands();
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

/**
 * An inline command on the repo's own files, globs included (the shell expands them as a reader's
 * would). Prose about a reader's own file (the error examples' `my_scenario.yaml`, a copy with one
 * mistake put in) is not one to run; a block line is always run.
 */
function onShippedFiles(line: string): boolean {
  const files = line.split(/\s+/).filter((a) => /\.(ya?ml|json)$/.test(a));
  return files.length > 0 && files.every((f) => f.startsWith('scenarios/') && !f.includes('my_'));
}

/** A usage line (placeholders in capitals or <angle brackets>, or [options]) is read, not run. */
function isUsage(line: string): boolean {
  return /\[|<[^>]+>|\b[A-Z]{1,}(\.json)?\b/.test(line.replace(/scenarios\/[\w./*]+/g, ''));
}

/** Each document's own scratch folder: a copy of scenarios/, as a reader's checkout has it, and nothing the test made up. */
const scratches = new Map<string, string>();
function scratchFor(file: string): string {
  let dir = scratches.get(file);
  if (!dir) {
    dir = mkdtempSync(join(tmpdir(), 'cyd-docs-'));
    cpSync(join(ROOT, 'scenarios'), join(dir, 'scenarios'), { recursive: true });
    scratches.set(file, dir);
  }
  return dir;
}
afterAll(() => {
  for (const dir of scratches.values()) rmSync(dir, { recursive: true, force: true });
});

/** Runs one shell line as a reader's shell would, with `npm run -s scenario --` being the CLI itself. */
function bash(line: string, cwd: string): { status: number | null; stdout: string; stderr: string } {
  const command = line.replace(SCENARIO, `'${TSX}' '${CLI}' `);
  return spawnSync('bash', ['-c', command], { cwd, encoding: 'utf8', timeout: 110_000 });
}

const usage = spawnSync(TSX, [CLI], { cwd: ROOT, encoding: 'utf8' });
const USAGE = `${usage.stdout}${usage.stderr}`;

describe('the commands the README and the docs show', () => {
  it.each(npmScriptsNamed())('$file names npm script "$script", which package.json has', ({ script }) => {
    expect(['start', 'test'].includes(script) || script in scripts, `no "${script}" in package.json's scripts`).toBe(true);
  });

  it('the scenario CLI script is the one these lines are run with', () => {
    expect(scripts.scenario).toBe('tsx src/cli/main.ts');
  });

  const lines = shellLines(DOCS.map((file) => ({ file, text: readFileSync(join(ROOT, file), 'utf8') })));
  it('finds the README blocks', () => {
    expect(lines.some((l) => l.line.startsWith('npm run -s scenario -- check'))).toBe(true);
  });

  it('runs a line on a file no earlier line made, and it fails as it would for a reader', () => {
    // The README's replay line as it once was, with no line making its orders file.
    const doc = ['```sh', 'cp scenarios/template.yaml scenarios/my_scenario.yaml', 'npm run -s scenario -- replay scenarios/my_scenario.yaml --seed 1 --orders my_orders.json', '```'].join('\n');
    const found = shellLines([{ file: 'old-readme.md', text: doc }]);
    expect(found.map((l) => l.line)).toEqual(['cp scenarios/template.yaml scenarios/my_scenario.yaml', 'npm run -s scenario -- replay scenarios/my_scenario.yaml --seed 1 --orders my_orders.json']);
    const dir = scratchFor('old-readme.md');
    expect(bash(found[0]!.line, dir).status).toBe(0);
    const replay = bash(found[1]!.line, dir);
    expect(replay.status).toBe(1);
    expect(replay.stderr).toContain('my_orders.json:1:1: error: cannot read the file: no such file');
  });

  it('runs inline commands that wrap onto the next line, and reads a <placeholder> as usage', () => {
    const doc = ['Check them all with `npm run -s scenario -- check', 'scenarios/*.yaml`, or one with `npm run -s scenario -- check scenarios/<file>.yaml`.'].join('\n');
    expect(shellLines([{ file: 'wrapped.md', text: doc }])).toEqual([
      { file: 'wrapped.md', line: 'npm run -s scenario -- check scenarios/*.yaml', inline: true },
      { file: 'wrapped.md', line: 'npm run -s scenario -- check scenarios/<file>.yaml', inline: true },
    ]);
    expect(isUsage('npm run -s scenario -- check scenarios/<file>.yaml')).toBe(true);
    expect(isUsage('npm run -s scenario -- check scenarios/*.yaml')).toBe(false);
  });

  for (const { file, line } of lines) {
    if (line.startsWith('npm install && ')) {
      it(`${file}: "${line}" names a script package.json has`, () => {
        expect(line.slice('npm install && npm '.length) in scripts).toBe(true);
      });
    } else if (/^(cp|echo) /.test(line)) {
      it(`${file}: "${line}" runs and exits 0`, () => {
        const run = bash(line, scratchFor(file));
        expect(run.status, `${line}\n${run.stderr}`).toBe(0);
      });
    } else if (SCENARIO.test(line) && isUsage(line)) {
      it(`${file}: the options of "${line}" are ones the CLI knows`, () => {
        for (const option of line.match(/--[a-z-]+/g) ?? []) expect(USAGE, `${option} is not in the CLI's usage`).toContain(option);
      });
    } else if (SCENARIO.test(line)) {
      it(`${file}: "${line}" runs and exits 0`, () => {
        const run = bash(line, scratchFor(file));
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
