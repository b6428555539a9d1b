import { describe, expect, it } from 'vitest';
import { CDF_QUANTILES } from '../../sim-core/run/summarise.ts';
import type { LatencyStats } from '../../sim-core/run/result.ts';
import { runScenario } from '../helpers/scenario.ts';

/** Two endpoints on an M/M/2 service (ρ = 0.6), three replications, fixed seed. */
const SCENARIO = `
archsim: 1
name: cdf
run: { duration: 40s, warmup: 5s, replications: 3, seed: 11 }
workload: { arrivals: 80/s, mix: { fast: 7, slow: 3 } }
endpoints:
  fast: { call: app.fast }
  slow: { call: app.slow }
components:
  app: { kind: service, workers: 2, operations: { fast: { cpu: exp(10ms) }, slow: { cpu: exp(25ms) } } }
`;

function points(latency: LatencyStats): Array<[number, number]> {
  return CDF_QUANTILES.map((q) => [q, latency.cdf![`${q}`]]);
}

describe('latency.cdf: quantile points of the merged histogram, averaged like the percentiles', () => {
  const run = runScenario(SCENARIO);
  const all = { overall: run.overall, ...run.endpoints };

  it('has every quantile of CDF_QUANTILES, with a ci95 per quantile over 3 replications', () => {
    for (const [name, e] of Object.entries(all)) {
      expect(Object.keys(e.latency.cdf!).filter((k) => k !== 'ci95').sort(), name).toEqual(CDF_QUANTILES.map(String).sort());
      expect(Object.keys(e.latency.cdf!.ci95 ?? {}).length, name).toBeGreaterThan(0);
    }
  });

  it('is non-decreasing in the quantile, from the min to the max', () => {
    for (const [name, e] of Object.entries(all)) {
      const ps = points(e.latency);
      for (let i = 1; i < ps.length; i++) expect(ps[i][1], `${name} at q=${ps[i][0]}`).toBeGreaterThanOrEqual(ps[i - 1][1]);
      expect(ps[0][1]).toBeGreaterThan(0);
    }
  });

  it('passes through the reported p50, p90, p95, p99 and p99.9 exactly (same histogram, same averaging)', () => {
    for (const [name, e] of Object.entries(all)) {
      const c = e.latency.cdf!;
      expect(c['0.5'], name).toBe(e.latency.p50);
      expect(c['0.9'], name).toBe(e.latency.p90);
      expect(c['0.95'], name).toBe(e.latency.p95);
      expect(c['0.99'], name).toBe(e.latency.p99);
      expect(c['0.999'], name).toBe(e.latency.p999);
    }
  });
});
