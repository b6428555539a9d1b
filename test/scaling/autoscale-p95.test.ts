import { beforeAll, describe, expect, it } from 'vitest';
import type { RunResult } from '../../sim-core/run/result.ts';
import { errorsOf } from '../helpers/errors-of.ts';
import { runScenario } from '../helpers/scenario.ts';

/**
 * Scaling on p95. 500 requests/s spread at random over n single-worker replicas with exp(10 ms)
 * work: each replica is an M/M/1 with λ = 500/n per second, whose time in system is exponential
 * with rate μ − λ, so p95 = ln 20 ÷ (100 − 500/n) s. With an 80 ms target:
 *   n = 7: 104.9 ms (31% above: out of the 10% tolerance), n = 8: 79.9 ms (inside),
 *   n = 9: 67.4 ms (16% below: out).
 * So 8 is the only count the autoscaler leaves alone. From 12 replicas (51.4 ms) the evaluations
 * ask ⌈12 × 51.4/80⌉ = 8, allowed once the 2m cooldown has passed; from 6 (179.7 ms) it goes up
 * first (⌈6 × 2.25⌉ = 14), then down towards 8. Both must have settled at 8 by 7 minutes and stay
 * there: a p95 over 60 s windows varies by about ±10% at 8 replicas, so shorter windows would make
 * the count wander (as a real p95-driven autoscaler does).
 */
const scenario = (replicas: number) => `
archsim: 1
name: p95 autoscaling
run: { duration: 20m, warmup: 0s, replications: 1, seed: 83, seriesInterval: 5s }
workload: { arrivals: 500/s }
endpoints: { get: { call: app.get } }
components:
  app:
    kind: service
    replicas: ${replicas}
    workers: 1
    balancer: random
    autoscale: { min: 2, max: 20, metric: p95, target: 80ms, every: 60s, provision: 10s, cooldown: 2m }
    operations: { get: { cpu: exp(10ms) } }
`;

describe('autoscaling on p95, seed 83', () => {
  let down: RunResult;
  let up: RunResult;
  const settled = (r: RunResult) => r.series.replicas.app.filter((_, i) => r.series.t[i] >= 420);
  beforeAll(() => {
    down = runScenario(scenario(12));
    up = runScenario(scenario(6));
  });

  it('scales 12 down to 8 when the cooldown allows and stays', () => {
    expect(down.series.replicas.app[0]).toBe(12);
    expect(settled(down).every((n) => n === 8)).toBe(true);
  });

  it('scales 6 up, then settles at 8', () => {
    expect(Math.max(...up.series.replicas.app)).toBeGreaterThan(8);
    expect(settled(up).every((n) => n === 8)).toBe(true);
  });

  it('the settled p95 is the M/M/1 value for 8 replicas, 79.9 ms', () => {
    // The endpoint's p95 over the whole run includes the first evaluation period at 12 replicas.
    const last = settled(down);
    expect(last.length).toBeGreaterThan(150);
    const p95 = down.series.p95.filter((_, i) => down.series.t[i] >= 420);
    const mean = p95.reduce((a, b) => a + b, 0) / p95.length;
    expect(mean).toBeGreaterThan(72);
    expect(mean).toBeLessThan(88);
  });

  it('bad input: a p95 target that is not a duration', () => {
    expect(errorsOf(scenario(8).replace('target: 80ms', 'target: 60%'))).toEqual(['13:56 components.app.autoscale.target: a p95 target is a duration such as 200ms, got "60%"']);
  });
});
