import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { ReplayReport } from '../../sim-core/case-study/replay.ts';
import type { RunResult } from '../../sim-core/run/result.ts';
import { archsim, ROOT } from '../cli/study-cli-helpers.ts';

/**
 * Every case-study scenario runs (a short smoke run: 1 replication of 40 s), and a quick replay
 * of each case study prints its verdict table. The full replays, quoted in the notes, use each
 * scenario's own run settings.
 */
const SLUGS = ['payfinity', 'payments-platform', 'fintech-edge', 'fintech-connect', 'fintechflow'];
const QUICK = ['--duration', '40s', '--warmup', '10s', '--replications', '1'];

describe.each(SLUGS)('case study %s runs', (slug) => {
  const dir = join(ROOT, 'scenarios', 'case-studies', slug);
  const manifest = parse(readFileSync(join(dir, 'case-study.yaml'), 'utf8')) as { scenarios: Record<string, string> };

  it.each(Object.values(manifest.scenarios))('%s', (file) => {
    const out = archsim(ROOT, 'run', join(dir, file), ...QUICK, '--json', '-', '--quiet');
    expect([out.status, out.stderr]).toEqual([0, '']);
    const result = JSON.parse(out.stdout) as RunResult;
    expect(result.requests.completed).toBeGreaterThan(0);
  });

  it('replays quickly with a verdict for every figure', () => {
    const out = archsim(ROOT, 'replay', slug, ...QUICK, '--json', '-', '--quiet');
    expect([out.status, out.stderr]).toEqual([0, '']);
    const report = JSON.parse(out.stdout) as ReplayReport;
    expect(report.figures.length).toBeGreaterThan(5);
    for (const f of report.figures) expect(['reproduced', 'not reproduced', 'not modelled']).toContain(f.verdict);
    expect(report.checks.length).toBeGreaterThan(0);
  });
});
