/**
 * Every place a scenario names something (a meter, counter, flag, decision, event, rule or source, in
 * a field or inside an expression, or one of a fixed set of words) is checked: a misspelt name there
 * is a located problem with a did-you-mean. The places are found by walking the schema itself, so a
 * new field that names something fails here until it has a row in the table, and so a check.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenario } from './load';
import { formatProblem } from './problems';
import { Effect, ScenarioSchema } from './schema';

const FILE = 'every_reference.yaml';
const FIXTURE = readFileSync(new URL('../../tests/fixtures/every_reference.yaml', import.meta.url), 'utf8');

interface Def {
  type: string;
  innerType?: unknown;
  in?: unknown;
  getter?: () => unknown;
  shape?: Record<string, unknown>;
  element?: unknown;
  options?: unknown[];
  keyType?: unknown;
  valueType?: unknown;
  checks?: { _zod: { def: { format?: string; pattern?: RegExp } } }[];
}
const defOf = (schema: unknown): Def => (schema as { _zod: { def: Def } })._zod.def;

function unwrap(schema: unknown): unknown {
  for (;;) {
    const def = defOf(schema);
    if (def.type === 'optional' || def.type === 'default' || def.type === 'nullable' || def.type === 'prefault') schema = def.innerType;
    else if (def.type === 'pipe') schema = def.in;
    else if (def.type === 'lazy') schema = def.getter!();
    else return schema;
  }
}

const isId = (def: Def): boolean => def.type === 'string' && (def.checks ?? []).some((c) => c._zod.def.format === 'regex' && c._zod.def.pattern?.source === '^[a-z][a-z0-9_]*$');

/**
 * The places that name something, as patterns: `decisions[].source`, `ai.tokyo.leanings{}` (a map's
 * keys), `Effect.meter` (a field of every effect), `effects@rules[].effects` (a list of effects).
 * A field called `id` defines a name rather than naming one.
 */
function referencePlaces(): string[] {
  const places = new Set<string>();
  const walk = (raw: unknown, at: string): void => {
    const schema = unwrap(raw);
    const def = defOf(schema);
    if (schema === Effect && at !== 'Effect') {
      places.add(`effects@${at.replace(/\[\]$/, '')}`);
      if (!places.has('Effect')) {
        places.add('Effect');
        walk(schema, 'Effect');
      }
      return;
    }
    switch (def.type) {
      case 'object':
        for (const [key, field] of Object.entries(def.shape!)) if (key !== 'id') walk(field, at ? `${at}.${key}` : key);
        return;
      case 'array':
        return walk(def.element, `${at}[]`);
      case 'record':
        places.add(`${at}{}`);
        return;
      case 'enum':
        places.add(at);
        return;
      case 'union': {
        const kinds = def.options!.map((o) => defOf(unwrap(o)).type);
        // An expression: a number or true/false, or a formula naming meters, counters and flags.
        if (kinds.includes('string') && (kinds.includes('number') || kinds.includes('boolean'))) places.add(at);
        else for (const option of def.options!) walk(option, at);
        return;
      }
      case 'string':
        if (isId(def)) places.add(at);
        return;
      default:
        return;
    }
  };
  walk(ScenarioSchema, '');
  places.delete('Effect');
  return [...places].sort();
}

/**
 * For each place: the text of the fixture that holds a name there, and the name to misspell in it.
 * The misspelling drops the name's second letter (a slip the did-you-mean must catch).
 */
const TABLE: Record<string, [context: string, name: string]> = {
  difficulty: ['difficulty: easy', 'easy'],
  'sides.tokyo.capital': ['capital: "2 + dialogue"', 'dialogue'],
  'sides.tokyo.score': ['score: "trust"}\n  seoul', 'trust'],
  'sides.seoul.capital': ['capital: "1 + dialogue"', 'dialogue'],
  'sides.seoul.score': ['score: "trust + dialogue"', 'dialogue'],
  'ai.tokyo.meters{}': ['meters: {trust: 1}', 'trust'],
  'ai.tokyo.leanings{}': ['leanings: {summit: 2}', 'summit'],
  'ai.seoul.meters{}': ['meters: {trust: 2}', 'trust'],
  'ai.seoul.leanings{}': ['leanings: {history: 1}', 'history'],
  'guide[].side': ['side: tokyo, text', 'tokyo'],
  'questions[].key': ['key: yes_one', 'yes_one'],
  'meters[].visibility': ['visibility: hidden', 'hidden'],
  'meters[].visibility.tokyo': ['{tokyo: exact, seoul', 'exact'],
  'meters[].visibility.seoul': ['seoul: poll}', 'poll'],
  'meters[].poll_error': ['10 - dialogue', 'dialogue'],
  'decisions[].side': ['side: both', 'both'],
  'decisions[].category': ['category: summit', 'summit'],
  'decisions[].when': ['when: "not summit_held"', 'summit_held'],
  'effects@decisions[].effects': ['{meter: trust, add: "mood', 'trust'],
  'effects@decisions[].declined': ['declined: [{meter: mood', 'mood'],
  'decisions[].source': ['source: nishino\nevents', 'nishino'],
  'Effect.meter': ['{meter: trust, add: "mood', 'trust'],
  'Effect.counter': ['{counter: dialogue', 'dialogue'],
  'Effect.flag': ['{flag: summit_held', 'summit_held'],
  'Effect.add': ['add: "mood / 10"', 'mood'],
  'Effect.set': ['set: "mood > 40"', 'mood'],
  'Effect.multiply': ['multiply: "1 + mood', 'mood'],
  'Effect.if': ['if: "trust < 90"', 'trust'],
  'Effect.fire': ['{fire: crisis}', 'crisis'],
  'effects@Effect.then': ['then: [{meter: trust', 'trust'],
  'effects@Effect.else': ['else: [{meter: mood', 'mood'],
  'events[].trigger.when': ['when: "trust > 20"', 'trust'],
  'effects@events[].effects': ['effects: [{meter: mood, add: -2}]', 'mood'],
  'events[].response.side': ['side: seoul\n', 'seoul'],
  'effects@events[].response.choices[].effects': ['Calm, effects: [{meter: trust', 'trust'],
  'events[].response.default': ['default: calm', 'calm'],
  'events[].source': ['source: nishino\nrules', 'nishino'],
  'rules[].when': ['taken(summit, 2)', 'summit'],
  'rules[].after[]': ['after: [base]', 'base'],
  'effects@rules[].effects': ['effects: [{meter: trust, add: 0}]', 'trust'],
  'rules[].source': ['source: nishino}\nendings', 'nishino'],
  'endings[].kind': ['kind: immediate', 'immediate'],
  'endings[].when': ['when: "trust >= 90"', 'trust'],
  'endings[].outcome.tokyo': ['{tokyo: win', 'win'],
  'endings[].outcome.seoul': ['seoul: draw}', 'draw'],
  'endings[].source': ['source: nishino}\n  - {id: done', 'nishino'],
};

/** Expressions also name decisions and events (taken(), fired()): misspelt there too. */
const IN_FUNCTIONS: [context: string, name: string][] = [
  ['taken(summit, 2)', 'summit'],
  ['fired(crisis)', 'crisis'],
];

const misspell = (name: string): string => name[0]! + name.slice(2);

function mutate(context: string, name: string): { text: string; line: number } {
  const at = FIXTURE.indexOf(context);
  expect(at, `the fixture holds ${JSON.stringify(context)}`).toBeGreaterThanOrEqual(0);
  expect(FIXTURE.indexOf(context, at + 1), `${JSON.stringify(context)} is unique in the fixture`).toBe(-1);
  const inContext = context.indexOf(name);
  const text = FIXTURE.slice(0, at + inContext) + misspell(name) + FIXTURE.slice(at + inContext + name.length);
  return { text, line: FIXTURE.slice(0, at + inContext).split('\n').length };
}

describe('every place a scenario names something', () => {
  it('the fixture checks clean', () => {
    const result = loadScenario(FILE, FIXTURE);
    expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([]);
  });

  it('has a row in the table (a new field that names something needs a check and a row here)', () => {
    expect(Object.keys(TABLE).sort()).toEqual(referencePlaces());
  });

  it.each([...Object.entries(TABLE).map(([place, [context, name]]) => [place, context, name] as const), ...IN_FUNCTIONS.map(([c, n]) => [c, c, n] as const)])(
    '%s: a misspelt name is a located problem with a did-you-mean',
    (_place, context, name) => {
      const { text, line } = mutate(context, name);
      const result = loadScenario(FILE, text);
      expect(result.ok, `'${misspell(name)}' passed silently`).toBe(false);
      if (result.ok) return;
      const shown = result.problems.map(formatProblem);
      expect(shown).toEqual([expect.stringMatching(new RegExp(`^${FILE}:${line}:\\d+: error: .*Did you mean '${name}'\\?`))]);
    },
  );
});
