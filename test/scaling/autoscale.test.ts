import { beforeAll, describe, expect, it } from 'vitest';
import type { RunResult } from '../../sim-core/run/result.ts';
import { errorsOf } from '../helpers/errors-of.ts';
import { runScenario } from '../helpers/scenario.ts';

/**
 * Target tracking under a step in load. 4 workers per replica, exp(20 ms): 200 requests/s per
 * replica. 400/s on 4 replicas is 50% busy, so desired = ⌈4 × 0.50/0.60⌉ = 4: it stays. At 2m the
 * load steps to 700/s: 87.5% busy, desired ⌈4 × 0.875/0.6⌉ = 6 = ⌈14 busy ÷ (4 × 0.6)⌉, the count
 * that holds 60%. The evaluation at 2m15s (the first after the step) decides it; the two new
 * replicas serve from 2m15s + 60 s provision = 3m15s. At 6m the load drops back to 400/s (33% on
 * 6): desired ⌈6 × 0.333/0.6⌉ = 4, allowed (the last decision was more than the 2m cooldown ago)
 * at the first evaluation after 6m.
 */
const scenario = `
archsim: 1
name: autoscaling step
run: { duration: 8m, warmup: 0s, replications: 1, seed: 71, seriesInterval: 5s }
workload:
  arrivals: 400/s
  profile: [ { at: 0s, x: 1 }, { at: 2m, x: 1.75 }, { at: 6m, x: 1 } ]
endpoints: { get: { call: app.get } }
components:
  app:
    kind: service
    replicas: 4
    workers: 4
    instance: m6i.large
    autoscale: { min: 2, max: 20, metric: utilisation, target: 60%, every: 15s, provision: 60s, cooldown: 2m }
    operations: { get: { cpu: exp(20ms) } }
`;

describe('autoscaling: a step in load, seed 71', () => {
  let r: RunResult;
  const at = (seconds: number) => r.series.replicas.app[r.series.t.indexOf(seconds)];
  beforeAll(() => {
    r = runScenario(scenario);
  });

  it('holds 4 replicas before the step', () => {
    for (const t of [0, 60, 115]) expect(at(t)).toBe(4);
  });

  it('reaches ⌈14 ÷ 2.4⌉ = 6 serving replicas by 3m15s: one evaluation (15 s) plus provisioning (60 s) after the step', () => {
    expect(at(190)).toBe(4); // still provisioning
    expect(at(195)).toBe(6);
    for (const t of [200, 240, 300, 355]) expect(at(t)).toBe(6);
  });

  it('scales back to 4 at the first evaluation after the load drops (6m, cooldown passed)', () => {
    expect(at(360)).toBe(6);
    expect(at(375)).toBe(4);
    expect(at(470)).toBe(4);
  });

  it('bills the time-weighted count, provisioning included: 4 to 2m15s, 6 to 6m15s, 4 after', () => {
    const expected = (4 * 135 + 6 * 240 + 4 * 105) / 480;
    expect(r.components.app.replicas).toBeCloseTo(expected, 9);
  });

  it('bad input: min above max', () => {
    expect(errorsOf(scenario.replace('min: 2, max: 20', 'min: 30, max: 20'))).toEqual(['15:23 components.app.autoscale.min: min (30) is above max (20)']);
  });
});
