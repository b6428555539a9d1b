import { beforeAll, describe, expect, it } from 'vitest';
import { createCacheHitModel } from '../../sim-core/components/cache-hit-model.ts';
import type { RunResult } from '../../sim-core/run/result.ts';
import { expectAgreement } from '../helpers/agreement.ts';
import { runScenario } from '../helpers/scenario.ts';

/**
 * A cache whose hit ratio is derived (capacity 2,000 of 100,000 keys, Zipf 0.9) in front of a
 * database-like service, 1,000 lookups/s. The engine draws hits at the model's ratio h
 * (cache-hit-model.ts, checked against a direct LRU simulation in its own tests), so the
 * measured hit ratio is h within its binomial interval and the database sees (1 − h)·λ
 * (Jackson routing). A cold cache (`warm: false`) starts empty: its per-interval hit ratio rises
 * from near 0 to the steady h as it fills.
 */
const scenario = (run: string, cacheExtra: string) => `
archsim: 1
name: a derived hit ratio
run: ${run}
workload: { arrivals: 1000/s }
endpoints: { get: { call: app.get } }
components:
  app:
    kind: service
    workers: unbounded
    threading: async
    operations: { get: { steps: [ { cache: redis, miss: [ { call: db.read } ] } ] } }
  db: { kind: service, workers: 4, operations: { read: { cpu: exp(2ms) } } }
  redis: { kind: cache, latency: const(0.4ms), capacity: 2000, keys: 100000, zipf: 0.9${cacheExtra} }
`;

const model = createCacheHitModel({ keys: 100000, zipf: 0.9, capacity: 2000 });
const H = model.hitRatio(1);

describe(`derived hit ratio h = ${H.toFixed(4)} (Che, capacity 2000 of 100k keys, Zipf 0.9), seed 46`, () => {
  let r: RunResult;
  beforeAll(() => {
    r = runScenario(scenario('{ duration: 25s, warmup: 5s, replications: 10, seed: 46 }', ''));
  });

  it('the measured hit ratio is h; the database sees (1 − h)·λ', () => {
    const c = r.components.redis;
    expectAgreement({ label: 'hit ratio', estimate: c.hitRatio!, ci95: c.ci95?.hitRatio, replications: r.replications, exact: H });
    expectAgreement({ label: 'db throughput', estimate: r.components.db.throughput, ci95: r.components.db.ci95?.throughput, replications: r.replications, exact: (1 - H) * 1000 });
    expectAgreement({ label: 'hits/s (load removed)', estimate: c.hits!, ci95: c.ci95?.hits, replications: r.replications, exact: H * 1000 });
  });
});

describe('a cold cache warms up over simulated time (warm: false), seed 47', () => {
  let r: RunResult;
  beforeAll(() => {
    r = runScenario(scenario('{ duration: 60s, warmup: 0s, replications: 4, seed: 47, seriesInterval: 1s }', ', warm: false'));
  });

  it('the per-interval hit ratio rises from far below h to h', () => {
    const series = r.series.cacheHitRatio.redis;
    // At 1,000 lookups/s the cache fills in roughly T_C (a few seconds here): the first second
    // sees the cold ratio, the last ten the steady one.
    const cold = model.hitRatio(1, 1000 / 2); // the model's own cold ratio half-way through the first second
    expect(series[0]).toBeLessThan(0.8 * H);
    expect(series[0]).toBeGreaterThan(0.5 * cold);
    const last = series.slice(-10);
    const mean = last.reduce((s, x) => s + x, 0) / last.length;
    // 4 replications × 10 s × 1,000 lookups: binomial sd ≈ 0.0025; 0.015 is 6 sd.
    expect(Math.abs(mean - H)).toBeLessThan(0.015);
    for (let i = 1; i < 5; i++) expect(series[i]).toBeGreaterThanOrEqual(series[i - 1] - 0.02);
  });
});
