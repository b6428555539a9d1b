import { describe, expect, it } from 'vitest';
import { errorsOf } from '../helpers/errors-of.ts';
import { runScenario } from '../helpers/scenario.ts';

/**
 * Canary releases on a 4-replica service under 450/s (4 workers × exp(20 ms) each: 56% busy).
 * The canary takes 10% of the arrivals (45/s) on ⌈10% × 4⌉ = 1 extra billed replica from 1m.
 */
const scenario = (deploy: string) => `
archsim: 1
name: canary
run: { duration: 4m, warmup: 0s, replications: 1, seed: 89, seriesInterval: 5s }
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

describe('canary releases, seed 89', () => {
  it('a bad release (20% errors) is rolled back once the canary has served 100 requests', () => {
    const r = runScenario(scenario('{ at: 1m, strategy: canary, share: 10%, errors: 20%, rollbackAbove: 2%, minRequests: 100, duration: 2m }'));
    expect(r.components.app.deploys).toEqual({ started: 1, rolledBack: 1, promoted: 0 });
    // It rolls back at the first error after 100 canary requests: ~100–110 served, 20% failed.
    const badRelease = r.overall.errorsByCause['bad-release'] * r.overall.finished;
    expect(badRelease).toBeGreaterThanOrEqual(3);
    expect(badRelease).toBeLessThan(45);
    // The canary replica was billed for the ~2.4 s it ran, not for its 2 minutes.
    expect(r.components.app.replicas).toBeGreaterThan(4);
    expect(r.components.app.replicas).toBeLessThan(4 + 10 / 240);
  });

  it('a good enough release (1% errors, threshold 5%) is promoted after 2m and then serves everything at its error rate', () => {
    const r = runScenario(scenario('{ at: 1m, strategy: canary, share: 10%, errors: 1%, rollbackAbove: 5%, minRequests: 200, duration: 2m }'));
    expect(r.components.app.deploys).toEqual({ started: 1, rolledBack: 0, promoted: 1 });
    // 10% of 450/s for 2 minutes, then all of it for the last minute: (5,400 + 27,000) × 1% = 324
    // expected errors; Poisson-like, so 5 standard deviations is ±90.
    const badRelease = r.overall.errorsByCause['bad-release'] * r.overall.finished;
    expect(Math.abs(badRelease - 324)).toBeLessThan(90);
    // One canary replica billed for 2 of the 4 minutes.
    expect(r.components.app.replicas).toBeCloseTo(4.5, 9);
  });

  it('bad input: canary settings on another strategy; a zero share; a deployment longer than its period', () => {
    expect(errorsOf(scenario('{ every: 10m, strategy: canary, duration: 10m }'))).toEqual(['12:55 components.app.deploy.duration: a deployment (10m) must be shorter than the time between deployments (every: 10m)']);
    expect(errorsOf(scenario('{ at: 1m, strategy: rolling, share: 10% }'))).toEqual(['12:49 components.app.deploy.share: share is for strategy: canary (this deploy is rolling)']);
    expect(errorsOf(scenario('{ at: 1m, strategy: canary, share: 0 }'))).toEqual(['12:48 components.app.deploy.share: a canary needs a share of the traffic above 0']);
  });
});
