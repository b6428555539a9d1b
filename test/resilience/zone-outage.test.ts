import { beforeAll, describe, expect, it } from 'vitest';
import type { RunResult } from '../../sim-core/run/result.ts';
import { errorsOf } from '../helpers/errors-of.ts';
import { runScenario } from '../helpers/scenario.ts';

/**
 * A zone goes down: 3 zones, a service of 3 replicas (one per zone) behind round-robin, 300/s.
 * zone-b (replica 1) dies from 20 s to 50 s. Until the health checks (every 10 s, 2 failures)
 * take it out — 10 to 20 s after it died — the balancer still sends it a third of the arrivals,
 * which fail (unavailable); then the other two carry everything and nothing fails; when the
 * zone returns, 2 good checks (10–20 s) put it back.
 */
const scenario = (extra = '') => `
archsim: 1
name: zone outage
run: { duration: 90s, warmup: 0s, replications: 2, seed: 91, seriesInterval: 1s }
workload: { arrivals: 300/s }
endpoints: { get: { call: app.get } }
components:
  app: { kind: service, replicas: 3, workers: 8, operations: { get: { cpu: exp(10ms) } } }
zones: 3
incidents:
  - { at: 20s, for: 30s, target: zone-b, effect: down${extra} }
`;

describe('a zone outage with health checks, seed 91', () => {
  let r: RunResult;
  const failedShare = (from: number, to: number) => {
    const idx = r.series.t.map((t, i) => [t, i]).filter(([t]) => t >= from && t < to).map(([, i]) => i);
    return idx.reduce((s, i) => s + r.series.errorRate[i], 0) / idx.length;
  };
  beforeAll(() => {
    r = runScenario(scenario());
  });

  it('no failures before the outage', () => {
    expect(failedShare(0, 20)).toBe(0);
  });

  it('a third of the arrivals fail until the replica is detected (10–20 s), none after', () => {
    expect(failedShare(21, 30)).toBeGreaterThan(0.3); // detection is never sooner than 10 s
    expect(failedShare(21, 30)).toBeLessThan(0.36);
    expect(failedShare(40, 90)).toBe(0);
    const lost = r.overall.errorsByCause.unavailable * r.overall.finished;
    // 100/s for 10–20 s (uniform check phase), in each replication: 1,000–2,000 requests.
    expect(lost).toBeGreaterThan(1000);
    expect(lost).toBeLessThan(2000);
  });

  it('bad input: a zone the scenario lacks; a zone that is slowed', () => {
    expect(errorsOf(scenario().replace('target: zone-b', 'target: zone-d'))).toEqual(["11:34 incidents[0].target: unknown zone 'zone-d' (zones: zone-a, zone-b, zone-c)"]);
    expect(errorsOf(scenario().replace('effect: down', 'effect: slow(x2)'))).toEqual(["11:50 incidents[0].effect: a zone can only go down (effect: down), got 'slow(x2)'"]);
  });
});
