import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadScenario } from '../../sim-core/model/load.ts';
import type { Scenario } from '../../sim-core/model/schema.ts';
import type { TaskProgress } from '../../sim-core/run/executor.ts';
import { inThreadExecutor } from '../../sim-core/run/in-thread-executor.ts';
import { createNodeWorkerPool } from '../../sim-core/run/node-pool.ts';
import type { StudyProgress } from '../../sim-core/run/progress-tracker.ts';
import type { RunResult } from '../../sim-core/run/result.ts';
import { runScenario } from '../../sim-core/run/run-scenario.ts';

/**
 * The worker_threads pool: the same results as one thread whatever the number of workers, a
 * crashed worker loses only its task, and cancelling returns what completed within a fraction
 * of a second. Each pool starts real worker threads (~0.5–1 s each on the reference machine),
 * so the scenarios are short.
 */

const MM1 = `
archsim: 1
name: pool-mm1
run: { duration: 20s, warmup: 2s, replications: 4, seed: 7 }
workload: { arrivals: 800/s }
endpoints: { request: { call: server.serve } }
components:
  server: { kind: service, workers: 1, operations: { serve: { cpu: exp(1ms) } } }
`;

function scenario(overrides: string[] = []): Scenario {
  const { scenario, errors } = loadScenario(MM1, { overrides });
  if (!scenario) throw new Error(JSON.stringify(errors));
  return scenario;
}

/** The result as JSON with the wall-clock time (the only field allowed to differ) removed. */
function withoutWallTime(r: RunResult): string {
  return JSON.stringify({ ...r, wallSeconds: 0 });
}

let inThread: RunResult;
beforeAll(async () => {
  inThread = await runScenario(scenario(), { executor: inThreadExecutor() });
});

describe('node worker pool: determinism', () => {
  it('gives the in-thread result exactly, with 1 and with 2 workers (seed 7)', async () => {
    for (const workers of [1, 2]) {
      const pool = createNodeWorkerPool({ workers });
      try {
        expect(pool.concurrency).toBe(workers);
        const pooled = await runScenario(scenario(), { executor: pool });
        expect(pooled.replications).toBe(4);
        expect(withoutWallTime(pooled)).toBe(withoutWallTime(inThread));
      } finally {
        await pool.dispose();
      }
    }
  });

  it('transfers typed arrays back intact and forwards throttled progress (seed 7)', async () => {
    const pool = createNodeWorkerPool({ workers: 1 });
    try {
      const reports: TaskProgress[] = [];
      const long = scenario(['run.duration=30m']);
      const started = Date.now();
      const r = await pool.run({ scenario: long, replication: 0 }, (p) => reports.push(p));
      const wallMs = Date.now() - started;
      const direct = await inThreadExecutor().run({ scenario: long, replication: 0 });
      expect(r.endpoints[0].latency.counts).toBeInstanceOf(Float64Array);
      expect(Array.from(r.endpoints[0].latency.counts)).toEqual(Array.from(direct.endpoints[0].latency.counts));
      expect(Array.from(r.series.completed)).toEqual(Array.from(direct.series.completed));
      expect(r.events).toBe(direct.events);
      // At most ~4 reports a second (plus one for rounding), each with simulated time moving forward; the first is never held back.
      expect(reports.length).toBeLessThanOrEqual(Math.ceil(wallMs / 250) + 1);
      expect(reports.length).toBeGreaterThanOrEqual(1);
      for (let i = 1; i < reports.length; i++) expect(reports[i].simulatedMs).toBeGreaterThan(reports[i - 1].simulatedMs);
      for (const p of reports) expect(p.durationMs).toBe(1_800_000);
    } finally {
      await pool.dispose();
    }
  });
});

describe('node worker pool: scheduling', () => {
  it('queues tasks beyond its workers in order, and rejects them once disposed (seed 7)', async () => {
    const pool = createNodeWorkerPool({ workers: 1 });
    const tiny = scenario(['run.duration=3s', 'run.warmup=1s']);
    const results = await Promise.all([0, 1, 2].map((replication) => pool.run({ scenario: tiny, replication })));
    expect(results.map((r) => r.replication)).toEqual([0, 1, 2]);
    await pool.dispose();
    await expect(pool.run({ scenario: tiny, replication: 3 })).rejects.toThrow('the worker pool was disposed');
  });
});

describe('node worker pool: crashes', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'archsim-pool-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  afterEach(() => {
    delete process.env.ARCHSIM_TEST_CRASH;
  });

  it('retries a replication whose worker died once, and the result is unchanged (seed 7)', async () => {
    // Worker threads copy process.env when they start: the pool starts them on its first task.
    process.env.ARCHSIM_TEST_CRASH = `2:${join(dir, 'crashed-once')}`;
    const pool = createNodeWorkerPool({ workers: 2 });
    try {
      const r = await runScenario(scenario(), { executor: pool });
      expect(existsSync(join(dir, 'crashed-once'))).toBe(true); // the hook did crash a worker
      expect(r.failedReplications).toBeUndefined();
      expect(withoutWallTime(r)).toBe(withoutWallTime(inThread));
    } finally {
      await pool.dispose();
    }
  });

  it('reports a replication that crashes its worker twice and keeps the others (seed 7)', async () => {
    process.env.ARCHSIM_TEST_CRASH = '1:always';
    const pool = createNodeWorkerPool({ workers: 2 });
    try {
      const r = await runScenario(scenario(), { executor: pool });
      expect(r.failedReplications).toEqual([{ replication: 1, error: 'the worker thread exited unexpectedly with code 1' }]);
      expect(r.replications).toBe(3);
      expect(r.partial).toBeUndefined();
    } finally {
      await pool.dispose();
    }
  });
});

describe('node worker pool: cancel', () => {
  it('returns the completed replications, partial, well within a second of the token flipping (seed 7)', async () => {
    const pool = createNodeWorkerPool({ workers: 1 });
    const cancel = { cancelled: false };
    let flippedAt = 0;
    try {
      // 40 replications of ~0.5 s: cancel once one has completed and the next is running.
      const run = runScenario(scenario(['run.replications=40', 'run.duration=1h']), {
        executor: pool,
        cancel,
        onProgress: (p: StudyProgress) => {
          if (!cancel.cancelled && p.completed >= 1 && p.running >= 1) {
            cancel.cancelled = true;
            flippedAt = performance.now();
          }
        },
      });
      const r = await run;
      const stoppedMs = performance.now() - flippedAt;
      expect(cancel.cancelled).toBe(true);
      expect(r.partial).toBe(true);
      expect(r.replications).toBeGreaterThanOrEqual(1);
      expect(r.replications).toBeLessThan(40);
      // The target is 200 ms; 1 s leaves room for a loaded machine without hiding a hang.
      expect(stoppedMs).toBeLessThan(1000);
    } finally {
      await pool.dispose();
    }
  });
});
