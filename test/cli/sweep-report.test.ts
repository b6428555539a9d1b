import { describe, expect, it } from 'vitest';
import { describeKnee } from '../../sim-core/cli/sweep-report.ts';
import type { Knee } from '../../sim-core/run/knee.ts';
import type { VarySpec } from '../../sim-core/run/vary.ts';

const USERS: VarySpec = { path: 'workload.users', from: 10000, to: 200000, steps: 10, unit: '', integer: true };
const REPLICAS: VarySpec = { path: 'components.app.replicas', from: 1, to: 16, factor: 2, unit: '', integer: true };
const RATE: VarySpec = { path: 'workload.arrivals', from: 100, to: 800, factor: 2, unit: '/s', integer: true };

const base: Knee = { endpoint: 'transfer', sloMs: 500, axis: 'workload.users', fixed: {}, status: 'crosses', breach: 'p99' };
const sample = (value: number, p99: number, sloShare: number) => ({ point: 0, value, p99, sloShare });

describe('knee sentences', () => {
  it('says between which points the p99 crosses the SLO, in the swept unit', () => {
    const k = { ...base, before: sample(84000, 420, 0.995), after: sample(102000, 610, 0.97) };
    expect(describeKnee(k, [USERS])).toBe('p99 of transfer crosses 500 ms between 84,000 and 102,000 users (p99 420 ms, 99.50% within → p99 610 ms, 97.00% within)');
    const r = { ...k, axis: 'workload.arrivals', before: sample(200, 420, 0.995), after: sample(400, 610, 0.97) };
    expect(describeKnee(r, [RATE])).toMatch(/^p99 of transfer crosses 500 ms between 200\/s and 400\/s arrivals/);
  });

  it('names the breach by the share within the SLO, the start, a holding SLO, and the other swept values', () => {
    const share = { ...base, breach: 'sloShare' as const, sloMs: 1500, before: sample(84000, 420, 0.995), after: sample(102000, 450, 0.95) };
    expect(describeKnee(share, [USERS])).toMatch(/^the share of transfer within 1.5 s falls below 99% between 84,000 and 102,000 users/);
    const start = { ...base, status: 'brokenAtStart' as const, after: sample(10000, 900, 0.5) };
    expect(describeKnee(start, [USERS])).toMatch(/^transfer breaks its SLO of 500 ms already at the first point, 10,000 users/);
    const holds = { ...base, status: 'holds' as const, breach: undefined, before: sample(200000, 90, 1), fixed: { 'components.app.replicas': 4 } };
    expect(describeKnee(holds, [USERS, REPLICAS])).toMatch(/^with components.app.replicas=4: transfer stays within its SLO of 500 ms up to 200,000 users/);
  });
});
