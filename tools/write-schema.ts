/** Writes scenarios/schema.json from the zod schema (npm run schema). A test keeps the two in sync. */
import { writeFileSync } from 'node:fs';
import { scenarioJsonSchema } from '../src/scenario/schema';

export const SCHEMA_PATH = new URL('../scenarios/schema.json', import.meta.url);

export function schemaText(): string {
  return `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
}

if (process.argv[1]?.endsWith('write-schema.ts')) {
  writeFileSync(SCHEMA_PATH, schemaText());
  process.stdout.write(`wrote ${SCHEMA_PATH.pathname}\n`);
}
