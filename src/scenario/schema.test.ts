import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pollsSchemaText, schemaText } from '../../tools/write-schema';

describe('scenarios/history/polls.schema.json', () => {
  it('is generated from the polls file schema, and describes every key for hover help', () => {
    expect(readFileSync(new URL('../../scenarios/history/polls.schema.json', import.meta.url), 'utf8')).toBe(pollsSchemaText());
    const schema = JSON.parse(pollsSchemaText()) as { properties: Record<string, { description?: string }> };
    for (const [key, value] of Object.entries(schema.properties)) expect(value.description, key).toBeTruthy();
  });
});

describe('scenarios/schema.json', () => {
  it('is the JSON Schema generated from the zod schema (run `npm run schema` after changing the format)', () => {
    const committed = readFileSync(new URL('../../scenarios/schema.json', import.meta.url), 'utf8');
    expect(committed).toBe(schemaText());
  });

  it('is draft-07, which the common YAML editor extension reads, and closes objects so typos are flagged', () => {
    const schema = JSON.parse(schemaText()) as { $schema: string; additionalProperties: boolean; properties: Record<string, unknown> };
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(schema.additionalProperties).toBe(false);
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['meters', 'decisions', 'events', 'rules', 'endings', 'sides']));
  });
});

type Json = { [key: string]: unknown };

/** Every object of the JSON Schema with its JSON pointer. */
function nodes(node: unknown, at = '#'): [string, Json][] {
  if (node === null || typeof node !== 'object') return [];
  const here: [string, Json][] = Array.isArray(node) ? [] : [[at, node as Json]];
  return [...here, ...Object.entries(node).flatMap(([k, v]) => nodes(v, `${at}/${k}`))];
}

describe('scenarios/schema.json for editors', () => {
  const schema = JSON.parse(schemaText()) as Json & { definitions: Record<string, Json> };

  it('describes every key, for hover help', () => {
    const undescribed = nodes(schema).flatMap(([at, n]) =>
      Object.entries((n.properties as Record<string, Json> | undefined) ?? {})
        .filter(([, p]) => typeof p.description !== 'string' || p.description === '')
        .map(([key]) => `${at}/properties/${key}`),
    );
    expect(undescribed).toEqual([]);
  });

  it('names its shared parts readably, once each, and describes each', () => {
    const names = Object.keys(schema.definitions);
    expect(names).toEqual(
      expect.arrayContaining([
        'Effect',
        'Condition',
        'NumberValue',
        'LabelText',
        'TitleText',
        'SentenceText',
        'ParagraphText',
        'BriefingText',
        'Meter',
        'Decision',
        'Event',
        'Rule',
        'Ending',
        'Id',
        'Side',
        'Category',
      ]),
    );
    for (const name of names) {
      expect(name, 'a generated name such as __schema0').toMatch(/^[A-Z][A-Za-z]+$/);
      expect(schema.definitions[name]!.description, name).toEqual(expect.any(String));
    }
    // Each kind of text (by its length limit) is written in one place and referred to everywhere else.
    const inlineTexts = nodes(schema).filter(
      ([at, n]) => !/^#\/definitions\/[A-Z][a-z]+Text\b/.test(at) && Array.isArray(n.anyOf) && JSON.stringify(n.anyOf).includes('"en"') && !at.includes('Question'),
    );
    expect(inlineTexts.map(([at]) => at)).toEqual([]);
  });

  it('gives a value that is one of a fixed set as an enum ("must be one of …"), not a pattern or a const', () => {
    const consts = nodes(schema).filter(([, n]) => 'const' in n);
    expect(consts.map(([at]) => at)).toEqual([]);
    expect(schema.definitions.Side).toMatchObject({ enum: ['tokyo', 'seoul'] });
    expect(schema.definitions.Category!.enum).toEqual(expect.arrayContaining(['summit', 'north_korea']));
    expect((schema.properties as Record<string, Json>).format).toMatchObject({ enum: [1] });
    // Patterns are left only for what is not a fixed set: ids and dates.
    const patterns = new Set(nodes(schema).flatMap(([, n]) => (typeof n.pattern === 'string' ? [n.pattern] : [])));
    expect([...patterns].sort()).toEqual(['^[a-z][a-z0-9_]*$', '^\\d{4}-(0[1-9]|1[0-2])$']);
  });
});
