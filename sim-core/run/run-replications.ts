import { simulate } from '../engine/simulation.ts';
import type { ReplicationResult } from '../metrics/replication-result.ts';
import type { CompiledModel } from '../model/compiled.ts';
import { aggregateRun } from './aggregate.ts';
import type { RunResult } from './result.ts';
import { summariseReplication } from './summarise.ts';

export interface RunProgress {
  /** 0-based index of the replication in progress. */
  replication: number;
  replications: number;
  simulatedMs: number;
  durationMs: number;
  events: number;
}

export interface RunOptions {
  replications?: number;
  seed?: number;
  durationMs?: number;
  warmupMs?: number;
  onProgress?: (p: RunProgress) => void;
  shouldCancel?: () => boolean;
  clock?: () => number;
}

/** The model with run settings overridden by the options. */
export function withRunSettings(model: CompiledModel, opts: RunOptions): CompiledModel {
  const run = { ...model.run };
  if (opts.replications !== undefined) run.replications = opts.replications;
  if (opts.seed !== undefined) run.seed = opts.seed;
  if (opts.durationMs !== undefined) run.durationMs = opts.durationMs;
  if (opts.warmupMs !== undefined) run.warmupMs = opts.warmupMs;
  return { ...model, run };
}

/**
 * Runs the model's replications one after another in this thread and averages them into a
 * RunResult — the synchronous path for scripts, tests and the bench. The CLI and the UI use
 * runScenario (run-scenario.ts) on an executor, which also handles `warmup: auto`, sequential
 * stopping, progress across workers and cancellation. Replication i always uses stream i of the seed, so the result does not depend on
 * how replications are scheduled.
 */
export function runReplications(base: CompiledModel, opts: RunOptions = {}): RunResult {
  const model = withRunSettings(base, opts);
  // Both need decisions between replications (a pilot run; adding replications): runScenario makes them.
  if (model.run.warmupAuto) throw new Error('warmup: auto needs runScenario (it runs a pilot replication first)');
  if (model.run.precision !== undefined) throw new Error('run.precision needs runScenario (it adds replications until the precision is met)');
  const clock = opts.clock ?? Date.now;
  const started = clock();
  const n = model.run.replications;
  const results: ReplicationResult[] = [];
  for (let i = 0; i < n; i++) {
    const r = simulate(model, {
      replication: i,
      clock,
      shouldCancel: opts.shouldCancel,
      onProgress: opts.onProgress && ((p) => opts.onProgress!({ replication: i, replications: n, ...p })),
    });
    if (r.cancelled) break;
    results.push(r);
  }
  if (results.length === 0) throw new RunCancelledError();
  return aggregateRun(model, results, results.map(summariseReplication), {
    seed: model.run.seed,
    wallSeconds: (clock() - started) / 1000,
  });
}

export class RunCancelledError extends Error {
  constructor() {
    super('the run was cancelled before a replication finished');
  }
}
