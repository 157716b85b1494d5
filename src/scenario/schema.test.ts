import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { schemaText } from '../../tools/write-schema';

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
