// Entry file of a simulation worker thread (see node-pool.ts). Worker threads do not inherit
// the tsx loader the CLI or the test runner registered in the main thread, so this plain .mjs
// registers tsx first, then loads the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./node-worker.ts');
