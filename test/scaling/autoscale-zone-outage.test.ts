import { describe, expect, it } from 'vitest';
import { simulate } from '../../sim-core/engine/simulation.ts';
import type { ReplicationResult } from '../../sim-core/metrics/replication-result.ts';
import { compileScenario } from '../helpers/scenario.ts';

/**
 * Regression: an autoscaled service has replica slots up to its max, and zone outages and
 * `failures:` act on every slot, started or not. Capacity (serving − dead) used to subtract the
 * dead slots that were never started: with 3 of 12 slots started, an outage of zone-a (slots 0,
 * 3, 6, 9) gave 3 − 4 → 0 replicas and utilisation Infinity while 2 replicas served; the
 * autoscaler then saw no replica-time and stopped deciding, and the health checks of unstarted
 * slots switched every balancer to skipping. Now only dead replicas in the serving set count,
 * and a slot started while dead starts dead and out of rotation (decision 0011).
 *
 * Zones are placed round-robin: slot k is in zone k mod 3 (zone-a = 0, zone-b = 1, zone-c = 2).
 */

const ZONES = ['zone-a', 'zone-b', 'zone-c'];
const SERIES_S = 5;

function run(text: string): ReplicationResult {
  return simulate(compileScenario(text), { replication: 0 });
}

/** Live replicas when slots 0..started−1 run and `zone` is down (or none). */
function live(started: number, zone: string | null): number {
  let n = 0;
  for (let k = 0; k < started; k++) if (zone === null || ZONES[k % 3] !== zone) n++;
  return n;
}

/** Nothing is lost: every arrival completed, failed or is still in the system. */
function expectConserved(r: ReplicationResult): void {
  const { arrivals, completed, failed, inSystem } = r.invariants;
  expect(completed + failed + inSystem).toBe(arrivals);
}

/**
 * Utilisation is finite and in [0, 1]. The 1% above 1 allows for a replica that dies while
 * busy: what it holds keeps its workers until it next runs (one CPU draw, ~10 ms), while the
 * capacity has already lost it.
 */
function expectUtilisationBounded(r: ReplicationResult, s: number): void {
  for (const u of r.series.utilisation[s]) {
    expect(Number.isFinite(u), `utilisation ${u}`).toBe(true);
    expect(u).toBeGreaterThanOrEqual(0);
    expect(u).toBeLessThanOrEqual(1.01);
  }
}

/**
 * The colleague's example: zones: 3, app with 3 replicas autoscaled 3..12, 10 workers × exp(10 ms)
 * (1,000/s per replica at 100%), 1,200/s (40% on 3). `zone` is down from 30 s to 100 s; the
 * health checks (every 10 s, out after 2) take its replica out by 50 s; then the other two carry
 * the load at 60%, within the target's tolerance. At 50 s the load doubles to 2,400/s: 2 live
 * replicas saturate (utilisation 1), so the evaluation at 60 s wants ⌈2 × 1/0.6⌉ = 4 running.
 * The 4th (slot 3, zone-a) serves from 70 s.
 * - zone-a down: slot 3 starts dead (its zone is down), so 2 still serve; the next evaluations
 *   want ⌈2 × 1/0.6⌉ = 4 again: no change (4 running, 2 of them dead) until the zone returns
 *   at 100 s and all 4 serve. Billed: 3 × 60 s + 4 × 50 s = 380 replica-seconds.
 * - zone-b down: slot 3 (zone-a) is alive: 3 serve, still saturated draining the backlog, so at
 *   80 s ⌈3 × 1/0.6⌉ = 5: slot 4 (zone-b) starts dead at 90 s and 3 still serve (80% busy: the
 *   next evaluations want ⌈3 × 0.8/0.6⌉ = 4 or 5, and the 10-minute cooldown keeps 5). At 100 s
 *   all 5 serve. Billed: 3 × 60 + 4 × 20 + 5 × 30 = 410 replica-seconds.
 * The run ends at 110 s, before decisions that depend on how fast the health checks return the
 * zone's replicas to rotation.
 */
const outage = (zone: string, seed: number) => `
archsim: 1
name: autoscaled service, ${zone} outage
run: { duration: 110s, warmup: 0s, replications: 1, seed: ${seed}, seriesInterval: ${SERIES_S}s }
workload:
  arrivals: 1200/s
  profile: [ { at: 0s, x: 1 }, { at: 50s, x: 2 } ]
endpoints: { get: { call: app.get } }
zones: 3
incidents:
  - { at: 30s, for: 70s, target: ${zone}, effect: down }
components:
  app:
    kind: service
    replicas: 3
    workers: 10
    autoscale: { min: 3, max: 12, metric: utilisation, target: 60%, every: 10s, provision: 10s, cooldown: 10m }
    operations: { get: { cpu: exp(10ms) } }
`;

describe('a zone outage on an autoscaled service counts only started replicas as dead', () => {
  const cases = [
    { zone: 'zone-a', seed: 11, started: (t: number) => (t < 70 ? 3 : 4), billedS: 380 },
    { zone: 'zone-b', seed: 12, started: (t: number) => (t < 70 ? 3 : t < 90 ? 4 : 5), billedS: 410 },
  ];
  for (const { zone, seed, started, billedS } of cases) {
    it(`${zone} down 30–100 s, seed ${seed}: replicas = started − started in ${zone}, exactly; utilisation finite; it keeps scaling; nothing lost`, () => {
      const r = run(outage(zone, seed));
      const app = r.stations.findIndex((st) => st.name === 'app');
      const series = r.series.replicas[app];
      expect(series.length).toBe(110 / SERIES_S);
      series.forEach((replicas, i) => {
        const t = i * SERIES_S; // no interval straddles a change: they happen at 30, 70, 90, 100 s
        const down = t >= 30 && t < 100 ? zone : null;
        expect(replicas, `replicas in [${t}, ${t + SERIES_S}) s`).toBe(live(started(t), down));
      });
      // The autoscaler kept deciding during the outage: the bill holds the replicas it started.
      expect(r.stations[app].billedArea).toBeCloseTo(billedS * 1000, 6);
      expectUtilisationBounded(r, app);
      // While the live replicas are saturated, utilisation is theirs: 1, not Infinity.
      expect(r.series.utilisation[app][12]).toBeGreaterThan(0.99);
      // Only what the balancer sent the dead replica before the health checks failed (by 50 s).
      expect(r.series.failed.slice(50 / SERIES_S).every((n) => n === 0)).toBe(true);
      expect(r.invariants.failed).toBeGreaterThan(0);
      expectConserved(r);
    });
  }
});

/**
 * A replica started into a zone that is down starts dead and out of rotation, as a readiness
 * probe would keep it. app: 2 replicas (zone-a, zone-b) autoscaled 2..12, 1,000/s (50%); at 45 s
 * 1,500/s (75%), so the evaluation at 60 s wants ⌈2 × 0.75/0.6⌉ = 3: slot 2 (zone-c) is
 * provisioned, ready at 70 s. zone-c goes down at 65 s, for 30 s. Slot 2 starts dead: the
 * balancer sends it nothing (no request fails in the whole run; before, it was in rotation until
 * a health check 10–20 s after the zone died noticed it), and the 2 live replicas at 75% keep
 * wanting ⌈2 × 1.25⌉ = 3. At 95 s slot 2 serves. Billed: 2 × 60 s + 3 × 60 s = 300 replica-seconds.
 */
const startedIntoOutage = (seed: number) => `
archsim: 1
name: a replica started into a zone outage
run: { duration: 120s, warmup: 0s, replications: 1, seed: ${seed}, seriesInterval: ${SERIES_S}s }
workload:
  arrivals: 1000/s
  profile: [ { at: 0s, x: 1 }, { at: 45s, x: 1.5 } ]
endpoints: { get: { call: app.get } }
zones: 3
incidents:
  - { at: 65s, for: 30s, target: zone-c, effect: down }
components:
  app:
    kind: service
    replicas: 2
    workers: 10
    autoscale: { min: 2, max: 12, metric: utilisation, target: 60%, every: 10s, provision: 10s, cooldown: 10m }
    operations: { get: { cpu: exp(10ms) } }
`;

describe('a replica started while its zone is down', () => {
  it('seed 13: starts dead and out of rotation, fails nothing, serves when the zone returns', () => {
    const r = run(startedIntoOutage(13));
    const app = r.stations.findIndex((st) => st.name === 'app');
    const series = r.series.replicas[app];
    series.forEach((replicas, i) => {
      const t = i * SERIES_S; // changes at 65 (none to see: zone-c has no replica running yet), 70 and 95 s
      expect(replicas, `replicas in [${t}, ${t + SERIES_S}) s`).toBe(live(t < 70 ? 2 : 3, t >= 65 && t < 95 ? 'zone-c' : null));
    });
    expect(r.stations[app].billedArea).toBeCloseTo(300_000, 6);
    expect(r.invariants.failed).toBe(0);
    expectUtilisationBounded(r, app);
    expectConserved(r);
  });
});

/**
 * An outage that hits only slots never started changes nothing at all: zone-c holds slots 2, 5,
 * 8, 11 of app, which runs 2 (min 2; 80/s on single-worker replicas, 40%, never scales up).
 * With leastConnections the balancer's choices shape the waits, so had the health checks of the
 * dead slots switched it to skipping (as they did), the latencies would differ; so would the
 * replica and utilisation series. The run must equal the one without the incident exactly
 * (the outage's health checks draw from a stream of their own).
 */
const idleSlotsDown = (incident: boolean, seed: number) => `
archsim: 1
name: outage of unstarted slots
run: { duration: 120s, warmup: 10s, replications: 1, seed: ${seed}, seriesInterval: ${SERIES_S}s }
workload: { arrivals: 80/s }
endpoints: { get: { call: app.get } }
zones: 3
${incident ? 'incidents: [ { at: 30s, for: 60s, target: zone-c, effect: down } ]' : ''}
components:
  app:
    kind: service
    replicas: 2
    workers: 1
    balancer: leastConnections
    autoscale: { min: 2, max: 12, metric: utilisation, target: 60%, every: 10s, provision: 10s, cooldown: 1m }
    operations: { get: { cpu: exp(10ms) } }
`;

describe('an outage of slots never started', () => {
  it('seed 14: the run equals the one without the outage (series, stations, latencies, invariants)', () => {
    const a = run(idleSlotsDown(true, 14));
    const b = run(idleSlotsDown(false, 14));
    expect(Math.max(...a.series.replicas[0])).toBe(2);
    expect(a.series).toEqual(b.series);
    expect(a.stations).toEqual(b.stations);
    expect(a.endpoints).toEqual(b.endpoints);
    expect(a.invariants).toEqual(b.invariants);
    expect(a.invariants.failed).toBe(0);
  });
});

/**
 * `failures:` on an autoscaled service: each of the 10 slots fails (MTBF 60 s) and is repaired
 * (MTTR 20 s) whether started or not; only the started ones may cost capacity. The cooldown
 * outlasts the run: no scale-down (which retires the highest-numbered replicas, live or dead,
 * and lets them drain their queues outside the serving count).
 */
const withFailures = (load: string, minutes: number, seed: number) => `
archsim: 1
name: autoscaled service with replica failures
run: { duration: ${minutes}m, warmup: 0s, replications: 4, seed: ${seed}, seriesInterval: 10s }
workload:
  ${load}
endpoints: { get: { call: app.get } }
components:
  app:
    kind: service
    replicas: 2
    workers: 10
    failures: { mtbf: 60s, mttr: 20s }
    healthCheck: { every: 2s, unhealthyAfter: 2, healthyAfter: 2 }
    autoscale: { min: 2, max: 10, metric: utilisation, target: 60%, every: 10s, provision: 10s, cooldown: 30m }
    operations: { get: { cpu: exp(10ms) } }
`;

/**
 * The checks that hold for every draw: nothing lost; an interval with no live replica completes
 * nothing and one that completes something had one; utilisation over the run is at most 1; in an
 * interval where at least half a replica served on average, utilisation is finite and at most
 * 1.02 (what a dying replica held finishes its CPU draw, ~10 ms on ≤ 10 workers, against ≥ 50
 * worker-seconds of capacity).
 */
function expectConsistentWithFailures(r: ReplicationResult): void {
  const app = r.stations.findIndex((st) => st.name === 'app');
  const { busyArea, activeArea, workers } = r.stations[app];
  expectConserved(r);
  expect(busyArea / (activeArea * workers)).toBeLessThanOrEqual(1.001);
  r.series.replicas[app].forEach((replicas, i) => {
    expect(replicas).toBeGreaterThanOrEqual(0);
    if (replicas === 0) expect(r.series.completed[i], `completed in interval ${i} with no replica`).toBe(0);
    if (r.series.completed[i] > 0) expect(replicas, `replicas in interval ${i}, which completed requests`).toBeGreaterThan(0);
    if (replicas >= 0.5) {
      const u = r.series.utilisation[app][i];
      expect(Number.isFinite(u), `utilisation ${u} in interval ${i}`).toBe(true);
      expect(u).toBeLessThanOrEqual(1.02);
    }
  });
}

describe('replica failures on an autoscaled service', () => {
  it('seed 31, 100/s (never scales past min 2): serving replicas average 2 × the availability of a replica started up; consistent', () => {
    const runs = [0, 1, 2, 3].map((replication) => simulate(compileScenario(withFailures('arrivals: 100/s', 20, 31)), { replication }));
    const app = runs[0].stations.findIndex((st) => st.name === 'app');
    // Each replica alternates up (rate λ = 1/60 s to fail) and down (μ = 1/20 s to repair),
    // starting up: P(up at t) = a + (1 − a)·e^(−νt), ν = λ + μ, a = μ/ν = 0.75; averaged over
    // T = 1,200 s: a + (1 − a)(1 − e^(−νT))/(νT). The variance of a time average of that process
    // is 2a(1 − a)/(νT) per replica (its autocorrelation decays at rate ν); 2 independent
    // replicas, 4 replications. Before the fix the 8 idle slots' failures were subtracted too.
    const nu = 1 / 60 + 1 / 20;
    const a = (1 / 20) / nu;
    const T = 1200;
    const expected = 2 * (a + ((1 - a) * (1 - Math.exp(-nu * T))) / (nu * T));
    const se = Math.sqrt((2 * (2 * a * (1 - a))) / (nu * T) / runs.length);
    const mean = runs.reduce((sum, r) => sum + r.stations[app].activeArea / r.measuredMs, 0) / runs.length;
    expect(Math.abs(mean - expected), `mean ${mean}, expected ${expected} ± ${se} (1 SE)`).toBeLessThan(4.5 * se);
    for (const r of runs) {
      expect(r.stations[app].billedArea).toBe(2 * r.measuredMs); // never scaled
      expectConsistentWithFailures(r);
    }
  });

  it('seed 32, 1,000/s stepping to 2,500/s at 3 min: it scales up through the failures; consistent', () => {
    const load = 'arrivals: 1000/s\n  profile: [ { at: 0s, x: 1 }, { at: 3m, x: 2.5 } ]';
    for (const replication of [0, 1]) {
      const r = simulate(compileScenario(withFailures(load, 10, 32)), { replication });
      const app = r.stations.findIndex((st) => st.name === 'app');
      expectConsistentWithFailures(r);
      // 2,500/s needs 2,500 ÷ (1,000 × 0.6) ≈ 4.2 live replicas at the target: more than 3 serve.
      const peak = r.series.replicas[app].slice(18);
      expect(Math.max(...peak)).toBeGreaterThan(3);
    }
  });
});
