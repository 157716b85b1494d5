import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadScenario, loadScenarioBytes } from './load';
import { formatProblem } from './problems';

const FILE = 'mini.yaml';
const MINI = readFileSync(new URL('../../tests/fixtures/mini.yaml', import.meta.url), 'utf8');

/** The fixture with line `n` (1-based) replaced, so each test breaks exactly one thing. */
function withLine(n: number, text: string): string {
  const lines = MINI.split('\n');
  expect(lines[n - 1], `fixture line ${n}`).toBeDefined();
  lines[n - 1] = text;
  return lines.join('\n');
}

function problems(text: string): string[] {
  const result = loadScenario(FILE, text);
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.problems.map(formatProblem);
}

const LOCATED = /^mini\.yaml:\d+:\d+: error: \S/;

describe('the checker answers bad input with located errors', () => {
  it('accepts the valid fixture', () => {
    const result = loadScenario(FILE, MINI);
    expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([]);
  });

  it('a YAML syntax error', () => {
    const lines = problems(withLine(13, '  - {id: trust, label: Trust, start: 30'));
    expect(lines[0]).toMatch(/^mini\.yaml:1[34]:\d+: error: YAML syntax/);
  });

  it('a duplicate key', () => {
    const lines = problems(withLine(5, 'title: Mini\nturns: 5'));
    expect(lines).toEqual([expect.stringMatching(/^mini\.yaml:7:1: error: Map keys must be unique.*appears twice/)]);
  });

  it('an alias bomb', () => {
    const bomb = [
      'a: &a [x,x,x,x,x,x,x,x,x,x]',
      'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]',
      'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]',
      'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]',
      'e: [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]',
    ].join('\n');
    const lines = problems(bomb);
    expect(lines).toEqual([expect.stringMatching(/^mini\.yaml:2:\d+: error: too many aliases/)]);
  });

  it('100,000 levels of nesting, in flow and in block style', () => {
    const flow = problems('a: ' + '['.repeat(100_000) + ']'.repeat(100_000));
    expect(flow[0]).toMatch(/^mini\.yaml:1:\d+: error: .*nest/);
    expect(flow.length).toBeLessThanOrEqual(2);
    const block = problems(Array.from({ length: 200 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n'));
    expect(block[0]).toMatch(/error: .*nest/);
  });

  it('an empty file, and one with only comments', () => {
    expect(problems('')).toEqual(['mini.yaml:1:1: error: the file is empty; a scenario starts with "format: 1" (copy scenarios/template.yaml to begin)']);
    expect(problems('# nothing here\n')[0]).toMatch(/1:1: error: the file is empty/);
  });

  it('a binary file', () => {
    const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    const result = loadScenarioBytes(FILE, bytes);
    expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([expect.stringMatching(/^mini\.yaml:1:1: error: this is not a text file/)]);
    const latin1 = loadScenarioBytes(FILE, new Uint8Array([0x74, 0x69, 0x74, 0x6c, 0x65, 0x3a, 0x20, 0xe9, 0x0a]));
    expect(latin1.ok ? [] : latin1.problems.map(formatProblem)).toEqual([expect.stringMatching(/not UTF-8/)]);
  });

  it('a list where a mapping belongs', () => {
    const lines = problems(withLine(9, 'sides:\n  - tokyo\n  - seoul').replace(/\n {2}tokyo: .*\n {2}seoul: .*/, ''));
    expect(lines).toEqual([expect.stringMatching(/^mini\.yaml:10:3: error: 'sides' should be a mapping \(indented key: value lines\), but it is a list/)]);
  });

  it('a wrong type', () => {
    expect(problems(withLine(6, 'turns: many'))).toEqual([expect.stringMatching(/^mini\.yaml:6:8: error: 'turns' should be a number, but it is the text "many"/)]);
    expect(problems(withLine(24, '    cost: "2"'))[0]).toMatch(/^mini\.yaml:24:11: error: 'cost' should be a number/);
  });

  it('an unknown key, with a did-you-mean', () => {
    expect(problems(withLine(25, '    efects:'))).toEqual([expect.stringMatching(/^mini\.yaml:25:5: error: unknown key 'efects' in decision 'summit'\. Did you mean 'effects'\?/)]);
  });

  it('a missing key says which and where', () => {
    expect(problems(withLine(6, '# turns: 4'))).toEqual([expect.stringMatching(/^mini\.yaml:3:1: error: missing 'turns' at the top of the scenario/)]);
  });

  it('an unknown reference, with a did-you-mean', () => {
    expect(problems(withLine(26, '      - {meter: trsut, add: 10}'))).toEqual(["mini.yaml:26:17: error: unknown meter 'trsut'. Did you mean 'trust'?"]);
    expect(problems(withLine(29, '    source: nishino2051'))[0]).toMatch(/^mini\.yaml:29:13: error: unknown source 'nishino2051'\. Did you mean 'nishino2015'\?/);
    expect(problems(withLine(27, '      - {meter: summit_held, set: true}'))[0]).toMatch(/'summit_held' is a flag, not a meter/);
  });

  it('a malformed expression points into the expression', () => {
    const lines = problems(withLine(38, '    trigger: {turn: 2, when: "trust > > 20"}'));
    expect(lines).toEqual([expect.stringMatching(/^mini\.yaml:38:\d+: error: cannot read the expression "trust > > 20"/)]);
    const col = Number(/:38:(\d+):/.exec(lines[0]!)![1]);
    expect(col).toBeGreaterThan('    trigger: {turn: 2, when: "'.length);
  });

  it('an expression of the wrong type or with an unknown name', () => {
    expect(problems(withLine(41, '  - {id: fatigue, when: "trust + 1", effects: [{meter: trust, add: -1}]}'))[0]).toMatch(/41:\d+: error: "trust \+ 1" gives a number where a condition/);
    const unknown = problems(withLine(41, '  - {id: fatigue, when: "trst > 1", effects: [{meter: trust, add: -1}]}'));
    expect(unknown[0]).toMatch(/^mini\.yaml:41:26: error: unknown name 'trst'.*Did you mean 'trust'\?/);
  });

  it('an expression that tries to reach constructor or a global', () => {
    for (const attempt of ['constructor', 'globalThis.process', 'trust.constructor', "trust['constructor']", 'this', 'eval(1)', 'Function("x")()']) {
      const lines = problems(withLine(41, `  - {id: fatigue, when: ${JSON.stringify(attempt)}, effects: [{meter: trust, add: -1}]}`));
      expect(lines, attempt).toHaveLength(1);
      expect(lines[0], attempt).toMatch(/^mini\.yaml:41:\d+: error: /);
    }
  });

  it('a __proto__ key', () => {
    const lines = problems(withLine(13, '  - {id: trust, label: Trust, start: 30, __proto__: {polluted: true}}'));
    expect(lines).toEqual([expect.stringMatching(/^mini\.yaml:13:\d+: error: the key '__proto__' is not allowed/)]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('a 10 MB file', () => {
    const big = MINI + '\n# ' + 'x'.repeat(10 * 1024 * 1024);
    expect(problems(big)).toEqual([expect.stringMatching(/^mini\.yaml:1:1: error: the file has \d+ characters; a scenario file may be at most 2 MB/)]);
    const bytes = loadScenarioBytes(FILE, new TextEncoder().encode(big));
    expect(bytes.ok).toBe(false);
  });

  it('reports every problem in a file, root causes first', () => {
    let text = withLine(26, '      - {meter: trsut, add: 10}');
    text = text.replace('source: nishino2015\n  - id: speech', 'source: nobody\n  - id: speech');
    const lines = problems(text);
    expect(lines.length).toBe(2);
    const [first, second] = lines.map((l) => Number(/:(\d+):/.exec(l)![1]));
    expect(first).toBeLessThan(second!);
  });

  it('a rule set that would loop', () => {
    const text = MINI.replace(/rules:\n.*\n/, 'rules:\n  - {id: a, after: [b], effects: [{meter: trust, add: 1}]}\n  - {id: b, after: [a], effects: [{meter: trust, add: 1}]}\n');
    expect(problems(text)).toEqual([expect.stringMatching(/error: these rules would loop, each waiting for the next: (a → b → a|b → a → b)/)]);
  });

  it('impossible ranges and ids used twice', () => {
    expect(problems(withLine(13, '  - {id: trust, label: Trust, min: 50, max: 10, start: 30}'))).toEqual([
      expect.stringMatching(/13:\d+: error: max \(10\) must be greater than min \(50\)/),
      expect.stringMatching(/13:\d+: error: start \(30\) is outside min\.\.max/),
    ]);
    expect(problems(withLine(15, '  - {id: trust, start: 0}')).join('\n')).toMatch(/15:\d+: error: the id 'trust' is used twice/);
  });
});

describe('no input can throw past the loader', () => {
  it('arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (text) => {
        const result = loadScenario(FILE, text);
        if (!result.ok) for (const p of result.problems) expect(formatProblem(p)).toMatch(LOCATED);
      }),
      { numRuns: 300 },
    );
  });

  it('the valid fixture with random lines deleted, duplicated or cut', () => {
    const lines = MINI.split('\n');
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(lines.length - 1), fc.constantFrom('delete', 'duplicate', 'cut'), fc.nat(80)), { minLength: 1, maxLength: 4 }), (edits) => {
        const copy = [...lines];
        for (const [i, how, at] of edits) {
          const line = copy[i % copy.length] ?? '';
          if (how === 'delete') copy.splice(i % copy.length, 1);
          else if (how === 'duplicate') copy.splice(i % copy.length, 0, line);
          else copy[i % copy.length] = line.slice(0, at);
        }
        const result = loadScenario(FILE, copy.join('\n'));
        if (!result.ok) {
          expect(result.problems.length).toBeGreaterThan(0);
          for (const p of result.problems) expect(formatProblem(p)).toMatch(LOCATED);
        }
      }),
      { numRuns: 300 },
    );
  });
});
