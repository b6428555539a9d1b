import { describe, expect, it } from 'vitest';
import { formatDuration, formatRate, toRunProgress } from '../../renderer/sim/run-progress.ts';

describe('run progress', () => {
  it('spreads the fraction over every planned replication', () => {
    const p = toRunProgress({ fraction: 0.5, completed: 1, running: 2, planned: 3, runningReplications: [], events: 10, eventsPerSecond: 2e6, elapsedMs: 1000, etaMs: 1000 }, 60_000);
    expect(p).toEqual({ simulatedMs: 90_000, durationMs: 180_000, eventsPerSecond: 2e6, etaSeconds: 1, replicationsDone: 1, replications: 3 });
    expect(toRunProgress({ fraction: 0, completed: 0, running: 0, planned: 1, runningReplications: [], events: 0, eventsPerSecond: 0, elapsedMs: 0, etaMs: NaN }, 1).etaSeconds).toBeNaN();
  });

  it('formats durations and rates', () => {
    expect(formatDuration(45_000)).toBe('45s');
    expect(formatDuration(125_000)).toBe('2m 05s');
    expect(formatDuration(3_720_000)).toBe('1h 02m');
    expect(formatDuration(NaN)).toBe('–');
    expect(formatRate(1_234_567)).toBe('1.2M events/s');
    expect(formatRate(850_000)).toBe('850k events/s');
    expect(formatRate(0)).toBe('– events/s');
  });
});
