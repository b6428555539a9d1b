import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ComparisonResult } from '../../sim-core/run/compare.ts';
import { archsim } from './study-cli-helpers.ts';

/**
 * `archsim compare` bills every replication of every scenario with its own cost plan and
 * compares `cost.monthly` like any other metric. 2 vs 3 replicas of m6i.large differ by exactly
 * 0.096 × 730 = $70.08 a month in every replication, so the paired half-width is 0.
 */

const SEED = 7;
let dir: string;

function writeScenario(file: string, opts: { replicas: number; instance?: string; gateway?: boolean }) {
  const instance = opts.instance === undefined ? '' : `instance: ${opts.instance}, `;
  const entry = opts.gateway ? 'gw.op' : 'app.op';
  const gateway = opts.gateway ? '  gw: { kind: gateway, latency: const(1ms), routes: { op: app.op } }\n' : '';
  writeFileSync(join(dir, file), `archsim: 1
name: app-${opts.replicas}
run: { duration: 20s, warmup: 2s, replications: 3, seed: ${SEED} }
workload: { arrivals: 100/s }
endpoints: { work: { call: ${entry} } }
components:
${gateway}  app: { kind: service, replicas: ${opts.replicas}, workers: 4, ${instance}operations: { work: { cpu: exp(10ms) }, op: { cpu: exp(10ms) } } }
`);
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'archsim-compare-cost-'));
  writeScenario('two.yaml', { replicas: 2, instance: 'm6i.large' });
  writeScenario('three.yaml', { replicas: 3, instance: 'm6i.large' });
  writeScenario('two-gw.yaml', { replicas: 2, instance: 'm6i.large', gateway: true });
  writeScenario('three-gw.yaml', { replicas: 3, instance: 'm6i.large', gateway: true });
  writeScenario('unpriced-2.yaml', { replicas: 2 });
  writeScenario('unpriced-3.yaml', { replicas: 3 });
  writeScenario('typo.yaml', { replicas: 3, instance: 'm6i.larg' });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const costMetric = (c: ComparisonResult) => c.metrics.find((m) => m.id === 'cost.monthly');

describe(`archsim compare: monthly cost, seed ${SEED}`, () => {
  it('2 vs 3 × m6i.large: $140.16 and $210.24, B − A = +$70.08 exactly in every replication', () => {
    const o = archsim(dir, 'compare', 'two.yaml', 'three.yaml', '--workers', '1', '--json', 'c.json');
    expect(o.stderr).toBe('');
    expect(o.status).toBe(0);
    // The cost table: values without ± (the same bill in every replication), the difference exact.
    expect(o.stdout).toMatch(/^cost\s+A\s+B\s+B − A\s+unpaired\s+verdict$/m);
    expect(o.stdout).toMatch(/^monthly cost\s+\$140\.16\s+\$210\.24\s+\+\$70\.08\s+higher$/m);
    expect(o.stdout).toContain("  B's monthly cost is $70.08 higher in every replication");

    const c = JSON.parse(readFileSync(join(dir, 'c.json'), 'utf8')) as ComparisonResult;
    const m = costMetric(c)!;
    expect(m).toMatchObject({ id: 'cost.monthly', scope: 'cost', metric: 'monthly', unit: 'usd' });
    expect(m.values.map((v) => v.halfWidth)).toEqual([0, 0]);
    expect(m.values[0].mean).toBeCloseTo(140.16, 9);
    expect(m.values[1].mean).toBeCloseTo(210.24, 9);
    const d = m.differences[0];
    expect(d).toMatchObject({ scenario: 1, halfWidth: 0, unpairedHalfWidth: 0, pairs: 3, verdict: 'higher', significant: true });
    expect(d.mean).toBeCloseTo(70.08, 9);
    // Each scenario's own RunResult carries its bill.
    expect(c.scenarios.map((s) => s.cost.lines.map((l) => [l.item, l.quantity]))).toEqual([[['m6i.large', 1460]], [['m6i.large', 2190]]]);
    expect(c.scenarios[1].cost.monthly).toBeCloseTo(210.24, 9);
  });

  it('with a gateway, each bill varies with the simulated requests but the paired difference stays +$70.08 ± 0', () => {
    const o = archsim(dir, 'compare', 'two-gw.yaml', 'three-gw.yaml', '--workers', '1', '--json', 'gw.json');
    expect(o.status).toBe(0);
    const c = JSON.parse(readFileSync(join(dir, 'gw.json'), 'utf8')) as ComparisonResult;
    const m = costMetric(c)!;
    // The requests, and so the gateway's bill, differ between replications: each value has a CI …
    for (const v of m.values) expect(v.halfWidth).toBeGreaterThan(0);
    // … but common random numbers send the same requests through both gateways: only the
    // fixed bill differs, so the paired difference is exact while the unpaired one is not.
    // (Exact up to floating-point rounding: the bills are sums that differ in the 14th digit.)
    expect(m.differences[0].mean).toBeCloseTo(70.08, 9);
    expect(m.differences[0].halfWidth).toBeLessThan(1e-9);
    expect(m.differences[0].unpairedHalfWidth).toBeGreaterThan(0.01);
    expect(m.differences[0]).toMatchObject({ pairs: 3, verdict: 'higher' });
    // The report shows each value's ± and the unpaired one, but no ± on the paired difference.
    expect(o.stdout).toMatch(/^monthly cost\s+\$4\d\d\.\d\d ±\$\d+\.\d\d\s+\$4\d\d\.\d\d ±\$\d+\.\d\d\s+\+\$70\.08\s+±\$\d+\.\d\d\s+higher$/m);
    expect(o.stdout).toContain("  B's monthly cost is $70.08 higher in every replication");
    const usage = c.scenarios.map((s) => s.cost.lines.find((l) => l.item === 'apigateway.http.requests')!.monthly);
    expect(usage[0]).toBeCloseTo(usage[1], 9);
    // ≈ 100 requests/s × 2.628 million s per month × $1.00/million.
    expect(Math.abs(usage[0] - 262.8)).toBeLessThan(0.1 * 262.8);
  });

  it('scenarios that price nothing get no cost row', () => {
    const o = archsim(dir, 'compare', 'unpriced-2.yaml', 'unpriced-3.yaml', '--workers', '1', '--replications', '2', '--json', 'u.json');
    expect(o.status).toBe(0);
    expect(o.stdout).not.toContain('monthly cost');
    const c = JSON.parse(readFileSync(join(dir, 'u.json'), 'utf8')) as ComparisonResult;
    expect(costMetric(c)).toBeUndefined();
    expect(c.scenarios[0].cost.excluded[0]).toBe('components without instance or price: app');
  });

  it('an unknown instance type in any scenario is bad input before anything runs', () => {
    const o = archsim(dir, 'compare', 'two.yaml', 'typo.yaml', '--workers', '1');
    expect(o.status).toBe(2);
    expect(o.stderr).toContain("typo.yaml:7:");
    expect(o.stderr).toContain("components.app.instance: unknown instance type 'm6i.larg' in the price list 'AWS us-east-1, on-demand'; did you mean 'm6i.large'?");
    expect(o.stderr).not.toContain('internal error');
    expect(o.stdout).toBe('');
  });
});
