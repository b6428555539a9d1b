import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ComparisonResult } from '../../sim-core/run/compare.ts';
import { archsim, writeMmc } from './study-cli-helpers.ts';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'archsim-compare-'));
  writeMmc(dir, 'a.yaml', { workers: 2 });
  writeMmc(dir, 'b.yaml', { workers: 3, seed: 99 });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('archsim compare', () => {
  it('seed 7: prints each scenario ± CI, the paired difference, the unpaired half-width, the verdicts; writes the JSON', () => {
    const o = archsim(dir, 'compare', 'a.yaml', 'b.yaml', '--replications', '3', '--workers', '2', '--json', 'c.json');
    expect(o.stderr).toBe('');
    expect(o.status).toBe(0);
    expect(o.stdout).toContain('A  mmc-2  a.yaml');
    expect(o.stdout).toContain('B  mmc-3  b.yaml');
    expect(o.stdout).toContain('3 paired replications (seed 7)');
    expect(o.stdout).toMatch(/^overall\s+A\s+B\s+B − A\s+unpaired\s+verdict$/m);
    expect(o.stdout).toMatch(/^mean latency .* lower$/m);
    expect(o.stdout).toMatch(/^app utilisation .* lower$/m);
    expect(o.stdout).toMatch(/^ {2}B's overall mean latency is \d[\d.]* ms ± \d[\d.]* ms lower: significant$/m);
    const c = JSON.parse(readFileSync(join(dir, 'c.json'), 'utf8')) as ComparisonResult;
    expect(c).toMatchObject({ archsim: 1, kind: 'comparison', seed: 7, replications: [0, 1, 2] });
    expect(c.scenarios.map((s) => s.scenario)).toEqual(['mmc-2', 'mmc-3']);
    const mean = c.metrics.find((m) => m.id === 'overall.latency.mean')!;
    expect(mean.differences[0]).toMatchObject({ scenario: 1, verdict: 'lower', significant: true });
  });

  it('--json - prints only the JSON; the run flags apply to every scenario', () => {
    const o = archsim(dir, 'compare', 'a.yaml', 'b.yaml', '--replications', '2', '--duration', '20s', '--seed', '4', '--json', '-', '--workers', '1');
    expect(o.status).toBe(0);
    const c = JSON.parse(o.stdout) as ComparisonResult;
    expect(c.seed).toBe(4);
    expect(c.scenarios.map((s) => [s.replications, s.simulatedSeconds, s.seed])).toEqual([[2, 20, 4], [2, 20, 4]]);
  });

  it('bad input exits 2 and says what is wrong', () => {
    const one = archsim(dir, 'compare', 'a.yaml');
    expect(one.status).toBe(2);
    expect(one.stderr).toContain('expected at least two scenarios to compare, got 1');
    const missing = archsim(dir, 'compare', 'a.yaml', 'nope.yaml');
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain("cannot read scenario 'nope.yaml'");
    const invalid = archsim(dir, 'compare', 'a.yaml', 'b.yaml', '--set', 'components.app.workers=0');
    expect(invalid.status).toBe(2);
    expect(invalid.stderr).toContain('a.yaml: components.app.workers: expected a positive integer');
    for (const o of [one, missing, invalid]) expect(o.stderr).not.toContain('internal error');
  });

  it('has help', () => {
    const o = archsim(dir, 'compare', '--help');
    expect(o.status).toBe(0);
    expect(o.stdout).toContain('Usage: archsim compare <a> <b>');
  });
});
