import { describe, expect, it } from 'vitest';
import { findKnees } from '../../sim-core/run/knee.ts';
import type { RunResult } from '../../sim-core/run/result.ts';
import type { SweepResult } from '../../sim-core/run/sweep.ts';
import { varyValues, type VarySpec } from '../../sim-core/run/vary.ts';
import { axisOf, defaultForm, firstKnee, kneeBand, summariseSweep, sweepPanels, sweepTable, varyOf } from '../../renderer/results/sweep-model.ts';

/** Just the fields the summary and the knee read. */
function fakeRun(throughput: number, p95: number, p99: number, errorRate: number): RunResult {
  const endpoint = { throughput, errorRate, sloShare: 1 - errorRate, latency: { p95, p99 }, ci95: { throughput: throughput / 100 } };
  return { overall: endpoint, endpoints: { api: endpoint } } as unknown as RunResult;
}

function fakeSweep(vary: VarySpec, p99s: number[]): SweepResult {
  const values = varyValues(vary);
  const points = values.map((v, index) => ({ index, values: { [vary.path]: v }, slos: { api: 200 }, result: index === 3 ? null : fakeRun(v / 10, p99s[index] / 2, p99s[index], 0.001) }));
  return { archsim: 1, kind: 'sweep', scenario: 'shop', seed: 7, replications: 3, vary: [vary], points, knees: findKnees(points, [vary]), wallSeconds: 12 };
}

describe('the sweep form', () => {
  it('sweeps users for a closed workload and arrivals for an open one', () => {
    expect(axisOf({ workload: { users: 50_000 } } as never)).toBe('users');
    expect(defaultForm({ workload: { users: 50_000 } } as never)).toEqual({ axis: 'users', from: 10_000, to: 100_000, steps: 6 });
    expect(defaultForm({ workload: { arrivals: '3000/s' } } as never)).toEqual({ axis: 'arrivals', from: 600, to: 6000, steps: 6 });
  });

  it('becomes a --vary spec, or says what is wrong', () => {
    expect(varyOf({ axis: 'users', from: 1000, to: 5000, steps: 5 }).spec).toEqual({ path: 'workload.users', from: 1000, to: 5000, steps: 5, unit: '', integer: true });
    expect(varyOf({ axis: 'arrivals', from: 100, to: 800, steps: 8 }).spec).toMatchObject({ path: 'workload.arrivals', unit: '/s' });
    expect(varyOf({ axis: 'users', from: 1000, to: 5000, steps: 1 }).error).toMatch(/2 to 20 steps/);
    expect(varyOf({ axis: 'users', from: 0, to: 5000, steps: 4 }).error).toMatch(/positive/);
    expect(varyOf({ axis: 'users', from: NaN, to: 5000, steps: 4 }).error).toMatch(/numbers/);
  });
});

describe('the sweep summary', () => {
  const vary = varyOf({ axis: 'users', from: 1000, to: 6000, steps: 6 }).spec!;
  const s = summariseSweep(fakeSweep(vary, [50, 80, 150, 0, 400, 900]));

  it('keeps the headline numbers per point, and marks a point without a result', () => {
    expect(s.points.map((p) => p.value)).toEqual([1000, 2000, 3000, 4000, 5000, 6000]);
    expect(s.points[0]).toMatchObject({ throughput: 100, p95: 25, p99: 50, ok: true, throughputHw: 1 });
    expect(s.points[3].ok).toBe(false);
    expect(s).toMatchObject({ scenario: 'shop', axis: 'users', unit: '', replications: 3, seed: 7, partial: false });
  });

  it('finds the knee between the last load that met the SLO and the first that broke it', () => {
    const knee = firstKnee(s)!;
    expect(knee).toMatchObject({ endpoint: 'api', status: 'crosses', breach: 'p99' });
    expect([knee.before?.value, knee.after?.value]).toEqual([3000, 5000]);
    expect(kneeBand(s)).toEqual([expect.objectContaining({ start: 3000, end: 5000 })]);
  });

  it('tables every point with the knee marked, and charts only the points with results', () => {
    const t = sweepTable(s);
    expect(t.rows).toHaveLength(6);
    expect(t.rows[2][5].text).toBe('last met');
    expect(t.rows[4][5].text).toBe('knee: breaks');
    expect(t.rows[3][1].text).toBe('no result');
    const panels = sweepPanels(s);
    expect(panels.map((p) => p.id)).toEqual(['throughput', 'latency', 'errorRate']);
    expect(panels[1].lines.map((l) => l.points.length)).toEqual([5, 5]);
  });

  it('has no knee when every point meets the SLO', () => {
    const calm = summariseSweep(fakeSweep(vary, [50, 60, 70, 0, 90, 100]));
    expect(firstKnee(calm)).toBeUndefined();
    expect(kneeBand(calm)).toEqual([]);
  });
});
