import { describe, expect, it } from 'vitest';
import { findKnees, KNEE_SLO_SHARE, type KneePoint } from '../../sim-core/run/knee.ts';
import type { RunResult } from '../../sim-core/run/result.ts';
import type { VarySpec } from '../../sim-core/run/vary.ts';

/** Just the fields a knee reads; the rest of a RunResult is irrelevant here. */
function result(endpoints: Record<string, { p99: number; sloShare: number }>): RunResult {
  const out: Record<string, unknown> = {};
  for (const [name, e] of Object.entries(endpoints)) out[name] = { latency: { p99: e.p99 }, sloShare: e.sloShare };
  return { endpoints: out } as unknown as RunResult;
}

const USERS: VarySpec = { path: 'workload.users', from: 1000, to: 4000, steps: 4, unit: '', integer: true };
const REPLICAS: VarySpec = { path: 'components.app.replicas', from: 1, to: 2, steps: 2, unit: '', integer: true };

function line(p99s: number[], shares: number[], slo = 500, offset = 0, extra: Record<string, number> = {}): KneePoint[] {
  return p99s.map((p99, i) => ({
    index: offset + i,
    values: { 'workload.users': 1000 * (i + 1), ...extra },
    slos: { transfer: slo },
    result: result({ transfer: { p99, sloShare: shares[i] } }),
  }));
}

describe('the knee of a sweep', () => {
  it('is the first point whose p99 exceeds the SLO, with the last point that met it', () => {
    const [k] = findKnees(line([100, 300, 520, 900], [1, 1, 0.995, 0.9]), [USERS]);
    expect(k).toMatchObject({ endpoint: 'transfer', sloMs: 500, axis: 'workload.users', status: 'crosses', breach: 'p99' });
    expect(k.before).toMatchObject({ point: 1, value: 2000, p99: 300 });
    expect(k.after).toMatchObject({ point: 2, value: 3000, p99: 520 });
  });

  it(`also breaks when fewer than ${KNEE_SLO_SHARE * 100}% of requests are within the SLO (errors), even with a low p99`, () => {
    const [k] = findKnees(line([100, 110, 120, 130], [0.999, 0.995, 0.97, 0.5]), [USERS]);
    expect(k).toMatchObject({ status: 'crosses', breach: 'sloShare' });
    expect(k.before?.value).toBe(2000);
    expect(k.after?.value).toBe(3000);
  });

  it('says when the SLO holds everywhere, or is broken from the first point', () => {
    expect(findKnees(line([100, 200, 300, 400], [1, 1, 1, 1]), [USERS])[0]).toMatchObject({ status: 'holds', before: { value: 4000 } });
    const broken = findKnees(line([600, 700, 800, 900], [0.9, 0.8, 0.7, 0.6]), [USERS])[0];
    expect(broken).toMatchObject({ status: 'brokenAtStart', breach: 'p99', after: { value: 1000 } });
    expect(broken.before).toBeUndefined();
  });

  it('an endpoint without traffic (p99 NaN, share 1) does not break; one whose every request failed does', () => {
    expect(findKnees(line([NaN, NaN], [1, 1]), [USERS])[0].status).toBe('holds');
    expect(findKnees(line([100, NaN], [1, 0]), [USERS])[0]).toMatchObject({ status: 'crosses', breach: 'sloShare' });
  });

  it('skips points without a result and endpoints without an SLO', () => {
    const points = line([100, 300, 900], [1, 1, 0.5]);
    points[1].result = null;
    const [k] = findKnees(points, [USERS]);
    expect(k).toMatchObject({ status: 'crosses', before: { point: 0 }, after: { point: 2 } });
    const noSlo = line([100, 900], [1, 0.5]).map((p) => ({ ...p, slos: {} }));
    expect(findKnees(noSlo, [USERS])).toEqual([]);
  });

  it('with several --vary, searches along the first, once per value of the others', () => {
    const points = [
      ...line([100, 600, 900, 900], [1, 0.9, 0.5, 0.5], 500, 0, { 'components.app.replicas': 1 }),
      ...line([100, 200, 300, 700], [1, 1, 1, 0.9], 500, 4, { 'components.app.replicas': 2 }),
    ];
    const knees = findKnees(points, [USERS, REPLICAS]);
    expect(knees).toHaveLength(2);
    expect(knees[0]).toMatchObject({ fixed: { 'components.app.replicas': 1 }, status: 'crosses', before: { value: 1000 }, after: { value: 2000 } });
    expect(knees[1]).toMatchObject({ fixed: { 'components.app.replicas': 2 }, status: 'crosses', before: { value: 3000 }, after: { value: 4000 } });
  });
});
