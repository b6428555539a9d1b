import { describe, expect, it } from 'vitest';
import { simulate } from '../../sim-core/engine/simulation.ts';
import type { ReplicationResult } from '../../sim-core/metrics/replication-result.ts';
import { compileScenario } from '../helpers/scenario.ts';

/**
 * Regression: the round-robin cursor (also leastConnections' starting offset) must stay among the
 * serving replicas when their count falls. It used to wrap only on reaching the count exactly, so
 * a cursor at or past a smaller count walked on through the retired replicas into the next
 * station's replica ids — here `db`'s, whose busy and queue areas went negative — and then past
 * the arrays, where every arrival was "rejected" although every queue is unbounded.
 *
 * A shrink breaks the cursor when it lies at or past the new count: for 8 → 1..3 (autoscaling)
 * with probability ≥ 5/8, for 4 → 2 (a rolling batch of 2) 1/2. Each scenario shrinks several
 * times, so it fails before the fix for almost any seed (29 of the 30 runs of seeds 1–10 did).
 *
 * app: 8 replicas × 4 workers, holding a worker for its CPU (exp 5 ms) and its synchronous call
 * to db (exp 5 ms): 2,000/s keeps ~20 workers busy (62%, at the target), 200/s ~2 (6%: down to
 * one or two replicas). The load falls three times; the app scales down at least twice (the series
 * sees two shrinks in one interval as one) and back up in between.
 */
const autoscaled = (balancer: string, seed: number) => `
archsim: 1
name: scale-down, ${balancer}
run: { duration: 150s, warmup: 0s, replications: 1, seed: ${seed}, seriesInterval: 5s }
workload:
  arrivals: 2000/s
  profile:
    - { at: 0s, x: 1 }
    - { at: 20s, x: 0.1 }
    - { at: 50s, x: 1 }
    - { at: 70s, x: 0.1 }
    - { at: 100s, x: 1 }
    - { at: 120s, x: 0.1 }
endpoints: { get: { call: app.get } }
components:
  app:
    kind: service
    replicas: 8
    workers: 4
    balancer: ${balancer}
    autoscale: { min: 1, max: 8, metric: utilisation, target: 60%, every: 5s, provision: 5s, cooldown: 10s }
    operations: { get: { cpu: exp(5ms), steps: [ { call: db.get } ] } }
  db:
    kind: service
    replicas: 2
    workers: 16
    operations: { get: { cpu: exp(5ms) } }
`;

/** The same two services without autoscaling, under a rolling deploy taking 2 of 4 app replicas out at a time. */
const rolling = (seed: number) => `
archsim: 1
name: rolling deploy
run: { duration: 100s, warmup: 0s, replications: 1, seed: ${seed}, seriesInterval: 5s }
workload: { arrivals: 400/s }
endpoints: { get: { call: app.get } }
components:
  app:
    kind: service
    replicas: 4
    workers: 4
    deploy: { every: 10s, strategy: rolling, batch: 2, duration: 2s }
    operations: { get: { cpu: exp(5ms), steps: [ { call: db.get } ] } }
  db:
    kind: service
    replicas: 2
    workers: 16
    operations: { get: { cpu: exp(5ms) } }
`;

function run(text: string): ReplicationResult {
  return simulate(compileScenario(text), { replication: 0 });
}

/** Nothing in these scenarios can fail, wait in a bounded queue, or count a visit twice. */
function expectConsistent(r: ReplicationResult): void {
  const { arrivals, completed, failed, inSystem } = r.invariants;
  expect(failed).toBe(0);
  expect(completed + inSystem).toBe(arrivals);
  r.stations.forEach((st, s) => {
    expect(st.rejected, `${st.name} rejected`).toBe(0);
    expect(st.failedByCause.every((n) => n === 0), `${st.name} failures`).toBe(true);
    expect(st.busyArea, `${st.name} busy area`).toBeGreaterThanOrEqual(0);
    expect(st.queueArea, `${st.name} queue area`).toBeGreaterThanOrEqual(0);
    // Each request visits app once and db once (warm-up 0: every visit is counted).
    expect(st.completed, `${st.name} visits`).toBeLessThanOrEqual(arrivals);
    expect(st.completed, `${st.name} visits`).toBeGreaterThanOrEqual(arrivals - inSystem);
    expect(Math.min(...r.series.utilisation[s]), `${st.name} utilisation series`).toBeGreaterThanOrEqual(0);
    expect(Math.min(...r.series.queueLength[s]), `${st.name} queue series`).toBeGreaterThanOrEqual(0);
  });
}

/** Times the serving count fell between consecutive series intervals. */
function shrinks(series: Float64Array): number {
  let n = 0;
  for (let i = 1; i < series.length; i++) if (series[i] < series[i - 1] - 1e-9) n++;
  return n;
}

describe('scale-down keeps the balancer among the serving replicas', () => {
  for (const [balancer, seed] of [['roundRobin', 3], ['leastConnections', 4]] as const) {
    it(`autoscaling 8 → 1..3 and back, repeatedly, ${balancer}, seed ${seed}: no rejections, areas ≥ 0, visits conserved`, () => {
      const r = run(autoscaled(balancer, seed));
      const app = r.stations.findIndex((st) => st.name === 'app');
      expectConsistent(r);
      expect(Math.min(...r.series.replicas[app])).toBeLessThanOrEqual(3);
      expect(shrinks(r.series.replicas[app])).toBeGreaterThanOrEqual(2);
    });
  }

  it('a rolling deploy, 2 of 4 out at a time every 10 s, seed 5: no rejections, areas ≥ 0, visits conserved', () => {
    const r = run(rolling(5));
    const app = r.stations.findIndex((st) => st.name === 'app');
    expectConsistent(r);
    expect(Math.min(...r.series.replicas[app])).toBeLessThan(4);
  });
});
