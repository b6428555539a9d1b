#!/usr/bin/env node
// The `archsim` command. It registers tsx so the TypeScript sources run without a build step,
// then hands over to sim-core/cli/main.ts. Works via `npx archsim`, `npm run archsim --` and
// `node bin/archsim.mjs` from any working directory.
import { register } from 'tsx/esm/api';

register();
const { tuneV8ForSimulation } = await import(new URL('../sim-core/run/node-v8-tuning.ts', import.meta.url).href);
tuneV8ForSimulation();
const { main } = await import(new URL('../sim-core/cli/main.ts', import.meta.url).href);
process.exitCode = await main(process.argv.slice(2));
