import { describe, expect, it } from 'vitest';
import { runScenario } from '../helpers/scenario.ts';

/**
 * Time-based uptime of a single run: a minute is down when fewer than the threshold (default 99%)
 * of the requests that finished in it succeeded within their SLO. 100 requests/s, 30 ms of work
 * on plenty of workers, SLO 100 ms, a 10-minute run.
 */
const scenario = (incident: string, uptime = '') => `
archsim: 1
name: minute uptime
run: { duration: 10m, warmup: 0s, replications: 1, seed: 37 }
workload: { arrivals: 100/s }
endpoints: { get: { call: app.get, slo: 100ms } }
components:
  app:
    kind: service
    replicas: 2
    workers: 50
    operations: { get: { cpu: const(30ms) } }
incidents: [ ${incident} ]
${uptime}
`;

describe('per-minute uptime inside a run, seed 37', () => {
  it('a 90 s outage from 2m takes down minutes 2 and 3 (half of minute 3 failed): 8 of 10 up', () => {
    const r = runScenario(scenario('{ at: 2m, for: 90s, target: app, effect: down }'));
    expect(r.overall.uptime).toBeCloseTo(0.8, 12);
  });

  it('a slowdown past the SLO counts as down although nothing fails: 3 minutes of 10', () => {
    const r = runScenario(scenario('{ at: 5m, for: 3m, target: app, effect: slow(x5) }'));
    expect(r.overall.errorRate).toBe(0);
    expect(r.overall.uptime).toBeCloseTo(0.7, 12);
  });

  it('the threshold is configurable: 0.5% errors for 4 minutes are up at 99% and down at 99.9%', () => {
    const errors = '{ at: 4m, for: 4m, target: app, effect: errors(0.5%) }';
    expect(runScenario(scenario(errors)).overall.uptime).toBe(1);
    expect(runScenario(scenario(errors, 'uptime: { threshold: 99.9% }')).overall.uptime).toBeCloseTo(0.6, 12);
  });
});
