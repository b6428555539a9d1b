import { describe, expect, it } from 'vitest';
import { errorsOf } from '../helpers/errors-of.ts';
import { runScenario } from '../helpers/scenario.ts';

/**
 * A local (in-process) cache over 1,000 equally popular keys with room for all of them: it never
 * evicts, so the lookup after z earlier ones at a replica hits with probability
 * h(z) = 1 − e^{−z/1000} (a key is present iff it was asked for since the replica started).
 */
const scenario = (extra: string, cache = 'warm: false') => `
archsim: 1
name: local cache
run: { duration: 2m, warmup: 0s, replications: 1, seed: 43, seriesInterval: 5s }
workload: { arrivals: 50/s }
endpoints: { get: { call: app.get } }
zones: 2
components:
  app:
    kind: service
    replicas: 1
    workers: 10
    operations:
      get:
        steps:
          - cache: local
            miss: [ { delay: const(5ms) } ]
  local: { kind: cache, local: true, latency: const(0.01ms), capacity: 1000, keys: 1000, zipf: 0, ${cache} }
${extra}
`;

const h = (z: number) => 1 - Math.exp(-z / 1000);

describe('local caches start cold on each replica, seed 43', () => {
  it('one replica from cold: hits = Σ h(z) over its lookups, within 5 standard deviations', () => {
    const r = runScenario(scenario(''));
    const lookups = Math.round(r.components.local.lookups! * 120);
    const hits = Math.round(r.components.local.hitRatio! * lookups);
    let mean = 0;
    let variance = 0;
    for (let z = 0; z < lookups; z++) {
      mean += h(z);
      variance += h(z) * (1 - h(z));
    }
    expect(lookups).toBeGreaterThan(5000);
    expect(Math.abs(hits - mean)).toBeLessThan(5 * Math.sqrt(variance));
  });

  it('warm: true starts full: every lookup hits', () => {
    const r = runScenario(scenario('', 'warm: true'));
    expect(r.components.local.hitRatio).toBe(1);
  });

  it('a replica back from a zone outage starts empty again, and the cache is not in a zone', () => {
    const r = runScenario(scenario('incidents: [ { at: 60s, for: 10s, target: zone-a, effect: down } ]', 'warm: true'));
    const ratio = r.series.cacheHitRatio.local;
    const at = (t: number) => ratio[r.series.t.indexOf(t)];
    expect(at(55)).toBe(1);
    // Back at 70 s: 250 lookups in [70 s, 75 s) hit h(z) ≈ 12% on average.
    expect(at(70)).toBeLessThan(0.25);
    expect(at(115)).toBeGreaterThan(0.85);
  });

  it('a restart deploy replaces the replica: it comes back empty', () => {
    const r = runScenario(scenario('', 'warm: true').replace('    replicas: 1\n', '    replicas: 1\n    deploy: { at: 60s, strategy: restart, duration: 5s }\n'));
    const ratio = r.series.cacheHitRatio.local;
    const at = (t: number) => ratio[r.series.t.indexOf(t)];
    expect(at(55)).toBe(1);
    expect(at(65)).toBeLessThan(0.25);
  });

  it('bad input: a ttl on a local cache', () => {
    expect(errorsOf(scenario('', 'ttl: 5m'))).toEqual(['18:104 components.local.ttl: a ttl on a local cache is not modelled: drop ttl, or make the cache shared (local: false)']);
  });
});
