import { describe, expect, it } from 'vitest';
import { NodeWorkerBridge } from '../../sim-core/run/node-worker-bridge.ts';
import type { WorkerJob } from '../../sim-core/run/worker-api.ts';

/**
 * The bridge's fallbacks, against a worker that misbehaves on purpose
 * (fixtures/misbehaving-worker.mjs): one that ignores the cancel flag is terminated 200 ms
 * after the cancel, one that throws rejects its task with the error, and either way the next
 * task gets a fresh thread.
 */

const MISBEHAVING = new URL('./fixtures/misbehaving-worker.mjs', import.meta.url);
/** The fixture reads only the replication index. */
const job = (replication: number) => ({ replication }) as unknown as WorkerJob;

describe('node worker bridge', () => {
  it('terminates a worker that ignores the cancel flag, then runs the next task on a fresh one', async () => {
    const bridge = new NodeWorkerBridge(MISBEHAVING);
    try {
      const cancel = { cancelled: false };
      const run = bridge.run(job(0), undefined, cancel);
      await new Promise((r) => setTimeout(r, 300)); // the worker is spinning
      cancel.cancelled = true;
      const flipped = performance.now();
      await expect(run).rejects.toThrow('did not stop within 200 ms and was terminated');
      const ms = performance.now() - flipped;
      expect(ms).toBeGreaterThanOrEqual(190);
      expect(ms).toBeLessThan(1000);
      expect(await bridge.run(job(5))).toEqual({ replication: 5, cancelled: false });
    } finally {
      await bridge.dispose();
    }
  });

  it('rejects the task of a worker that throws, with the error, and replaces the worker', async () => {
    const bridge = new NodeWorkerBridge(MISBEHAVING);
    try {
      await expect(bridge.run(job(1))).rejects.toThrow('the worker thread crashed: boom');
      expect(await bridge.run(job(6))).toEqual({ replication: 6, cancelled: false });
    } finally {
      await bridge.dispose();
    }
  });
});
