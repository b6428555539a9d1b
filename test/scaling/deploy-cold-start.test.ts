import { describe, expect, it } from 'vitest';
import { runScenario } from '../helpers/scenario.ts';

/**
 * Regression: a rolling deploy must restart (empty local caches, new release) the replicas it took
 * out, batch by batch. It used to take the highest-numbered replicas out of the balancer for every
 * batch while restarting replicas 0, 1, … in turn — replicas that had kept serving all along.
 *
 * Three replicas (zones: 3, so replica k is in zone k), round-robin, a local cache with room for
 * every key, warm at t = 0. Zone a (replica 0) is down from 20 s to 25 s, so replica 0 comes back
 * empty and has made only ~700 lookups by 60 s: its hit ratio is about h(700) = 1 − e^{−0.007} ≈ 0.7%,
 * while replicas 1 and 2 hit every lookup. The rolling deploy (batch 1, 10 s each) starts at 60 s.
 * - Replica 0 goes first: in [60 s, 70 s) only the full replicas 1 and 2 serve, so every lookup
 *   hits — the ratio is exactly 1. (Before the fix replica 2 was out and the nearly empty replica
 *   0 served half the lookups: about 0.5.)
 * - Replica 0 comes back empty at 70 s and replica 1 goes out: 0 (empty) and 2 (full) serve, ~0.5.
 * - Replica 1 comes back empty at 80 s and replica 2 goes out: only empty replicas serve, < 1%.
 * - Replica 2 comes back empty at 90 s: from then on every replica is new and nearly empty.
 */
const scenario = `
archsim: 1
name: rolling deploy restarts the replicas it took out
run: { duration: 120s, warmup: 0s, replications: 1, seed: 57, seriesInterval: 5s }
workload: { arrivals: 60/s }
endpoints: { get: { call: app.get } }
zones: 3
incidents: [ { at: 20s, for: 5s, target: zone-a, effect: down } ]
components:
  app:
    kind: service
    replicas: 3
    workers: 10
    balancer: roundRobin
    deploy: { at: 60s, strategy: rolling, batch: 1, duration: 10s }
    operations:
      get:
        steps:
          - cache: local
            miss: [ { delay: const(5ms) } ]
  local: { kind: cache, local: true, latency: const(0.01ms), capacity: 100000, keys: 100000, zipf: 0, warm: true }
`;

describe('a rolling deploy restarts the replicas it took out, seed 57', () => {
  const r = runScenario(scenario);
  const ratio = r.series.cacheHitRatio.local;
  /** Mean hit ratio over the series intervals starting in [from, to) seconds. */
  const mean = (from: number, to: number) => {
    const xs = ratio.filter((_, i) => r.series.t[i] >= from && r.series.t[i] < to);
    return xs.reduce((a, b) => a + b, 0) / xs.length;
  };

  it('before the deploy: replica 0, back empty from its zone outage, holds the ratio near 2/3', () => {
    expect(mean(40, 60)).toBeGreaterThan(0.6);
    expect(mean(40, 60)).toBeLessThan(0.7);
  });

  it('first batch: replica 0 is out, so only the two full replicas serve — every lookup hits', () => {
    expect(mean(60, 70)).toBe(1);
  });

  it('second batch: replica 0 is back empty and replica 1 out — half the lookups go to the full replica 2', () => {
    expect(mean(70, 80)).toBeGreaterThan(0.4);
    expect(mean(70, 80)).toBeLessThan(0.6);
  });

  it('third batch and after: every serving replica restarted, none full', () => {
    expect(mean(80, 90)).toBeLessThan(0.02);
    expect(mean(90, 120)).toBeLessThan(0.02);
  });

  it('the deploy takes one replica out at a time for 30 s, and nothing fails from 30 s on', () => {
    const at = (t: number) => r.series.replicas.app[r.series.t.indexOf(t)];
    for (const t of [55, 90, 115]) expect(at(t)).toBe(3);
    for (const t of [60, 70, 80, 85]) expect(at(t)).toBe(2);
    // Only the zone outage fails requests (sent to replica 0 before the health checks see it).
    expect(r.series.errorRate.filter((_, i) => r.series.t[i] >= 30)).toEqual(new Array(18).fill(0));
  });
});
