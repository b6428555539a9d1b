import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ReplayReport } from '../../sim-core/case-study/replay.ts';
import type { MigrationReport } from '../../sim-core/case-study/run-migration.ts';
import { archsim, ROOT } from '../cli/study-cli-helpers.ts';

const MINI = join(ROOT, 'test', 'case-study', 'fixtures', 'mini');

describe('archsim replay (fixture: M/M/1 before, M/M/2 after; seed 3)', () => {
  const out = archsim(ROOT, 'replay', MINI, '--json', '-', '--quiet');
  const report = JSON.parse(out.stdout) as ReplayReport;

  it('gives each figure its verdict against the exact queueing result', () => {
    expect(out.status).toBe(0);
    const [before, after, sustains, mttr] = report.figures;
    // M/M/1, λ = 50/s, μ = 100/s: T = 20 ms exactly; reported 20 ms → reproduced.
    expect(before.verdict).toBe('reproduced');
    expect(Math.abs(before.value! - 20)).toBeLessThan(4 * before.halfWidth!);
    // M/M/2 with 20 ms service: T = 20 / (1 − 0.25) = 26.67 ms; the reported 10 ms is not reproduced.
    expect(after.verdict).toBe('not reproduced');
    expect(Math.abs(after.value! - 80 / 3)).toBeLessThan(4 * after.halfWidth!);
    expect(sustains.verdict).toBe('reproduced');
    expect(mttr.verdict).toBe('not modelled');
    expect(report.counts).toEqual({ reproduced: 2, 'not reproduced': 1, 'not modelled': 1 });
    expect(report.checks.map((c) => c.verdict)).toEqual(['inconsistent', 'consistent', 'plausible', 'implausible', 'implausible']);
  });

  it('prints the verdict table, the footnotes, the checks and the ledger', () => {
    const text = archsim(ROOT, 'replay', join(MINI, 'case-study.yaml'), '--ledger', '--replications', '2');
    expect(text.status).toBe(0);
    expect(text.stdout).toMatch(/avg latency\s+before\s+20ms\s+\S+ ms ±\S+ ms\s+reproduced/);
    expect(text.stdout).toContain('not modelled [1]');
    expect(text.stdout).toContain('[1] people fix incidents');
    expect(text.stdout).toContain('"70% faster": INCONSISTENT — the figures give −88.6%, not −70.0%');
    expect(text.stdout).toContain('Assumption ledger of before (before.yaml):');
    expect(text.stdout).toContain('assumption  components.app.operations.work = { cpu: exp(10ms) }: 10 ms a request');
  });

  it('rejects a manifest naming an unknown scenario, and a bad field with its line (exit 2)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'archsim-replay-'));
    const manifest = (figures: string) => `archsim: 1\nkind: case-study\ntitle: t\nsource: s.txt\nscenarios: { before: ${join(MINI, 'before.yaml')} }\nfigures:\n${figures}`;
    writeFileSync(join(dir, 'a.yaml'), manifest('  - { figure: f, scenario: aftr, metric: overall.latency.mean, reported: 1s, quote: q }\n'));
    const unknown = archsim(ROOT, 'replay', join(dir, 'a.yaml'));
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain("name scenarios not listed under 'scenarios': aftr");
    writeFileSync(join(dir, 'b.yaml'), manifest('  - { figure: f, scenario: before, reported: 1s, quote: q }\n'));
    const neither = archsim(ROOT, 'replay', join(dir, 'b.yaml'));
    expect(neither.status).toBe(2);
    expect(neither.stderr).toContain('b.yaml:7:5: figures[0]: a figure needs exactly one of metric, sustains or notModelled');
    expect(neither.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('archsim migrate (fixture; seed 5)', () => {
  it('runs every phase on common random numbers and reports them phase by phase', () => {
    const out = archsim(ROOT, 'migrate', join(MINI, 'migration.yaml'), '--json', '-', '--quiet');
    expect(out.status).toBe(0);
    const m = JSON.parse(out.stdout) as MigrationReport;
    expect(m.phases.map((p) => p.name)).toEqual(['before', 'two workers', 'after']);
    expect(m.comparison.seed).toBe(5);
    expect(m.comparison.replications).toEqual([0, 1, 2]);
    const mean = m.comparison.metrics.find((x) => x.id === 'overall.latency.mean')!;
    // Common random numbers: the same arrivals in every phase, so throughput barely moves while
    // two workers (M/M/2 with 10 ms service, T = 10/(1 − 0.0625) = 10.67 ms) halve the latency.
    expect(mean.differences[0].verdict).toBe('lower');
    expect(mean.differences[1].verdict).toBe('higher');
    expect(m.uptime[0]?.uptime.mean).toBeCloseTo(100 / 101, 3); // mtbf 100 h, mttr 1 h
    expect(m.uptime[2]).toBeNull();
  });

  it('prints the timeline', () => {
    const out = archsim(ROOT, 'migrate', join(MINI, 'migration.yaml'), '--replications', '2');
    expect(out.status).toBe(0);
    expect(out.stdout).toContain('Migration: Mini migration — 3 phases, 2 paired replications, seed 5');
    expect(out.stdout).toMatch(/2\. two workers\s+\S+ ms/);
    expect(out.stdout).toContain('2. two workers: set components.app.workers');
  });

  it('a patch with nothing to change gives identical results: the phases share their random numbers', () => {
    const dir = mkdtempSync(join(tmpdir(), 'archsim-migrate-'));
    writeFileSync(join(dir, 'm.yaml'), `archsim: 1\nkind: migration\nname: same\nrun: { duration: 30s, warmup: 5s, replications: 2 }\nphases:\n  - { name: a, scenario: ${join(MINI, 'after.yaml')} }\n  - { name: b, patch: { name: renamed } }\n`);
    const out = archsim(ROOT, 'migrate', join(dir, 'm.yaml'), '--json', '-', '--quiet');
    expect(out.status).toBe(0);
    const m = JSON.parse(out.stdout) as MigrationReport;
    for (const metric of m.comparison.metrics) expect([metric.id, metric.differences[0].verdict]).toEqual([metric.id, 'identical']);
  });
});

describe('archsim run with one replication and failures', () => {
  it('runs the uptime study, each state ratio taken as exact (it used to stop with an internal error)', () => {
    const out = archsim(ROOT, 'run', join(MINI, 'before.yaml'), '--replications', '1', '--json', '-', '--quiet');
    expect([out.status, out.stderr]).toEqual([0, '']);
    const result = JSON.parse(out.stdout) as { uptimeStudy: { uptime: { mean: number } } };
    expect(result.uptimeStudy.uptime.mean).toBeCloseTo(100 / 101, 2);
  });
});
