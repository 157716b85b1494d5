/**
 * Debrief questions: plain Text as before, or a mapping {text, guide, choices, key}; the checker's
 * rules for choices and the key, located at file:line:col with did-you-means.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Question } from '../engine/model';
import { loadScenario } from './load';
import { formatProblem } from './problems';
import { scenarioJsonSchema } from './schema';

const FILE = 'mini.yaml';
const MINI = readFileSync(new URL('../../tests/fixtures/mini.yaml', import.meta.url), 'utf8').trimEnd();
/** The fixture's last line: the questions block below starts on the line after it. */
const BASE = MINI.split('\n').length;

/** The fixture with a `questions:` block (lines given without the key) appended: its first entry is on line BASE + 2. */
function withQuestions(...lines: string[]): string {
  return `${MINI}\nquestions:\n${lines.join('\n')}\n`;
}

/** Line `n` of the questions block (1 = the first line after `questions:`). */
const line = (n: number): number => BASE + 1 + n;

function questions(text: string): readonly Question[] {
  const result = loadScenario(FILE, text);
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  return result.scenario.questions;
}

function problems(text: string): string[] {
  const result = loadScenario(FILE, text);
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.problems.map(formatProblem);
}

const LOCATED = /^mini\.yaml:\d+:\d+: error: \S/;

describe('questions compile from both forms', () => {
  it('a plain string and a language map become { text }', () => {
    const q = questions(withQuestions('  - Why did the summit fail?', '  - {en: Who moved first?, ja: 先に動いたのはどちらか。, ko: 누가 먼저 움직였나?}'));
    expect(q).toEqual([{ text: 'Why did the summit fail?' }, { text: { en: 'Who moved first?', ja: '先に動いたのはどちらか。', ko: '누가 먼저 움직였나?' } }]);
  });

  it('a question with a guide keeps the guide, and one with choices keeps them in order with the key', () => {
    const q = questions(
      withQuestions(
        '  - text: Why did the summit fail in turn 3?',
        '    guide: {en: A good answer names the dispute and the poll., ja: よい答えは争点と世論調査を挙げる。}',
        '  - text: Which argument best explains the ending?',
        '    choices:',
        '      - {id: linkage, text: Security and history are linked}',
        '      - {id: separate, text: {en: They can be kept apart, ko: 분리할 수 있다}}',
        '    key: linkage',
      ),
    );
    expect(q).toEqual([
      { text: 'Why did the summit fail in turn 3?', guide: { en: 'A good answer names the dispute and the poll.', ja: 'よい答えは争点と世論調査を挙げる。' } },
      {
        text: 'Which argument best explains the ending?',
        choices: [
          { id: 'linkage', text: 'Security and history are linked' },
          { id: 'separate', text: { en: 'They can be kept apart', ko: '분리할 수 있다' } },
        ],
        key: 'linkage',
      },
    ]);
    expect(Object.keys(q[0]!)).toEqual(['text', 'guide']);
  });

  it('guide and choices together, and the largest number of choices', () => {
    const ids = 'abcdefgh'.split('');
    const q = questions(
      withQuestions('  - text: Pick one', '    guide: Any answer with a reason is fine.', `    choices: [${ids.map((id) => `{id: ${id}, text: "Choice ${id}"}`).join(', ')}]`, '    key: h'),
    );
    expect(q[0]!.guide).toBe('Any answer with a reason is fine.');
    expect(q[0]!.choices!.map((c) => c.id)).toEqual(ids);
    expect(q[0]!.key).toBe('h');
  });

  it('a scenario without questions has none', () => {
    expect(questions(MINI)).toEqual([]);
  });
});

describe('the checker’s rules for questions', () => {
  it('a key without choices', () => {
    expect(problems(withQuestions('  - text: Why?', '    key: linkage'))).toEqual([
      `mini.yaml:${line(2)}:10: error: 'key:' names the right choice, but question 1 has no 'choices:'; add its choices or remove 'key:'`,
    ]);
  });

  it('choices without a key, pointing at the question', () => {
    expect(problems(withQuestions('  - Plain first', '  - text: Which?', '    choices: [{id: linkage, text: Linked}, {id: separate, text: Apart}]'))).toEqual([
      `mini.yaml:${line(2)}:5: error: missing 'key' in question 2: a question with 'choices:' needs 'key:', the id of the right choice (one of linkage, separate)`,
    ]);
  });

  it('a key that names no choice, with a did-you-mean over the choice ids', () => {
    const text = withQuestions('  - text: Which?', '    choices:', '      - {id: linkage, text: Linked}', '      - {id: separate, text: Apart}', '    key: linkgae');
    expect(problems(text)).toEqual([`mini.yaml:${line(5)}:10: error: the key 'linkgae' is not one of the choices of question 1 (linkage, separate). Did you mean 'linkage'?`]);
    // Nothing close: no guess, but the choices are named.
    expect(problems(text.replace('key: linkgae', 'key: history'))).toEqual([`mini.yaml:${line(5)}:10: error: the key 'history' is not one of the choices of question 1 (linkage, separate).`]);
  });

  it('a choice id used twice', () => {
    const text = withQuestions('  - text: Which?', '    choices:', '      - {id: linkage, text: Linked}', '      - {id: linkage, text: Apart}', '    key: linkage');
    expect(problems(text)).toEqual([`mini.yaml:${line(4)}:14: error: the choice id 'linkage' is used twice in question 1`]);
  });

  it('fewer than 2 or more than 8 choices', () => {
    expect(problems(withQuestions('  - text: Which?', '    choices:', '      - {id: only, text: The only one}', '    key: only'))).toEqual([
      `mini.yaml:${line(3)}:7: error: 'choices' needs at least 2 items; it has 1`,
    ]);
    const nine = 'abcdefghi'.split('').map((id) => `{id: ${id}, text: "${id}"}`);
    expect(problems(withQuestions('  - text: Which?', `    choices: [${nine.join(', ')}]`, '    key: a'))).toEqual([`mini.yaml:${line(2)}:14: error: 'choices' needs at most 8 items; it has 9`]);
  });

  it('a misspelt key of a question: did-you-mean among the question’s keys, and not also a missing key', () => {
    expect(problems(withQuestions('  - txet: Why?', '    guide: Names the poll.'))).toEqual([
      `mini.yaml:${line(1)}:5: error: unknown key 'txet' in question 1. Did you mean 'text'? Allowed here: text, guide, choices, key`,
    ]);
    expect(problems(withQuestions('  - text: Which?', '    choises: [{id: a, text: A}, {id: b, text: B}]', '    key: a'))).toEqual([
      `mini.yaml:${line(2)}:5: error: unknown key 'choises' in question 1. Did you mean 'choices'? Allowed here: text, guide, choices, key`,
    ]);
  });

  it('a misspelt language of a plain question is still a language map’s mistake', () => {
    expect(problems(withQuestions('  - {en: Why?, jp: なぜか。}'))).toEqual([`mini.yaml:${line(1)}:16: error: unknown key 'jp' in question 1. Did you mean 'ja'? Allowed here: en, ja, ko`]);
  });

  it('a question text that is not text, and a question that is neither text nor a mapping', () => {
    expect(problems(withQuestions('  - text: [Why, not]', '    guide: x'))).toEqual([`mini.yaml:${line(1)}:11: error: 'text' should be text, or a map of languages {en, ja, ko}, but it is a list`]);
    expect(problems(withQuestions('  - 42'))).toEqual([
      `mini.yaml:${line(1)}:5: error: 'questions' should be text, a map of languages {en, ja, ko}, or a question {text, guide, choices, key}, but it is the number 42`,
    ]);
  });

  it('a choice id that is not an id, and a choice without text', () => {
    const lines = problems(withQuestions('  - text: Which?', '    choices: [{id: Linked Issues, text: A}, {id: b}]', '    key: b'));
    expect(lines).toEqual([
      expect.stringMatching(new RegExp(`^mini\\.yaml:${line(2)}:20: error: 'id': an id is lower-case letters`)),
      `mini.yaml:${line(2)}:45: error: missing 'text' in choice 'b': it is required here`,
    ]);
  });
});

describe('the checks made while the scenario is put together are reported too', () => {
  it('a guide note after the last turn and a computer that values an unknown meter, as well as a question’s', () => {
    const text = `${MINI}\nguide: [{turn: 9, text: Late}]\nai: {tokyo: {meters: {trst: 1}}}\nquestions: [{text: Why?, key: a}]\n`;
    expect(problems(text)).toEqual([
      `mini.yaml:${BASE + 1}:16: error: turn 9 is after the last turn (4); this note would never be shown`,
      `mini.yaml:${BASE + 2}:29: error: unknown meter 'trst'. Did you mean 'trust'? The computer can only value meters listed under 'meters:'`,
      `mini.yaml:${BASE + 3}:31: error: 'key:' names the right choice, but question 1 has no 'choices:'; add its choices or remove 'key:'`,
    ]);
  });
});

describe('questions in the editor schema', () => {
  it('offers both forms with hover descriptions for every key of a question', () => {
    type Node = { $ref?: string; allOf?: Node[]; anyOf?: Node[]; properties?: Record<string, { description?: string }>; description?: string };
    const schema = scenarioJsonSchema() as { properties: { questions: { items: Node } }; definitions: Record<string, Node> };
    // Shared parts are named definitions ({$ref: '#/definitions/Question'}): read through them.
    const resolve = (n: Node): Node => {
      const ref = n.$ref ?? n.allOf?.[0]?.$ref;
      return ref ? { ...resolve(schema.definitions[ref.split('/').at(-1)!]!), ...(n.description && { description: n.description }) } : n;
    };
    const items = resolve(schema.properties.questions.items);
    expect(items.description).toMatch(/guide, choices, key/);
    const object = items.anyOf!.map(resolve).find((o) => o.properties?.text);
    expect(Object.keys(object!.properties!)).toEqual(['text', 'guide', 'choices', 'key']);
    for (const [key, value] of Object.entries(object!.properties!)) expect(value.description, key).toMatch(/\w/);
    expect(object!.properties!.guide!.description).toMatch(/never shown to the teams/i);
  });
});

describe('any list of questions', () => {
  const POOL = ['linkage', 'separate', 'lnkage', 'a', 'b'];
  const choice = fc.record({ id: fc.constantFrom(...POOL), text: fc.constantFrom('Linked', 'Apart', 'Both') });
  const entry = fc.oneof(
    fc.constantFrom<unknown>('Why?', { en: 'Why?', ja: 'なぜか。' }),
    fc.record(
      {
        text: fc.constantFrom<unknown>('Which?', { en: 'Which?', ko: '어느 것?' }),
        guide: fc.constant('A good answer names a turn.'),
        choices: fc.array(choice, { minLength: 0, maxLength: 9 }),
        key: fc.constantFrom(...POOL),
      },
      { requiredKeys: ['text'] },
    ),
  );

  /** What the rules say of one entry. */
  function valid(q: unknown): boolean {
    if (typeof q !== 'object' || q === null || !('text' in q)) return true;
    const { choices, key } = q as { choices?: { id: string }[]; key?: string };
    if (choices === undefined) return key === undefined;
    const ids = choices.map((c) => c.id);
    return ids.length >= 2 && ids.length <= 8 && new Set(ids).size === ids.length && key !== undefined && ids.includes(key);
  }

  it('checks clean exactly when every entry keeps the rules, compiles to what was written, and locates every problem in the questions', () => {
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 4 }), (list) => {
        const text = `${MINI}\nquestions: ${JSON.stringify(list)}\n`;
        const result = loadScenario(FILE, text);
        expect(result.ok).toBe(list.every(valid));
        if (result.ok) {
          expect(result.scenario.questions).toEqual(list.map((q) => (typeof q === 'object' && q !== null && 'text' in q ? q : { text: q })));
        } else {
          for (const p of result.problems) {
            expect(formatProblem(p)).toMatch(LOCATED);
            expect(p.line).toBe(BASE + 1);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
