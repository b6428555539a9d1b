import * as Comlink from 'comlink';
import { workerApi } from '../../sim-core/run/worker-api.ts';

/**
 * A simulation Web Worker: exposes the same `workerApi` the CLI's worker threads expose
 * (sim-core/run/worker-api.ts), so both sides share one typed contract. Started by WorkerBridge.
 */
Comlink.expose(workerApi);
