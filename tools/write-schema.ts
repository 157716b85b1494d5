/** Writes the editors' JSON Schemas from the zod schemas (npm run schema): scenarios/schema.json and scenarios/history/polls.schema.json. A test keeps them in sync. */
import { writeFileSync } from 'node:fs';
import { pollsJsonSchema } from '../src/scenario/polls';
import { scenarioJsonSchema } from '../src/scenario/schema';

export const SCHEMA_PATH = new URL('../scenarios/schema.json', import.meta.url);
export const POLLS_SCHEMA_PATH = new URL('../scenarios/history/polls.schema.json', import.meta.url);

export function schemaText(): string {
  return `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
}

export function pollsSchemaText(): string {
  return `${JSON.stringify(pollsJsonSchema(), null, 2)}\n`;
}

if (process.argv[1]?.endsWith('write-schema.ts')) {
  writeFileSync(SCHEMA_PATH, schemaText());
  writeFileSync(POLLS_SCHEMA_PATH, pollsSchemaText());
  process.stdout.write(`wrote ${SCHEMA_PATH.pathname} and ${POLLS_SCHEMA_PATH.pathname}\n`);
}
