import type { TaskProgress } from './executor.ts';

/** Progress of a run (or study) across its replications, reported at most ~4 times a second. */
export interface StudyProgress {
  /** 0..1 of the planned simulated time done. */
  fraction: number;
  /** Replications finished, running and planned (planned grows under sequential stopping). */
  completed: number;
  running: number;
  planned: number;
  /** Simulated ms done in each running replication, by replication index. */
  runningReplications: Array<{ replication: number; simulatedMs: number; durationMs: number }>;
  events: number;
  eventsPerSecond: number;
  elapsedMs: number;
  /** Estimated wall ms left; NaN until something is done. */
  etaMs: number;
}

export interface ProgressTrackerOptions {
  durationMs: number;
  planned: () => number;
  clock: () => number;
  onProgress?: (p: StudyProgress) => void;
  /** Minimum wall ms between reports (default 250: ~4 per second). */
  intervalMs?: number;
}

export interface ProgressTracker {
  taskProgress(replication: number, p: TaskProgress): void;
  taskDone(replication: number, events: number): void;
  /** Emit a last report (always, unthrottled). */
  finish(): void;
}

export function createProgressTracker(opts: ProgressTrackerOptions): ProgressTracker {
  const started = opts.clock();
  const interval = opts.intervalMs ?? 250;
  const running = new Map<number, TaskProgress>();
  let completed = 0;
  let doneEvents = 0;
  let lastReport = -Infinity;

  const snapshot = (): StudyProgress => {
    const planned = Math.max(opts.planned(), completed + running.size);
    let simulated = completed * opts.durationMs;
    let events = doneEvents;
    const runningReplications: StudyProgress['runningReplications'] = [];
    for (const [replication, p] of running) {
      simulated += p.simulatedMs;
      events += p.events;
      runningReplications.push({ replication, simulatedMs: p.simulatedMs, durationMs: p.durationMs });
    }
    const fraction = planned > 0 ? Math.min(1, simulated / (planned * opts.durationMs)) : 0;
    const elapsedMs = opts.clock() - started;
    return {
      fraction,
      completed,
      running: running.size,
      planned,
      runningReplications: runningReplications.sort((a, b) => a.replication - b.replication),
      events,
      eventsPerSecond: elapsedMs > 0 ? (events / elapsedMs) * 1000 : 0,
      elapsedMs,
      etaMs: fraction > 0 ? (elapsedMs * (1 - fraction)) / fraction : NaN,
    };
  };

  const maybeReport = (force: boolean) => {
    if (!opts.onProgress) return;
    const now = opts.clock();
    if (!force && now - lastReport < interval) return;
    lastReport = now;
    opts.onProgress(snapshot());
  };

  return {
    taskProgress(replication, p) {
      running.set(replication, p);
      maybeReport(false);
    },
    taskDone(replication, events) {
      running.delete(replication);
      completed++;
      doneEvents += events;
      maybeReport(false);
    },
    finish() {
      maybeReport(true);
    },
  };
}
