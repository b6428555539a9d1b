import { writeFileSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { tuneV8ForSimulation } from './node-v8-tuning.ts';
import { workerApi, type WorkerApi } from './worker-api.ts';

/**
 * A simulation worker thread (loaded through node-worker-shim.mjs): exposes `workerApi` to the
 * pool over comlink.
 */
if (!parentPort) throw new Error('node-worker.ts runs as a worker thread; start it with createNodeWorkerPool');
tuneV8ForSimulation();
Comlink.expose(withTestCrashHook(workerApi, process.env.ARCHSIM_TEST_CRASH), nodeEndpoint(parentPort));

/**
 * Test hook, inert unless ARCHSIM_TEST_CRASH is set: `<replication>:always` makes the worker
 * exit with code 1 whenever it is given that replication; `<replication>:<file>` does so only if
 * it can create <file> (exclusively), i.e. on the first attempt in the whole test. It lets the
 * tests crash a worker at a known point to check that only that task is lost and retried.
 */
function withTestCrashHook(api: WorkerApi, spec: string | undefined): WorkerApi {
  const m = spec?.match(/^(\d+):(.+)$/);
  if (!m) return api;
  const replication = Number(m[1]);
  const when = m[2];
  const crashNow = (): boolean => {
    if (when === 'always') return true;
    try {
      writeFileSync(when, '', { flag: 'wx' });
      return true;
    } catch {
      return false; // already crashed once
    }
  };
  return {
    ...api,
    run(job, onProgress, cancelFlag) {
      if (job.replication === replication && crashNow()) process.exit(1);
      return api.run(job, onProgress, cancelFlag);
    },
  };
}
