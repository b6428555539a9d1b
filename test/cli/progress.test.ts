import { describe, expect, it } from 'vitest';
import { formatProgress, progressLine } from '../../sim-core/cli/progress.ts';

const at = (replication: number, simulatedMs: number) => ({ replication, replications: 3, simulatedMs, durationMs: 300_000, events: 0 });

describe('progress', () => {
  it('counts replications from 1 and the percentage over the whole run', () => {
    expect(formatProgress(at(1, 150_000))).toBe('replication 2/3  simulated 2m 30s of 5m  50%');
    expect(formatProgress(at(0, 0))).toBe('replication 1/3  simulated 0s of 5m  0%');
  });

  it('redraws at most every 250 ms of wall time and erases its line when done', () => {
    const writes: string[] = [];
    let now = 0;
    const line = progressLine((t) => writes.push(t), () => now);
    line.onProgress(at(0, 1000));
    now = 100;
    line.onProgress(at(0, 2000)); // throttled
    now = 260;
    line.onProgress(at(0, 3000));
    line.done();
    expect(writes).toHaveLength(3);
    expect(writes[0]).toContain('simulated 1s of 5m');
    expect(writes[1]).toContain('simulated 3s of 5m');
    expect(writes[2]).toBe('\r\x1b[K');
  });

  it('writes nothing when done before anything was drawn', () => {
    const writes: string[] = [];
    progressLine((t) => writes.push(t), () => 0).done();
    expect(writes).toEqual([]);
  });
});
