import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scenarioJsonSchema, scenarioJsonSchemaText } from '../../sim-core/model/json-schema.ts';

describe('scenario.schema.json', () => {
  it('is up to date with the zod schema (regenerate: npx tsx scripts/write-json-schema.ts)', () => {
    const committed = readFileSync(new URL('../../sim-core/model/scenario.schema.json', import.meta.url), 'utf8');
    expect(committed).toBe(scenarioJsonSchemaText());
  });

  it('describes the language for editors: strict objects, defaults optional, unit patterns', () => {
    const s = scenarioJsonSchema() as { required: string[]; additionalProperties: boolean; properties: Record<string, { properties?: Record<string, { pattern?: string; default?: unknown }> }> };
    expect(s.required).toEqual(['archsim', 'name', 'workload', 'endpoints', 'components']);
    expect(s.additionalProperties).toBe(false);
    const duration = s.properties.run.properties!.duration;
    expect(duration.default).toBe('10m');
    expect(new RegExp(duration.pattern!).test('250ms')).toBe(true);
    expect(new RegExp(duration.pattern!).test('7200/s')).toBe(false);
    expect(new RegExp(s.properties.workload.properties!.arrivals.pattern!).test('300/min')).toBe(true);
  });
});
