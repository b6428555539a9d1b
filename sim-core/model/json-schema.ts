import * as z from 'zod';
import { scenarioSchema } from './schema.ts';

/**
 * The JSON Schema of the scenario language, generated from the same zod schema that validates
 * (so the two cannot drift). It describes the input: keys with defaults are optional. Checks
 * the unit parsers make (and cross-field rules) appear only as patterns and descriptions.
 */
export function scenarioJsonSchema(): Record<string, unknown> {
  const { $schema, ...rest } = z.toJSONSchema(scenarioSchema, { io: 'input', target: 'draft-2020-12' });
  return { $schema, $id: 'https://archsim.dev/schema/scenario-v1.json', ...rest };
}

/** The schema file's text: stable formatting, so a test can compare it with a fresh generation. */
export function scenarioJsonSchemaText(): string {
  return `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
}
