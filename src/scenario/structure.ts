/**
 * The structural pass: the zod schema, with each issue turned into a sentence for a
 * person and located at the offending key or value.
 */
import type { z } from 'zod';
import { didYouMean, suggestion } from '../engine/didYouMean';
import type { DataPath, Locator } from './locate';
import { quoted, type Problem } from './problems';
import { ScenarioSchema, type ScenarioFile } from './schema';

type Issue = z.core.$ZodIssue;

export function checkStructure(file: string, value: unknown, locate: Locator): { ok: true; data: ScenarioFile } | { ok: false; problems: Problem[] } {
  return checkAgainst(ScenarioSchema, 'scenario', file, value, locate);
}

/** The same pass for any file the project reads as YAML (a scenario, a polls file): `what` names the file's kind in messages. */
export function checkAgainst<S extends z.ZodType>(schema: S, what: string, file: string, value: unknown, locate: Locator): { ok: true; data: z.output<S> } | { ok: false; problems: Problem[] } {
  const result = schema.safeParse(value);
  if (result.success) return { ok: true, data: result.data };
  const ctx: IssueContext = { file, root: value, locate, misspelt: new Set(), schema, what };
  const problems: Problem[] = [];
  const seen = new Set<string>();
  // A misspelt key also makes the real key "missing"; the typo is the root cause, so say only that.
  for (const issue of result.error.issues) {
    if (issue.code !== 'unrecognized_keys') continue;
    noteMisspelt(issue, [], ctx);
  }
  for (const issue of result.error.issues) {
    for (const p of describeIssue(issue, [], ctx)) {
      const key = `${p.line}:${p.col}:${p.message}`;
      if (!seen.has(key)) {
        seen.add(key);
        problems.push(p);
      }
    }
  }
  return { ok: false, problems };
}

/** Remembers the keys an unknown key was probably meant to be, so their "missing" is not reported too. */
function noteMisspelt(issue: Extract<Issue, { code: 'unrecognized_keys' }>, prefix: DataPath, ctx: IssueContext): void {
  const path = [...prefix, ...(issue.path as (string | number)[])];
  const allowed = allowedKeys(ctx.schema, path, ctx.root);
  for (const key of issue.keys) {
    const meant = didYouMean(key, allowed);
    if (meant !== undefined) ctx.misspelt.add(JSON.stringify([...path, meant]));
  }
}

interface IssueContext {
  readonly file: string;
  readonly root: unknown;
  readonly locate: Locator;
  /** Paths of keys that are missing only because they were misspelt (reported as the typo instead). */
  readonly misspelt: Set<string>;
  readonly schema: z.ZodType;
  /** What kind of file this is ("scenario"), for "at the top of the …". */
  readonly what: string;
}

function describeIssue(issue: Issue, prefix: DataPath, ctx: IssueContext): Problem[] {
  const { file, root, locate } = ctx;
  const path = [...prefix, ...(issue.path as (string | number)[])];
  const actual = valueAt(root, path);
  const name = keyName(path);
  const at = (pos: { line: number; col: number }, message: string): Problem[] => [{ file, line: pos.line, col: pos.col, stage: 'structure', message }];
  switch (issue.code) {
    case 'unrecognized_keys': {
      const allowed = allowedKeys(ctx.schema, path, root);
      return issue.keys.flatMap((key) =>
        at(locate.key(path, key), `unknown key '${key}'${where(path, root, ctx.what)}.${suggestion(key, allowed)}${allowed.length ? ` Allowed here: ${allowed.join(', ')}` : ''}`),
      );
    }
    case 'invalid_type': {
      if (actual === undefined) {
        if (ctx.misspelt.has(JSON.stringify(path))) return [];
        const parent = path.slice(0, -1);
        return at(locate.value(parent), `missing '${name}'${where(parent, root, ctx.what)}: ${expectedPhrase(issue.expected)} is required here`);
      }
      return at(locate.value(path), `'${name}' should be ${expectedPhrase(issue.expected)}, but it is ${kindOf(actual)}`);
    }
    case 'invalid_union': {
      // When the value is a mapping and one alternative is a mapping, that alternative's complaint is the useful one;
      // of several mappings (a question: {en, ja, ko} or {text, guide, choices, key}), the one that knows most of its keys.
      if (isPlainObject(actual)) {
        // A branch that refuses the mapping itself (text, or one of a fixed set of words) has nothing to say about its keys.
        const objectBranch = bestFit(
          issue.errors.filter((branch) => !branch.some((i) => (i.code === 'invalid_type' || i.code === 'invalid_value') && i.path.length === 0)),
          (branch) => branch.reduce((n, i) => n + (i.code === 'unrecognized_keys' && i.path.length === 0 ? i.keys.length : 0), 0),
        );
        if (objectBranch) {
          for (const i of objectBranch) if (i.code === 'unrecognized_keys') noteMisspelt(i, path, ctx);
          return objectBranch.flatMap((i) => describeIssue(i, path, ctx));
        }
      }
      if (actual === undefined) {
        if (ctx.misspelt.has(JSON.stringify(path))) return [];
        const parent = path.slice(0, -1);
        return at(locate.value(parent), `missing '${name}'${where(parent, root, ctx.what)}: it is required here`);
      }
      // A word where one of a fixed set of words belongs (visibility: hdden) is a misspelt word, whatever else the union allows.
      const words = typeof actual === 'string' ? issue.errors.find((branch) => branch.length === 1 && branch[0]?.code === 'invalid_value' && branch[0].path.length === 0) : undefined;
      if (words) return describeIssue(words[0]!, path, ctx);
      return at(locate.value(path), `'${name}' should be ${unionPhrase(issue)}, but it is ${kindOf(actual)}`);
    }
    case 'invalid_value': {
      const options = issue.values.map((v) => String(v));
      const given = typeof actual === 'string' ? actual : String(actual);
      if (actual === undefined) {
        if (ctx.misspelt.has(JSON.stringify(path))) return [];
        return at(locate.value(path.slice(0, -1)), `missing '${name}'${where(path.slice(0, -1), root, ctx.what)}: one of ${options.join(', ')}`);
      }
      return at(
        locate.value(path),
        `'${name}' must be ${options.length === 1 ? options[0] : `one of ${options.join(', ')}`}, not ${quoted(typeof actual === 'string' ? given : actual)}.${suggestion(given, options)}`,
      );
    }
    case 'too_small':
    case 'too_big': {
      if (issue.code === 'too_big' && issue.origin === 'string' && typeof actual === 'string') return at(locate.value(path), tooLong(path, root, ctx.what, actual, Number(issue.maximum)));
      const bound = String(issue.code === 'too_small' ? issue.minimum : issue.maximum);
      const word = issue.code === 'too_small' ? 'at least' : 'at most';
      const what =
        issue.origin === 'array' ? `needs ${word} ${bound} item${bound === '1' ? '' : 's'}` : issue.origin === 'string' ? `must be ${word} ${bound} characters long` : `must be ${word} ${bound}`;
      const count = Array.isArray(actual) ? `; it has ${actual.length}` : `, not ${quoted(actual)}`;
      return at(locate.value(path), `'${name}' ${what}${count}`);
    }
    default: {
      // A value refused by a check (an id's pattern, a date's form, a finite number): say which value.
      const shown = actual === undefined || isPlainObject(actual) || Array.isArray(actual) ? '' : `, not ${quoted(actual)}`;
      return at(locate.value(path), `'${name}': ${issue.message}${shown}`);
    }
  }
}

/**
 * A text longer than its kind may be (src/scenario/limits.ts): which field, where, how long it is
 * and how long it may be, and how it begins (to find it in a long file).
 */
function tooLong(path: DataPath, root: unknown, what: string, text: string, max: number): string {
  let i = path.length;
  while (i > 0 && typeof path[i - 1] === 'string') i--;
  const tail = path.slice(i).join('.');
  // A text that is an item of a list (a question, a turn's label) has no key of its own: say which item.
  const field = tail
    ? `'${tail}'${i > 0 ? where(path.slice(0, i), root, what) : ''}`
    : `item ${Number(path[i - 1]) + 1} of '${keyName(path.slice(0, i - 1))}'${where(path.slice(0, i - 1), root, what).replace(/ at the top of the \w+| in '[^']*'$/, '')}`;
  return `${field} is ${text.length} characters long, but may be at most ${max}: shorten it (it begins ${quoted(text)})`;
}

function keyName(path: DataPath): string {
  for (let i = path.length - 1; i >= 0; i--) if (typeof path[i] === 'string') return path[i] as string;
  return 'scenario';
}

/** " in decision 'summit'" — names the nearest enclosing item with an id. */
function where(path: DataPath, root: unknown, what: string): string {
  for (let i = path.length; i > 0; i--) {
    const step = path[i - 1];
    if (typeof step !== 'number') continue;
    const item = valueAt(root, path.slice(0, i));
    const list = String(path[i - 2] ?? 'item');
    const singular = SINGULAR[list] ?? list;
    const id = isPlainObject(item) && typeof item.id === 'string' ? ` ${quoted(item.id)}` : ` ${step + 1}`;
    return ` in ${singular}${id}`;
  }
  if (path.length > 0) return ` in '${keyName(path)}'`;
  return ` at the top of the ${what}`;
}

const SINGULAR: Record<string, string> = {
  meters: 'meter',
  counters: 'counter',
  flags: 'flag',
  decisions: 'decision',
  events: 'event',
  rules: 'rule',
  endings: 'ending',
  sources: 'source',
  choices: 'choice',
  questions: 'question',
  labels: 'label',
  effects: 'effect',
  then: 'effect',
  else: 'effect',
  declined: 'effect',
};

function expectedPhrase(expected: string): string {
  switch (expected) {
    case 'object':
      return 'a mapping (indented key: value lines)';
    case 'array':
      return 'a list (lines starting with "- ")';
    case 'string':
      return 'text';
    case 'number':
      return 'a number';
    case 'boolean':
      return 'true or false';
    default:
      return expected;
  }
}

function unionPhrase(issue: Extract<Issue, { code: 'invalid_union' }>): string {
  const kinds = new Set<string>();
  let mappings = 0;
  for (const branch of issue.errors) {
    const top = branch.find((i) => i.path.length === 0);
    if (top?.code === 'invalid_type') kinds.add(top.expected);
    else if (top?.code === 'invalid_value') kinds.add('enum');
    if (top?.code === 'invalid_type' && top.expected === 'object') mappings++;
  }
  if (kinds.has('object') && kinds.has('string') && mappings > 1) return 'text, a map of languages {en, ja, ko}, or a question {text, guide, choices, key}';
  if (kinds.has('object') && kinds.has('string')) return 'text, or a map of languages {en, ja, ko}';
  if (kinds.has('number') && kinds.has('string')) return 'a number or an expression in quotes';
  if (kinds.has('boolean') && kinds.has('string')) return 'true, false or a condition in quotes';
  if (kinds.has('number') && kinds.has('array')) return 'a turn number or a list of turn numbers';
  if (kinds.has('enum') && kinds.has('object')) return 'exact, poll or hidden, or a mapping {tokyo, seoul}';
  return [...kinds].map(expectedPhrase).join(' or ');
}

function kindOf(value: unknown): string {
  if (value === null) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (isPlainObject(value)) return 'a mapping';
  if (typeof value === 'string') return `the text ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'boolean') return String(value);
  return typeof value;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function valueAt(root: unknown, path: DataPath): unknown {
  let v: unknown = root;
  for (const step of path) {
    if (Array.isArray(v) && typeof step === 'number') v = v[step];
    else if (isPlainObject(v) && typeof step === 'string' && Object.hasOwn(v, step)) v = v[step];
    else return undefined;
  }
  return v;
}

/**
 * The keys the schema allows for the object at `path`, for did-you-mean and the "allowed here" list.
 * Where a union offers several mappings, the one that knows most of the keys written in `root` there.
 */
function allowedKeys(top: z.ZodType, path: DataPath, root: unknown): string[] {
  let schema: unknown = top;
  for (const [i, step] of path.entries()) {
    schema = unwrapToObjectOrArray(schema, typeof step === 'number' ? 'array' : 'object', valueAt(root, path.slice(0, i)));
    const def = defOf(schema);
    if (!def) return [];
    if (def.type === 'array') schema = def.element;
    else if (def.type === 'object') schema = (def.shape as Record<string, unknown>)[step as string];
    else if (def.type === 'record') schema = def.valueType;
    else return [];
  }
  const def = defOf(unwrapToObjectOrArray(schema, 'object', valueAt(root, path)));
  if (def?.type === 'object') return Object.keys(def.shape as Record<string, unknown>);
  // A map whose keys are a fixed set of words (ai leanings: the categories).
  if (def?.type === 'record') return enumValues(def.keyType);
  return [];
}

function enumValues(schema: unknown): string[] {
  const def = defOf(schema);
  return def?.type === 'enum' && def.entries ? Object.values(def.entries).map(String) : [];
}

/** The first of the items with the lowest cost (undefined for none). */
function bestFit<T>(items: readonly T[], cost: (item: T) => number): T | undefined {
  let best: T | undefined;
  let lowest = Infinity;
  for (const item of items) {
    const c = cost(item);
    if (c < lowest) {
      best = item;
      lowest = c;
    }
  }
  return best;
}

interface LooseDef {
  type: string;
  shape?: unknown;
  element?: unknown;
  innerType?: unknown;
  options?: unknown[];
  getter?: () => unknown;
  in?: unknown;
  keyType?: unknown;
  valueType?: unknown;
  entries?: Record<string, unknown>;
}

function defOf(schema: unknown): LooseDef | undefined {
  return (schema as { _zod?: { def?: LooseDef } } | undefined)?._zod?.def;
}

/** `value`: what the file has there, to choose among a union's mappings. */
function unwrapToObjectOrArray(schema: unknown, want: 'object' | 'array', value?: unknown): unknown {
  for (let guard = 0; guard < 20; guard++) {
    const def = defOf(schema);
    if (!def) return schema;
    if (def.type === want || (want === 'object' && def.type === 'record')) return schema;
    if (def.type === 'optional' || def.type === 'default' || def.type === 'nullable' || def.type === 'prefault') schema = def.innerType;
    else if (def.type === 'lazy' && def.getter) schema = def.getter();
    else if (def.type === 'pipe') schema = def.in;
    else if (def.type === 'union' && def.options) {
      const fitting = def.options.filter((o) => defOf(unwrapToObjectOrArray(o, want))?.type === want);
      const written = want === 'object' && isPlainObject(value) ? Object.keys(value) : [];
      schema =
        bestFit(fitting, (o) => {
          const shape = defOf(unwrapToObjectOrArray(o, want))?.shape as Record<string, unknown> | undefined;
          return written.filter((k) => !shape || !Object.hasOwn(shape, k)).length;
        }) ?? def.options[0];
    } else return schema;
  }
  return schema;
}
