import { describe, expect, it } from 'vitest';
import { runNotes } from '../../sim-core/cli/command-run.ts';
import { formatProgress, progressBar } from '../../sim-core/cli/progress.ts';
import type { StudyProgress } from '../../sim-core/run/progress-tracker.ts';
import type { RunResult } from '../../sim-core/run/result.ts';

/** The progress bar `archsim run` draws from the pool's StudyProgress, and the notes under a partial report. */

function progress(over: Partial<StudyProgress> = {}): StudyProgress {
  return {
    fraction: 0.25,
    completed: 2,
    running: 2,
    planned: 8,
    runningReplications: [],
    events: 37_500_000,
    eventsPerSecond: 3_125_000,
    elapsedMs: 12_000,
    etaMs: 36_000,
    ...over,
  };
}

describe('progress bar', () => {
  it('shows the bar, % of simulated time, replications, events/s, elapsed and ETA', () => {
    expect(formatProgress(progress())).toBe(
      '[██████░░░░░░░░░░░░░░░░░░]  25%  replications 2/8 (2 running)  3.13M events/s  elapsed 12s  ETA 36s',
    );
  });

  it('says — for an unknown ETA, omits "running" when none is, and clamps the bar', () => {
    const start = formatProgress(progress({ fraction: 0, completed: 0, running: 0, eventsPerSecond: 0, elapsedMs: 400, etaMs: NaN }));
    expect(start).toBe(`[${'░'.repeat(24)}]   0%  replications 0/8  0 events/s  elapsed 0s  ETA —`);
    const end = formatProgress(progress({ fraction: 1.0000001, completed: 8, running: 0, elapsedMs: 185_000, etaMs: 0 }));
    expect(end).toBe(`[${'█'.repeat(24)}] 100%  replications 8/8  3.13M events/s  elapsed 3m 5s  ETA 0s`);
  });

  it('redraws in place at most every 250 ms of wall time and erases itself when done', () => {
    const writes: string[] = [];
    let now = 0;
    const bar = progressBar((t) => writes.push(t), () => now);
    bar.onProgress(progress({ completed: 1 }));
    now = 100;
    bar.onProgress(progress({ completed: 2 })); // throttled
    now = 260;
    bar.onProgress(progress({ completed: 3 }));
    bar.done();
    expect(writes).toHaveLength(3);
    expect(writes[0]).toMatch(/^\r\x1b\[K\[.*replications 1\/8/);
    expect(writes[1]).toContain('replications 3/8');
    expect(writes[2]).toBe('\r\x1b[K');
  });

  it('writes nothing when done before anything was drawn', () => {
    const writes: string[] = [];
    progressBar((t) => writes.push(t), () => 0).done();
    expect(writes).toEqual([]);
  });
});

describe('run notes', () => {
  const base = { replications: 3 } as RunResult;

  it('says how many of the planned replications a cancelled run covers', () => {
    expect(runNotes({ ...base, partial: true }, 10)).toBe('partial: cancelled after 3 of 10 replications\n');
  });

  it('names each failed replication and why, and is empty for a complete run', () => {
    const failed = { ...base, failedReplications: [{ replication: 4, error: 'the worker thread exited unexpectedly with code 1' }] };
    expect(runNotes(failed, 4)).toBe(
      'replication index 4 failed twice (run, then one retry): the worker thread exited unexpectedly with code 1; the statistics cover the others\n',
    );
    expect(runNotes(base, 3)).toBe('');
  });
});
