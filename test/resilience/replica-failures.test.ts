import { beforeAll, describe, expect, it } from 'vitest';
import type { RunResult } from '../../sim-core/run/result.ts';
import { runScenario } from '../helpers/scenario.ts';

/**
 * Random replica failures inside a run: 4 replicas, each failing with MTBF 60 s and repaired in
 * MTTR 20 s (a = 0.75 up), health checks every 2 s (out after 2 failed, back after 2 good). Over
 * a long run each replica is dead a quarter of the time, so the time-averaged serving capacity
 * is that of 3 replicas while the bill keeps 4; requests fail only in the detection windows
 * (between death and the health check, ~3 s of every ~80 s cycle per replica) — a few percent —
 * and more requests fail with slower health checks.
 */
const scenario = (check: string) => `
archsim: 1
name: replica failures
run: { duration: 20m, warmup: 0s, replications: 2, seed: 93 }
workload: { arrivals: 200/s }
endpoints: { get: { call: app.get } }
components:
  app:
    kind: service
    replicas: 4
    workers: 8
    failures: { mtbf: 60s, mttr: 20s }
    healthCheck: ${check}
    operations: { get: { cpu: exp(10ms) } }
`;

describe('random replica failures with health checks, seed 93', () => {
  let fast: RunResult;
  let slow: RunResult;
  beforeAll(() => {
    fast = runScenario(scenario('{ every: 2s, unhealthyAfter: 2, healthyAfter: 2 }'));
    slow = runScenario(scenario('{ every: 10s, unhealthyAfter: 3, healthyAfter: 2 }'));
  });

  it('fails requests as unavailable only while the balancer has not noticed: a few percent', () => {
    const lost = fast.overall.errorsByCause.unavailable;
    // Per replica cycle (80 s on average) detection takes 2 s + U·2 s ≈ 3 s, during which about a
    // quarter of the arrivals go to the dead replica: ≈ 4 × (3/80) × (1/4) ≈ 3.75% of requests,
    // plus what it held when it died; overlapping failures move it a little either way.
    expect(lost).toBeGreaterThan(0.02);
    expect(lost).toBeLessThan(0.06);
    expect(fast.overall.errorsByCause.unavailable).toBeCloseTo(fast.overall.errorRate, 12);
  });

  it('slower health checks lose more', () => {
    expect(slow.overall.errorsByCause.unavailable).toBeGreaterThan(2 * fast.overall.errorsByCause.unavailable);
  });

  it('billed replicas stay 4; live serving ones average about 4 × 0.75 = 3', () => {
    expect(fast.components.app.replicas).toBe(4);
    const serving = fast.series.replicas.app.reduce((a, b) => a + b, 0) / fast.series.replicas.app.length;
    // Each replica's down share over 20 min (~15 cycles) has sd ≈ 0.05; over 4 replicas, 2 runs: ±0.2 is > 3 sd.
    expect(serving).toBeGreaterThan(2.8);
    expect(serving).toBeLessThan(3.2);
  });
});
