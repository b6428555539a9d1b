import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SweepResult } from '../../sim-core/run/sweep.ts';
import { archsim, writeMmc } from './study-cli-helpers.ts';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'archsim-sweep-'));
  writeMmc(dir, 'mmc.yaml', { workers: 2 });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('archsim sweep', () => {
  it('seed 7: prints every point ± CI and the knee; writes the JSON', () => {
    const o = archsim(dir, 'sweep', 'mmc.yaml', '--vary', 'workload.arrivals=40/s..120/s:3', '--replications', '2', '--workers', '1', '--json', 's.json');
    expect(o.stderr).toBe('');
    expect(o.status).toBe(0);
    expect(o.stdout).toContain('Sweep of mmc-2: 3 points × 2 replications (seed 7)');
    expect(o.stdout).toMatch(/^arrivals\s+thru\/s\s+mean\s+p50\s+p95\s+p99\s+errors\s+in SLO$/m);
    expect(o.stdout).toMatch(/^\s+80\/s\s+\d/m);
    expect(o.stdout).toContain('knees along workload.arrivals');
    expect(o.stdout).toMatch(/^ {2}p99 of work crosses 200 ms between 80\/s and 120\/s arrivals \(/m);
    const s = JSON.parse(readFileSync(join(dir, 's.json'), 'utf8')) as SweepResult;
    expect(s).toMatchObject({ kind: 'sweep', scenario: 'mmc-2', seed: 7, replications: 2 });
    expect(s.points.map((p) => p.values['workload.arrivals'])).toEqual([40, 80, 120]);
    expect(s.points[2].result!.endpoints.work.latency.ci95?.p99).toBeGreaterThan(0);
    expect(s.knees[0]).toMatchObject({ endpoint: 'work', status: 'crosses', before: { value: 80 }, after: { value: 120 } });
  });

  it('bad input exits 2: no --vary, a malformed --vary, an invalid point, --shard without --json', () => {
    const none = archsim(dir, 'sweep', 'mmc.yaml');
    expect(none.stderr).toContain('give at least one --vary');
    const malformed = archsim(dir, 'sweep', 'mmc.yaml', '--vary', 'components.app.workers=1..4:x1');
    expect(malformed.stderr).toContain("--vary 'components.app.workers=1..4:x1': the factor must be a number above 1");
    const invalid = archsim(dir, 'sweep', 'mmc.yaml', '--vary', 'components.app.workers=0..2');
    expect(invalid.stderr).toContain("mmc.yaml: components.app.workers: expected a positive integer or 'unbounded', got 0 (at the sweep point components.app.workers=0)");
    const shard = archsim(dir, 'sweep', 'mmc.yaml', '--vary', 'components.app.workers=1..2', '--shard', '1/2');
    expect(shard.stderr).toContain('--shard needs --json FILE');
    for (const o of [none, malformed, invalid, shard]) {
      expect(o.status).toBe(2);
      expect(o.stderr).not.toContain('internal error');
    }
  });
});
