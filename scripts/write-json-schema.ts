// Writes sim-core/model/scenario.schema.json from the zod schema (npm run schema).
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { scenarioJsonSchemaText } from '../sim-core/model/json-schema.ts';

const target = fileURLToPath(new URL('../sim-core/model/scenario.schema.json', import.meta.url));
writeFileSync(target, scenarioJsonSchemaText());
console.log(`wrote ${target}`);
