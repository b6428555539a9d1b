import { describe, expect, it } from 'vitest';
import { runCheck } from '../../sim-core/case-study/plausibility-checks.ts';
import type { Check } from '../../sim-core/case-study/case-study-schema.ts';
import type { RunResult } from '../../sim-core/run/result.ts';

const q = { quote: 'q', title: 't' };

describe('plausibility checks', () => {
  it('change: a percentage that does not follow from the figures is inconsistent', () => {
    const seventy = runCheck({ check: 'change', from: '2.8s', to: '320ms', claimed: '70%', ...q }, {});
    expect(seventy.verdict).toBe('inconsistent');
    expect(seventy.why).toContain('−88.6%');
    const eightyNine = runCheck({ check: 'change', from: '2.8s', to: '320ms', claimed: '89%', ...q }, {});
    expect(eightyNine.verdict).toBe('consistent');
    expect(runCheck({ check: 'change', from: '$45000', to: '$55000', claimed: '+23%', ...q }, {}).verdict).toBe('consistent'); // +22.2%
    expect(runCheck({ check: 'change', from: 500, to: 7200, claimed: '+1,340%', ...q }, {}).verdict).toBe('consistent');
  });

  it('change: factors either way round, within 5%', () => {
    expect(runCheck({ check: 'change', from: '500/s', to: '7200/s', claimed: '14x', ...q }, {}).verdict).toBe('consistent');
    expect(runCheck({ check: 'change', from: 10000, to: 2000000, claimed: '200x', ...q }, {}).verdict).toBe('consistent');
    expect(runCheck({ check: 'change', from: 10000, to: 2000000, claimed: '100x', ...q }, {}).verdict).toBe('inconsistent');
  });

  it("littles-law: X = N / (Z + R) against a throughput", () => {
    // 36,000 users / (3.5 s + 0.1 s) = 10,000/s exactly.
    const ok = runCheck({ check: 'littles-law', users: 36000, thinkTime: '3.5s', latency: '100ms', throughput: '10000/s', ...q }, {});
    expect(ok.verdict).toBe('plausible');
    expect(ok.working[0]).toContain('10,000/s');
    expect(runCheck({ check: 'littles-law', users: 36000, thinkTime: '3.5s', latency: '100ms', throughput: '50000/s', ...q }, {}).verdict).toBe('implausible');
  });

  it('capacity-cost: instance cost scales with load and utilisation', () => {
    const result = {
      overall: { throughput: 100 },
      components: { app: { utilisation: 0.35 }, db: { utilisation: 0.1 }, 'db.replicas': { utilisation: 0.7 } },
      cost: {
        lines: [
          { component: 'app', kind: 'fixed', monthly: 1000 },
          { component: 'db', kind: 'fixed', monthly: 500 },
          { component: 'gw', kind: 'usage', monthly: 10 },
        ],
      },
    } as unknown as RunResult;
    // 1,000 users / (9.9 s + 0.1 s) = 100/s: the simulated load, so k = 1.
    const check: Check = { check: 'capacity-cost', scenario: 's', users: 1000, thinkTime: '9.9s', latency: '100ms', cost: '$1700', ...q };
    const row = runCheck(check, { s: result });
    // app: 1000 × 0.35/0.7 = 500; db (its busiest station, the replicas): 500 × 0.7/0.7 = 500; usage 10.
    expect(row.working[2]).toContain('$1,010/month');
    expect(row.verdict).toBe('plausible');
    expect(runCheck({ ...check, users: 10000 }, { s: result }).verdict).toBe('implausible'); // $10,100 needed
  });

  it('downtime-budget: an outage longer than the budget is implausible', () => {
    const row = runCheck({ check: 'downtime-budget', uptime: '99.99%', mttr: '12m', outage: '6h', ...q }, {});
    expect(row.working[0]).toBe('99.99% over a year allows 52.6 min down');
    expect(row.working[1]).toContain('4.38 incidents');
    expect(row.verdict).toBe('implausible');
    const quarter = runCheck({ check: 'downtime-budget', uptime: '99.995%', period: '91d', mttr: '4m', ...q }, {});
    expect(quarter.working[0]).toBe('99.995% over 91.0 days allows 6.55 min down');
    expect(quarter.verdict).toBe('plausible');
  });

  it("downtime-budget: against the scenario's uptime study", () => {
    const study = (mean: number, halfWidth: number) =>
      ({ uptimeStudy: { uptime: { mean: 1 - mean / 525600, halfWidth: 0 }, uptimeDowntimeMinutesPerYear: { mean, halfWidth } } }) as unknown as RunResult;
    const check: Check = { check: 'downtime-budget', uptime: '99.99%', scenario: 's', ...q };
    expect(runCheck(check, { s: study(200, 20) }).verdict).toBe('implausible');
    expect(runCheck(check, { s: study(60, 10) }).verdict).toBe('plausible'); // 50 ≤ 52.6 is possible
  });
});

describe('downtime-budget of a 100% claim', () => {
  it('says the claim allows no downtime instead of dividing by zero', () => {
    const row = runCheck({ check: 'downtime-budget', uptime: '100%', period: '182d', mttr: '28m', outage: '1h', quote: 'q', title: 't' }, {});
    expect(row.working).toEqual(['100% over 182 days allows 0.0 min down', 'at an MTTR of 28.0 min: not one incident in that period', 'one 1h outage is 60.0 min; the claim allows none']);
    expect(row.verdict).toBe('implausible');
  });
});
