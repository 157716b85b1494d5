/**
 * Every text an author writes has a most characters it may hold (src/scenario/limits.ts): the JSON
 * Schema editors read says so for every one, docs/authoring.md lists exactly those, and the checker
 * refuses one character more in any of them, naming the field, its limit and the length it found.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { TEXT_LIMITS } from './limits';
import { loadScenario } from './load';
import { scenarioJsonSchema } from './schema';

type Json = { [key: string]: unknown };

/** Every text field of the format with its limit, as the JSON Schema states them ("decisions[].title" → 160). */
function textFieldsOfSchema(): Map<string, number> {
  const schema = scenarioJsonSchema() as Json & { definitions: Record<string, Json> };
  const found = new Map<string, number>();
  const record = (path: string, max: unknown): void => {
    expect(typeof max, path).toBe('number');
    expect(found.get(path) ?? max, `${path} has two limits`).toBe(max);
    found.set(path, max as number);
  };
  const walk = (node: Json, path: string, seen: readonly string[]): void => {
    const ref = typeof node.$ref === 'string' ? node.$ref.replace('#/definitions/', '') : undefined;
    if (ref !== undefined) {
      const def = schema.definitions[ref]!;
      // A text kind: a string of at most its limit, or the map of languages of the same.
      if (/(Text|Translations)$/.test(ref)) return record(path, ((def.anyOf as Json[] | undefined)?.[0] ?? (def.properties as Record<string, Json>).en)!.maxLength);
      // Effects nest effects, and hold no text.
      if (!seen.includes(ref)) walk(def, path, [...seen, ref]);
      return;
    }
    for (const key of ['allOf', 'anyOf', 'oneOf'] as const) for (const part of (node[key] as Json[] | undefined) ?? []) walk(part, path, seen);
    // A plain string with a limit that is not an id (ids have a pattern and are never shown).
    if (node.type === 'string' && node.maxLength !== undefined && node.pattern === undefined) record(path, node.maxLength);
    for (const [key, value] of Object.entries((node.properties as Record<string, Json> | undefined) ?? {})) walk(value, path ? `${path}.${key}` : key, seen);
    if (node.items && typeof node.items === 'object') walk(node.items as Json, `${path}[]`, seen);
  };
  walk(schema, '', []);
  return found;
}

/** The limits table of docs/authoring.md: each row a limit and the fields that have it. */
function textFieldsOfDocs(): Map<string, number> {
  const docs = readFileSync(new URL('../../docs/authoring.md', import.meta.url), 'utf8');
  const start = docs.indexOf('### How long a text may be');
  expect(start, 'docs/authoring.md has a section "How long a text may be"').toBeGreaterThan(0);
  const section = docs.slice(start, docs.indexOf('\n#', start + 1));
  const found = new Map<string, number>();
  for (const row of section.split('\n').filter((line) => /^\| *[\d,]+ *\|/.test(line))) {
    const max = Number(/^\| *([\d,]+)/.exec(row)![1]!.replace(/,/g, ''));
    for (const [, field] of row.matchAll(/`([a-z_.[\]]+)`/g)) found.set(field!, max);
  }
  return found;
}

describe('the limits on text', () => {
  const fields = textFieldsOfSchema();

  it('cover every text of the format, one kind each, as docs/authoring.md lists them', () => {
    // Spot checks of the kinds, so a field cannot silently move to a longer one.
    expect(fields.get('meters[].label')).toBe(TEXT_LIMITS.label);
    expect(fields.get('title')).toBe(TEXT_LIMITS.title);
    expect(fields.get('decisions[].explain')).toBe(TEXT_LIMITS.sentence);
    expect(fields.get('questions[]')).toBe(TEXT_LIMITS.sentence);
    expect(fields.get('briefing')).toBe(TEXT_LIMITS.briefing);
    expect(fields.size).toBeGreaterThan(40);
    expect(Object.fromEntries(textFieldsOfDocs())).toEqual(Object.fromEntries(fields));
  });

  // The template names every key of the format; the long text goes into one of its fields, created where the template leaves it out.
  // It has no turn labels: one for each turn is added, so they are written too.
  const TEMPLATE = ((): string => {
    const doc = parseDocument(readFileSync(new URL('../../scenarios/template.yaml', import.meta.url), 'utf8'));
    doc.setIn(
      ['calendar', 'labels'],
      Array.from({ length: Number(doc.get('turns')) }, (_, i) => `Turn ${i + 1}`),
    );
    return doc.toString({ lineWidth: 0 });
  })();
  const data = parseDocument(TEMPLATE).toJS() as Json;

  /**
   * Where a field pattern ("events[].response.choices[].title") can be written in the template: in
   * each list, the first item that has the next key (an event with a response), else the first mapping.
   */
  function placeOf(pattern: string): (string | number)[] | null {
    const path: (string | number)[] = [];
    let at: unknown = data;
    const parts = pattern.split('.');
    for (const [n, part] of parts.entries()) {
      const [, key, lists] = /^([a-z_]*)((?:\[\])*)$/.exec(part)!;
      if (key) {
        path.push(key);
        at = (at as Json | undefined)?.[key];
      }
      for (let i = 0; i < lists!.length / 2; i++) {
        if (!Array.isArray(at) || at.length === 0) return null;
        const next = parts[n + 1] && /^[a-z_]+/.exec(parts[n + 1]!)?.[0];
        const items = at as unknown[];
        const having = items.findIndex((item) => next !== undefined && typeof item === 'object' && item !== null && next in item);
        const index =
          having >= 0
            ? having
            : next === undefined
              ? 0
              : Math.max(
                  0,
                  items.findIndex((item) => typeof item === 'object'),
                );
        path.push(index);
        at = items[index];
      }
    }
    return path;
  }

  it('can write every field into the template', () => {
    expect([...fields.keys()].filter((field) => placeOf(field) === null)).toEqual([]);
  });

  it.each([...fields].filter(([field]) => placeOf(field) !== null).map(([field, max]) => [field, max] as const))('holds %s to %i characters, and says so', (field, max) => {
    const place = placeOf(field)!;
    const withText = (text: unknown): string => {
      const doc = parseDocument(TEMPLATE);
      doc.setIn(place, text);
      return doc.toString({ lineWidth: 0 });
    };
    expect(loadScenario('t.yaml', withText('x'.repeat(max)))).toMatchObject({ ok: true });
    const result = loadScenario('t.yaml', withText('x'.repeat(max + 1)));
    expect(result.ok).toBe(false);
    const key = field.split('.').at(-1)!.replace(/\[\]$/, '');
    expect(!result.ok && result.problems.map((p) => p.message)).toEqual([expect.stringContaining(`is ${max + 1} characters long, but may be at most ${max}`)]);
    expect(!result.ok && result.problems[0]!.message).toContain(key);
  });

  it('refuses a long text in any field and any language, naming the field, the limit and the length found, at its line', () => {
    const places = [...fields].flatMap(([field, max]) => {
      const place = placeOf(field);
      return place ? [{ field, max, place }] : [];
    });
    fc.assert(
      fc.property(
        fc.constantFrom(...places),
        fc.constantFrom('plain', 'en', 'ja', 'ko'),
        fc.integer({ min: 1, max: 3000 }),
        fc.constantFrom('x', '日', '한', 'a b '),
        ({ field, max, place }, language, over, unit) => {
          const long = unit.repeat(Math.ceil((max + over) / unit.length)).slice(0, max + over);
          const plainOnly = !/Text$/.test(field) && (field.startsWith('sources') || field === 'period' || field === 'meters[].unit');
          const lang = plainOnly ? 'plain' : language;
          const value = lang === 'plain' ? long : { en: lang === 'en' ? long : 'Short', ...(lang !== 'en' && { [lang]: long }) };
          const doc = parseDocument(TEMPLATE);
          doc.setIn(place, value);
          const text = doc.toString({ lineWidth: 0 });
          const result = loadScenario('t.yaml', text);
          if (result.ok) return false;
          const [problem, ...others] = result.problems;
          expect(others).toEqual([]);
          expect(problem!.message).toContain(`is ${long.length} characters long, but may be at most ${max}`);
          // Named by its key (and language), or as an item of its list.
          const key = field.split('.').at(-1)!.replace(/\[\]$/, '');
          const named = field.endsWith('[]') ? (lang === 'plain' ? `item \\d+ of '${key}'` : `'${lang}' in \\w+ \\d+`) : `'([a-z_]+\\.)*${key}${lang === 'plain' ? '' : `\\.${lang}`}'`;
          expect(problem!.message).toMatch(new RegExp(`^${named}`));
          // At the value itself: its line holds the text's first characters (or, for a block scalar's `>` or `|`, the line after it).
          expect(
            text
              .split('\n')
              .slice(problem!.line - 1, problem!.line + 1)
              .join('\n'),
          ).toContain(long.slice(0, 20));
          return true;
        },
      ),
      { numRuns: 60 },
    );
  });
});
