import type { ReplicationResult } from '../metrics/replication-result.ts';
import type { CancelToken, ReplicationExecutor, ReplicationTask, TaskProgress } from './executor.ts';
import { createProgressTracker, type StudyProgress } from './progress-tracker.ts';

/**
 * Runs an arbitrary list of replications — a study's (point, replication) tasks, or one shard's
 * slice of them — over an executor, as many at once as it allows. Each task is identified by
 * its key; results come back by key, so nothing depends on the order tasks finish in.
 *
 * A task whose run rejects (a crashed worker) is retried once, then reported in `failed`; the
 * others stand. Cancelling stops launching tasks and asks the running ones to stop; what
 * completed is returned with `partial: true`.
 */
export interface KeyedTask extends ReplicationTask {
  key: number;
}

export interface RunTasksOptions {
  executor: ReplicationExecutor;
  onProgress?: (p: StudyProgress) => void;
  cancel?: CancelToken;
  /** Wall clock in ms (default Date.now): progress throttling, ETA and wallSeconds. */
  clock?: () => number;
  /** Simulated ms of one task, for the progress fraction (tasks of a sweep may differ; an estimate is enough). */
  durationMs: number;
}

export interface TasksOutcome {
  results: Map<number, ReplicationResult>;
  failed: Array<{ key: number; error: string }>;
  partial: boolean;
  wallSeconds: number;
}

export async function runTasks(tasks: readonly KeyedTask[], opts: RunTasksOptions): Promise<TasksOutcome> {
  const clock = opts.clock ?? Date.now;
  const started = clock();
  const results = new Map<number, ReplicationResult>();
  const failed: TasksOutcome['failed'] = [];
  let cancelled = false;
  let next = 0;
  const isCancelled = () => cancelled || (opts.cancel?.cancelled ?? false);
  const token: CancelToken = { get cancelled() { return isCancelled(); } };
  const tracker = createProgressTracker({ durationMs: opts.durationMs, planned: () => tasks.length, clock, onProgress: opts.onProgress });

  const runOne = async (task: KeyedTask): Promise<void> => {
    const onTask = (p: TaskProgress) => tracker.taskProgress(task.key, p);
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        const r = await opts.executor.run({ scenario: task.scenario, replication: task.replication }, onTask, token);
        if (r.cancelled) {
          cancelled = true;
          return;
        }
        results.set(task.key, r);
        tracker.taskDone(task.key, r.events);
        return;
      } catch (e) {
        if (isCancelled()) return;
        if (attempt === 1) failed.push({ key: task.key, error: e instanceof Error ? e.message : String(e) });
      }
    }
    tracker.taskDone(task.key, 0);
  };

  const lane = async (): Promise<void> => {
    while (!isCancelled() && next < tasks.length) await runOne(tasks[next++]);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(opts.executor.concurrency, tasks.length)) }, lane));
  tracker.finish();
  failed.sort((a, b) => a.key - b.key);
  return { results, failed, partial: isCancelled() && results.size + failed.length < tasks.length, wallSeconds: (clock() - started) / 1000 };
}
