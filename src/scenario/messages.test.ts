/**
 * What the checker's messages promise an author: an unknown key comes with the keys allowed there,
 * a refused value is quoted, one slip of indentation is one message that names the line, and goals
 * that promise a threshold the winning ending does not check are a warning that does not stop the file.
 */
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { isMap, parseDocument, type YAMLMap } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadScenario } from './load';
import { formatProblem, isWarning } from './problems';

const read = (path: string): string => readFileSync(new URL(path, import.meta.url), 'utf8');
const EVERY = read('../../tests/fixtures/every_reference.yaml');
const PILOT = read('../../tests/fixtures/scenarios/classroom_pilot.yaml');
const MINI = read('../../tests/fixtures/mini.yaml');

function problems(text: string, file = 'x.yaml'): string[] {
  const result = loadScenario(file, text);
  return result.ok ? result.warnings.map(formatProblem) : result.problems.map(formatProblem);
}

/** Every mapping of the file whose keys the format fixes (not the maps of meter weights, whose keys are meters). */
function fixedKeyMaps(text: string): YAMLMap[] {
  const doc = parseDocument(text);
  const maps: YAMLMap[] = [];
  const walk = (node: unknown, key: string): void => {
    if (isMap(node)) {
      if (key !== 'meters' || !(node.items[0]?.value as { constructor?: unknown } | undefined) || !isMap(node)) maps.push(node);
      for (const pair of node.items) walk(pair.value, String((pair.key as { value?: unknown }).value));
    } else if (node && typeof node === 'object' && 'items' in node) for (const item of (node as { items: unknown[] }).items) walk(item, key);
  };
  walk(doc.contents, '');
  // The ai's meter weights are a map keyed by meter ids: an unknown one is an unknown meter, said by the meaning pass.
  return maps.filter((m) => !m.items.every((p) => typeof (p.value as { value?: unknown } | null)?.value === 'number' && /^(trust|mood)$/.test(String((p.key as { value?: unknown }).value))));
}

describe('an unknown key', () => {
  const maps = fixedKeyMaps(EVERY);

  it('anywhere in the file, comes with the keys allowed there, and a did-you-mean when one is near', () => {
    expect(maps.length).toBeGreaterThan(30);
    fc.assert(
      fc.property(fc.nat(maps.length - 1), fc.stringMatching(/^[a-z]{3,8}$/), (which, word) => {
        const doc = parseDocument(EVERY);
        const target = fixedKeyMaps(EVERY)[which]!;
        const known = target.items.map((p) => String((p.key as { value?: unknown }).value));
        if (known.includes(`zz${word}`)) return;
        // The same map in this copy of the document: found again by position.
        let copy: YAMLMap | undefined;
        const walk = (node: unknown): void => {
          if (copy) return;
          if (isMap(node) && node.range?.[0] === target.range?.[0]) copy = node;
          else if (node && typeof node === 'object' && 'items' in node) for (const item of (node as { items: unknown[] }).items) walk(isMap(node) ? (item as { value: unknown }).value : item);
        };
        walk(doc.contents);
        copy!.set(`zz${word}`, 1);
        const lines = problems(doc.toString());
        const unknown = lines.find((l) => l.includes(`unknown key 'zz${word}'`));
        expect(unknown, lines.join('\n')).toMatch(/ Allowed here: [a-z_]+(, [a-z_]+)*$/);
      }),
      { numRuns: 150 },
    );
  });

  it('a near miss gets a did-you-mean and the list, also in the nested maps (ai, leanings, visibility, perceived, outcome)', () => {
    const cases: [string, string, RegExp][] = [
      [
        'leanings: {summit: 2}',
        'leanings: {sumit: 2}',
        /unknown key 'sumit' in 'leanings'\. Did you mean 'summit'\? Allowed here: summit, history, north_korea, china, economy, public, security, other$/,
      ],
      ['  tokyo: {meters: {trust: 1}', '  tokyo: {metres: {trust: 1}', /unknown key 'metres' in 'tokyo'\. Did you mean 'meters'\? Allowed here: meters, leanings$/],
      ['visibility: {tokyo: exact', 'visibility: {tokio: exact', /unknown key 'tokio' in meter 'trust'\. Did you mean 'tokyo'\? Allowed here: tokyo, seoul$/],
      ['outcome: {tokyo: win', 'outcome: {tokio: win', /unknown key 'tokio' in ending 'good'\. Did you mean 'tokyo'\? Allowed here: tokyo, seoul$/],
      [
        'then: [{meter: trust',
        'then: [{metre: trust',
        /unknown key 'metre' in effect 1\. Did you mean 'meter'\? Allowed here: meter, counter, flag, add, set, multiply, if, chance, delay, fire, then, else$/,
      ],
    ];
    for (const [from, to, expected] of cases) {
      expect(EVERY.includes(from), from).toBe(true);
      expect(problems(EVERY.replace(from, to)), to).toEqual([expect.stringMatching(expected)]);
    }
  });

  it('is said alone: the key it was meant to be is not also "missing"', () => {
    expect(problems(EVERY.replace('kind: immediate', 'knd: immediate'))).toEqual([expect.stringMatching(/unknown key 'knd' in ending 'good'\. Did you mean 'kind'\?/)]);
  });
});

describe('a refused value is quoted in the message', () => {
  const mini = (line: number, text: string): string => {
    const lines = MINI.split('\n');
    lines[line - 1] = text;
    return lines.join('\n');
  };
  it.each([
    ['a number above its range', mini(24, '    cost: 120'), "'cost' must be at most 99, not 120"],
    ['a number below its range', mini(13, '  - {id: trust, label: Trust, start: 30, drift: -0.5}'), "'drift' must be at least 0, not -0.5"],
    ['a bad id', mini(4, 'id: Mini Scenario'), "'id': an id is lower-case letters, digits and _ and starts with a letter (e.g. gov_trust), not 'Mini Scenario'"],
    ['a long bad id, shortened', mini(4, `id: ${'x'.repeat(70)}`), `'id' is 70 characters long, but may be at most 64: shorten it (it begins '${'x'.repeat(40)}…')`],
    ['a word not in its set', mini(32, '    category: pubic'), "'category' must be one of summit, history, north_korea, china, economy, public, security, other, not 'pubic'. Did you mean 'public'?"],
    [
      'a word where a word or a mapping belongs',
      mini(13, '  - {id: trust, label: Trust, start: 30, visibility: pol}'),
      "'visibility' must be one of exact, poll, hidden, not 'pol'. Did you mean 'poll'?",
    ],
    ['an expression with a ?:', mini(38, '    trigger: {turn: 2, when: "trust > 20 ? true : false"}'), '("trust > 20 ? true : false")'],
    ['a flag set to a number', mini(27, '      - {flag: summit_held, set: 3}'), 'not a number (3)'],
    ['a list too short', MINI.replace(/endings:\n.*/, 'endings: []'), "'endings' needs at least 1 item; it has 0"],
  ])('%s', (_what, text, expected) => {
    expect(problems(text, 'mini.yaml').join('\n')).toContain(expected);
  });
});

describe('a slip of indentation', () => {
  const shifted = (text: string, line: number, by: number): string => {
    const lines = text.split('\n');
    lines[line - 1] = by > 0 ? ' '.repeat(by) + lines[line - 1] : lines[line - 1]!.slice(-by);
    return lines.join('\n');
  };

  it.each([
    ['a key one space short', 83, -1, 'line 83 is indented 3 spaces; the lines around it use 4'],
    ['a key one space over', 83, 1, 'line 83 is indented 5 spaces; the lines around it use 4'],
    ['the first key of a block, over', 27, 1, 'line 27 is indented 5 spaces; the lines around it use 4'],
    ['the first key of a block, short (the parser stumbles on the next line)', 27, -1, 'line 27 is indented 3 spaces; the lines around it use 4'],
    ['a list item short', 88, -1, 'line 88 is indented 5 spaces; the lines around it use 6'],
    ['a list item over', 88, 1, 'line 88 is indented 7 spaces; the lines around it use 6'],
    ['the first item of a list, over', 38, 1, 'line 38 is indented 3 spaces; the lines around it use 2'],
    ['the first item of a list, short', 38, -1, 'line 38 is indented 1 space; the lines around it use 2'],
    ['a line of block text', 12, -1, 'line 12 is indented 1 space; the lines around it use 2'],
    ['the first line of the file', 4, 1, 'line 4 is indented 1 space; the lines around it use 0'],
  ])('%s is one message that names the line', (_what, line, by, expected) => {
    const lines = problems(shifted(PILOT, line, by), 'p.yaml');
    expect(lines).toEqual([
      `p.yaml:${line}:1: error: ${expected}. YAML reads indentation as structure: indent it by ${expected.split(' use ')[1]} space${expected.endsWith(' 1') ? '' : 's'} like its neighbours`,
    ]);
  });

  it('of any line, by one or two spaces, is never a cascade, and by one space is mostly named as that line', () => {
    const lines = PILOT.split('\n');
    const structural = lines.map((l, i) => [l, i + 1] as const).filter(([l]) => l.trim() !== '' && !l.trim().startsWith('#'));
    let syntaxByOne = 0;
    let named = 0;
    fc.assert(
      fc.property(fc.constantFrom(...structural), fc.constantFrom(-2, -1, 1, 2), ([text, line], by) => {
        if (by < 0 && !text.startsWith(' '.repeat(-by))) return;
        const result = loadScenario('p.yaml', shifted(PILOT, line, by));
        if (result.ok) return;
        const yaml = result.problems.filter((p) => p.stage === 'yaml' && !/appears twice/.test(p.message));
        if (yaml.length === 0) return;
        expect(yaml, yaml.map(formatProblem).join('\n')).toHaveLength(1);
        if (Math.abs(by) > 1) return;
        syntaxByOne++;
        if (yaml[0]!.line === line && /is indented/.test(yaml[0]!.message)) named++;
      }),
      { numRuns: 300 },
    );
    // Measured on this file, one space either way: about nine in ten; two items of a list are a coin toss
    // when one slips. Two spaces often land on a level that is legal there, and the parser's own error follows.
    expect(named / syntaxByOne).toBeGreaterThan(0.8);
  });
});

describe('goals that name a threshold the ending does not check', () => {
  const withGoal = (goals: string, when = 'gov_trust >= 40'): string =>
    PILOT.replace('goals: "Keep the Cabinet\'s approval at 30% or more and rebuild some trust with Seoul."', `goals: "${goals}"`).replace('when: "gov_trust >= 40"', `when: "${when}"`);

  it('are a warning at the goals, and the file still loads', () => {
    const result = loadScenario('p.yaml', withGoal('Keep trust above 60 and your approval.', 'gov_trust >= 50'));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.warnings.map(formatProblem)).toEqual([
      "p.yaml:28:12: warning: the goals of tokyo say 'trust above 60', but the ending 'thaw' that tokyo wins needs gov_trust >= 50; make the goals and the ending say the same number",
    ]);
    expect(result.warnings.every(isWarning)).toBe(true);
  });

  it.each([
    ['the same number', 'Keep trust above 50.', 'gov_trust >= 50'],
    ['a number the goals give for another meter', 'Keep approval at 60% or more and trust above 40.', 'gov_trust >= 40'],
    ['a bound of the other direction', 'Keep trust below 60.', 'gov_trust >= 50'],
    ['no number', 'Rebuild trust.', 'gov_trust >= 50'],
    ['a number that is the edge of a loss', 'Keep trust at 20 or more.', 'gov_trust >= 50 and gov_trust >= 20'],
  ])('are no warning with %s', (_what, goals, when) => {
    const result = loadScenario('p.yaml', withGoal(goals, when));
    expect(result.ok ? result.warnings.map(formatProblem) : result.problems.map(formatProblem)).toEqual([]);
  });

  it('none in the shipped scenarios', () => {
    const dir = new URL('../../scenarios/', import.meta.url);
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.yaml'))) {
      const result = loadScenario(file, readFileSync(new URL(file, dir), 'utf8'));
      expect(result.ok ? result.warnings.map(formatProblem) : result.problems.map(formatProblem), file).toEqual([]);
    }
  });
});
