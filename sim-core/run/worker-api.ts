import * as Comlink from 'comlink';
import { simulate } from '../engine/simulation.ts';
import type { ReplicationResult } from '../metrics/replication-result.ts';
import type { TaskProgress } from './executor.ts';
import { fromPortableModel, type PortableModel } from './portable-model.ts';

/** Progress reports sent back to the caller at most this often (wall ms): ~4 per second. */
const PROGRESS_INTERVAL_MS = 250;

/** One replication of a compiled model, as a worker receives it (the caller compiles: see portable-model.ts). */
export interface WorkerJob {
  model: PortableModel;
  replication: number;
}

/** Every distinct ArrayBuffer under the result's typed arrays: moved, not copied, to the caller. */
export function replicationBuffers(r: ReplicationResult): ArrayBuffer[] {
  const arrays = [
    ...r.endpoints.map((e) => e.latency.counts),
    r.series.completed,
    r.series.failed,
    r.series.p95,
    ...r.series.utilisation,
    ...r.series.queueLength,
    ...r.series.replicas,
    ...r.stations.flatMap((s) => (s.wait ? [s.wait.counts] : [])),
    ...r.stats.map((s) => s.values.counts),
    ...r.caches.flatMap((c) => [c.seriesLookups, c.seriesHits]),
    ...r.queues.map((q) => q.endToEnd.counts),
    r.series.withinSlo,
    ...r.breakers.map((b) => b.seriesOpen),
    r.minutes.finished,
    r.minutes.good,
  ];
  const buffers = new Set<ArrayBuffer>();
  for (const a of arrays) if (a.buffer instanceof ArrayBuffer) buffers.add(a.buffer);
  return [...buffers];
}

/**
 * What a simulation worker offers, defined once and exposed with comlink by each worker entry
 * (sim-core/run/node-worker.ts for worker_threads; the renderer's Web Worker). Callers hold a
 * `Comlink.Remote<WorkerApi>`, so the types on both sides come from this object.
 *
 * Cancellation is a shared flag, not a message: `run` keeps the worker's thread busy until the
 * replication ends, so a `cancel()` message would only be read afterwards. The engine polls the
 * flag every 65,536 events instead (a few milliseconds).
 */
export const workerApi = {
  /**
   * Runs one replication and returns its result with the typed arrays transferred.
   * `onProgress` (a `Comlink.proxy` from the caller) is called at most ~4 times a second and
   * released when the run ends. `cancelFlag` is an Int32Array over a SharedArrayBuffer: a
   * non-zero element 0 stops the run at the next engine check, and the result says `cancelled`.
   */
  run(job: WorkerJob, onProgress?: (p: TaskProgress) => void, cancelFlag?: Int32Array): ReplicationResult {
    try {
      let lastReport = -Infinity;
      const result = simulate(fromPortableModel(job.model), {
        replication: job.replication,
        onProgress: onProgress && ((p) => {
          const now = Date.now();
          if (now - lastReport < PROGRESS_INTERVAL_MS) return;
          lastReport = now;
          onProgress(p);
        }),
        shouldCancel: cancelFlag && (() => Atomics.load(cancelFlag, 0) !== 0),
      });
      return Comlink.transfer(result, replicationBuffers(result));
    } finally {
      releaseIfProxy(onProgress);
    }
  },
};

export type WorkerApi = typeof workerApi;

/** A comlink proxy holds a MessagePort open until released; a plain function has nothing to release. */
function releaseIfProxy(fn: unknown): void {
  if (typeof fn !== 'function') return;
  const release = (fn as unknown as Partial<Record<typeof Comlink.releaseProxy, () => void>>)[Comlink.releaseProxy];
  if (typeof release === 'function') release();
}
