/**
 * The browser's checker must say what `npm run scenario -- check` says, word for word and place for
 * place: the command is run here on the same bytes and its error lines compared.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkCommand } from '../cli/check';
import type { CliIO } from '../cli/io';
import { stateHash } from '../engine/hash';
import { shippedCatalog } from '../store/catalog';
import { readShippedScenarios } from '../../tools/vite-scenarios';
import { checkScenarioFile } from './browser';
import { formatProblem } from './problems';

const FIXTURES = new URL('../../tests/fixtures/scenarios/', import.meta.url);
const GOOD = readFileSync(new URL('classroom_pilot.yaml', FIXTURES), 'utf8');
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

/** The command line's error lines for `bytes` checked as `file` (without its closing count line). */
function cliProblems(file: string, bytes: Uint8Array): string[] {
  const err: string[] = [];
  const io: CliIO = { out: () => undefined, err: (line) => err.push(line), readBytes: () => bytes };
  expect(checkCommand([file], io)).toBe(1);
  return err.filter((line) => !line.startsWith(`${file}: `));
}

function browserProblems(file: string, bytes: Uint8Array): string[] {
  const result = checkScenarioFile(file, bytes);
  if (result.ok) throw new Error(`${file} was expected to have problems`);
  return result.problems.map(formatProblem);
}

/** A few bad files, one per pass of the checker. */
const BAD: readonly [string, Uint8Array][] = [
  ['bad_pilot.yaml', new Uint8Array(readFileSync(new URL('bad_pilot.yaml', FIXTURES)))],
  ['syntax.yaml', utf8(GOOD.replace('turns: 4', 'turns: [4'))],
  ['duplicate.yaml', utf8(GOOD.replace('turns: 4\n', 'turns: 4\nturns: 5\n'))],
  [
    'meaning.yaml',
    utf8(
      GOOD.replace('source: nishino\n    explain: "Nishino: leaders', 'source: nishno\n    explain: "Nishino: leaders').replace(
        'when: "export_controls"\n    effects: [{meter: gov_trust',
        'when: "export_control"\n    effects: [{meter: gov_trust',
      ),
    ),
  ],
  ['empty.yaml', utf8('')],
  ['binary.yaml', new Uint8Array([0x66, 0x6f, 0x00, 0x01])],
  // "タイトル" in Shift_JIS: a Japanese editor's default that is not UTF-8.
  ['shift_jis.yaml', new Uint8Array([...utf8('format: 1\ntitle: '), 0x83, 0x5e, 0x83, 0x43, 0x83, 0x67, 0x83, 0x8b, 0x0a])],
];

describe('the browser checker', () => {
  it.each(BAD)('reports %s exactly as the command line does', (file, bytes) => {
    const cli = cliProblems(file, bytes);
    expect(cli.length).toBeGreaterThan(0);
    expect(browserProblems(file, bytes)).toEqual(cli);
  });

  it('finds the mistakes of the bad fixture where they are, with a did-you-mean', () => {
    const lines = browserProblems('bad_pilot.yaml', BAD[0]![1]);
    expect(lines).toEqual([
      `bad_pilot.yaml:83:11: error: 'cost' should be a number, but it is the text "two"`,
      expect.stringMatching(/^bad_pilot\.yaml:84:5: error: unknown key 'onse' in decision 'tk_lift_controls'\. Did you mean 'once'\?/),
    ]);
  });

  it('gives each problem the line it points at, for a caret under the column', () => {
    const result = checkScenarioFile('bad_pilot.yaml', BAD[0]![1]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const [cost, key] = result.problems;
    expect(cost).toMatchObject({ line: 83, col: 11, source: '    cost: two', sourceCol: 11 });
    expect(cost!.source!.slice(cost!.sourceCol! - 1)).toBe('two');
    expect(key!.source!.slice(key!.sourceCol! - 1)).toBe('onse: true');
  });

  it('gives each problem the two lines before and after it, its own marked, so a slip of indentation shows', () => {
    const lines = GOOD.split('\n');
    lines[82] = ` ${lines[82]}`;
    const result = checkScenarioFile('indent.yaml', lines.join('\n'));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toHaveLength(1);
    const [problem] = result.problems;
    expect(problem!.message).toMatch(/^line 83 is indented 5 spaces; the lines around it use 4/);
    expect(problem!.excerpt).toEqual([81, 82, 83, 84, 85].map((n) => ({ line: n, text: lines[n - 1], marked: n === 83 })));
    // At the top of the file there is less before it.
    const top = checkScenarioFile('top.yaml', ` ${GOOD.split('\n').slice(3).join('\n')}`);
    expect(!top.ok && top.problems[0]!.excerpt!.map((l) => l.line)).toEqual([1, 2, 3]);
  });

  it('cuts a very long line to a window around the column, keeping the caret on the spot', () => {
    const line = `title: {${'en: "x", '.repeat(40)}jp: "y"}`;
    const text = GOOD.replace('title: "Classroom pilot: a short summer (2019)"', line);
    const result = checkScenarioFile('long.yaml', text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const cut = result.problems.filter((p) => p.source?.startsWith('…'));
    expect(cut.length).toBeGreaterThan(0);
    for (const p of cut) {
      expect(p.source!.length).toBeLessThanOrEqual(162);
      // The caret's column in the cut line points at the same text as the column in the whole line.
      expect(p.source!.slice(p.sourceCol! - 1, p.sourceCol! + 9)).toBe(line.slice(p.col - 1, p.col + 9));
    }
  });

  it('accepts a good file with the scenario, its text and a fingerprint made as for shipped files', () => {
    const result = checkScenarioFile('classroom_pilot.yaml', utf8(GOOD));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.scenario.id).toBe('classroom_pilot');
    expect(result.text).toBe(GOOD);
    expect(result.idAt).toMatchObject({ line: 5, col: 5, source: 'id: classroom_pilot' });
    // The same text checked as a string (a remembered file) gives the same fingerprint.
    const again = checkScenarioFile('classroom_pilot.yaml', GOOD);
    expect(again.ok && again.hash).toBe(result.hash);
  });

  it('fingerprints a shipped file exactly as the catalog of shipped scenarios does', () => {
    const dir = new URL('../../scenarios/', import.meta.url);
    const [tutorial] = readShippedScenarios(dir.pathname);
    const shipped = shippedCatalog([tutorial!])[0]!;
    const result = checkScenarioFile(tutorial!.file, readFileSync(new URL(tutorial!.file, dir), 'utf8'));
    expect(result.ok && result.hash).toBe(shipped.hash);
    expect(stateHash(tutorial!.data)).toBe(shipped.hash);
  });
});
