import { describe, expect, it } from 'vitest';
import { errorsOf } from '../helpers/errors-of.ts';
import { runScenario } from '../helpers/scenario.ts';

/**
 * Deployments of a 4-replica service (4 workers × exp(20 ms): 200/s per replica) under 450/s.
 * - rolling, one replica at a time for 30 s from 1m: 3 serve from 60 s to 180 s (the capacity
 *   dip: 600/s for 450/s, 75% busy instead of 56%), then 4 again; nothing fails.
 * - restart for 20 s at 1m: no replica serves, so every arrival in [60 s, 80 s) fails as
 *   unavailable — 20 s of a 4-minute run is 1/12 of the arrivals.
 * - blueGreen for 2m: a second fleet of 4 is billed from 1m to 3m, with no dip.
 */
const scenario = (deploy: string) => `
archsim: 1
name: deployments
run: { duration: 4m, warmup: 0s, replications: 1, seed: 81, seriesInterval: 5s }
workload: { arrivals: 450/s }
endpoints: { get: { call: app.get } }
components:
  app:
    kind: service
    replicas: 4
    workers: 4
    deploy: ${deploy}
    operations: { get: { cpu: exp(20ms) } }
`;

describe('deployments, seed 81', () => {
  it('rolling: one replica out at a time for 30 s each — 3 serving from 60 s to 180 s, utilisation up by 4/3', () => {
    const r = runScenario(scenario('{ at: 1m, strategy: rolling, duration: 30s, batch: 1 }'));
    const at = (t: number) => r.series.replicas.app[r.series.t.indexOf(t)];
    for (const t of [0, 55, 180, 235]) expect(at(t)).toBe(4);
    for (const t of [60, 100, 150, 175]) expect(at(t)).toBe(3);
    const util = (from: number, to: number) => {
      const xs = r.series.utilisation.app.filter((_, i) => r.series.t[i] >= from && r.series.t[i] < to);
      return xs.reduce((a, b) => a + b, 0) / xs.length;
    };
    expect(util(60, 180) / util(0, 60)).toBeGreaterThan(1.25); // 4/3 ≈ 1.33, up to noise
    expect(util(60, 180) / util(0, 60)).toBeLessThan(1.42);
    expect(r.overall.errorRate).toBe(0);
    expect(r.components.app.replicas).toBe(4); // still billed: the replicas run, they are being replaced
  });

  it('restart: every arrival during the 20 s restart fails as unavailable (1/12 of the run)', () => {
    const r = runScenario(scenario('{ at: 1m, strategy: restart, duration: 20s }'));
    expect(r.overall.errorsByCause.unavailable).toBeGreaterThan(1 / 12 - 0.01);
    expect(r.overall.errorsByCause.unavailable).toBeLessThan(1 / 12 + 0.01);
    expect(r.series.replicas.app[r.series.t.indexOf(65)]).toBe(0);
  });

  it('blueGreen: no dip, and a second fleet billed for 2 of the 4 minutes: 6 replicas on average', () => {
    const r = runScenario(scenario('{ at: 1m, strategy: blueGreen, duration: 2m }'));
    expect(Math.min(...r.series.replicas.app)).toBe(4);
    expect(r.components.app.replicas).toBeCloseTo(6, 9);
  });

  it('bad input: neither at nor every', () => {
    expect(errorsOf(scenario('{ strategy: rolling }'))).toEqual(["12:5 components.app.deploy.at: give at (the first deployment) or every (how often), or both"]);
  });
});
