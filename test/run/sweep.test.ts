import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../sim-core/model/load.ts';
import type { Scenario } from '../../sim-core/model/schema.ts';
import type { ReplicationExecutor } from '../../sim-core/run/executor.ts';
import { inThreadExecutor } from '../../sim-core/run/in-thread-executor.ts';
import { runScenario } from '../../sim-core/run/run-scenario.ts';
import { planSweep, SweepPlanError, sweepScenario } from '../../sim-core/run/sweep.ts';
import { parseVary, type VarySpec } from '../../sim-core/run/vary.ts';

function scenario(run = '{ duration: 1m, warmup: 10s, replications: 2, seed: 3 }'): Scenario {
  const { scenario: s, errors } = loadScenario(`
archsim: 1
name: sweep-test
run: ${run}
workload: { arrivals: 100/s }
endpoints: { work: { call: app.work, slo: 200ms } }
components:
  app: { kind: service, workers: 2, operations: { work: { cpu: exp(15ms) } } }
`);
  if (!s) throw new Error(JSON.stringify(errors));
  return s;
}

function vary(...texts: string[]): VarySpec[] {
  return texts.map((t) => {
    const { spec, error } = parseVary(t);
    if (!spec) throw new Error(error);
    return spec;
  });
}

/** Runs tasks three at a time (interleaved in this thread), to show results do not depend on it. */
function concurrentExecutor(): ReplicationExecutor {
  const inner = inThreadExecutor();
  return { ...inner, concurrency: 3, run: async (task, onProgress, cancel) => {
    await new Promise((resolve) => setTimeout(resolve, (task.replication * 7) % 5));
    return inner.run(task, onProgress, cancel);
  } };
}

describe('sweeps', () => {
  it('plans the cartesian product with the first --vary changing fastest', () => {
    const { plan, errors } = planSweep(scenario(), vary('workload.arrivals=50/s..100/s:2', 'components.app.workers=2..6:x3'));
    expect(errors).toEqual([]);
    expect(plan!.points.map((p) => p.settings)).toEqual([
      ['workload.arrivals=50/s', 'components.app.workers=2'],
      ['workload.arrivals=100/s', 'components.app.workers=2'],
      ['workload.arrivals=50/s', 'components.app.workers=6'],
      ['workload.arrivals=100/s', 'components.app.workers=6'],
    ]);
    expect(plan!.points[3].scenario.workload.arrivals).toBe('100/s');
    expect(plan!.points[3].scenario.components.app).toMatchObject({ workers: 6 });
    expect(plan!.points[0].slos).toEqual({ work: 200 });
  });

  it('an invalid point is bad input naming the point; so are a repeated path and no --vary at all', () => {
    const bad = planSweep(scenario(), vary('components.app.workers=0..4:3'));
    expect(bad.plan).toBeUndefined();
    expect(bad.errors).toEqual([{ path: 'components.app.workers', message: expect.stringContaining('(at the sweep point components.app.workers=0)') }]);
    const unknown = planSweep(scenario(), vary('components.app.wrokers=1..2'));
    expect(unknown.errors.map((e) => e.message)).toEqual([
      expect.stringContaining('at the sweep point components.app.wrokers=1'),
      expect.stringContaining('at the sweep point components.app.wrokers=2'),
    ]);
    expect(planSweep(scenario(), vary('workload.arrivals=1/s..2/s:2', 'workload.arrivals=3/s..4/s:2')).errors[0].message).toContain('varied twice');
    expect(planSweep(scenario(), []).errors[0].message).toContain('at least one --vary');
    expect(() => planSweep(scenario(), vary('components.app.workers=1..200:200', 'workload.arrivals=1/s..100/s:100'))).not.toThrow();
    expect(planSweep(scenario(), vary('components.app.workers=1..200:200', 'workload.arrivals=1/s..100/s:100')).errors[0].message).toContain('more than the 10000 allowed');
  });

  it('seed 3: each point equals a run of the scenario with that --set, and the knee is found', async () => {
    const s = scenario();
    const result = await sweepScenario(s, vary('workload.arrivals=40/s..120/s:3'), { executor: inThreadExecutor() });
    expect(result).toMatchObject({ kind: 'sweep', scenario: 'sweep-test', seed: 3, replications: 2 });
    expect(result.points.map((p) => p.values)).toEqual([{ 'workload.arrivals': 40 }, { 'workload.arrivals': 80 }, { 'workload.arrivals': 120 }]);
    const direct = await runScenario({ ...s, workload: { ...s.workload, arrivals: '80/s' } }, { executor: inThreadExecutor() });
    const point = result.points[1].result!;
    expect(point.overall).toEqual(direct.overall);
    expect(point.components).toEqual(direct.components);
    expect(point.series).toEqual(direct.series);
    // ρ = 0.3, 0.6, 0.9 on two workers: the p99 (≈ 80 ms, 110 ms, 450 ms) crosses 200 ms between 80/s and 120/s.
    const p99s = result.points.map((p) => p.result!.endpoints.work.latency.p99);
    expect(p99s[0]).toBeLessThan(p99s[1]);
    expect(p99s[1]).toBeLessThan(200);
    expect(p99s[2]).toBeGreaterThan(300);
    expect(result.knees).toEqual([expect.objectContaining({ endpoint: 'work', sloMs: 200, axis: 'workload.arrivals', status: 'crosses', breach: 'p99' })]);
    expect(result.knees[0].before).toEqual({ point: 1, value: 80, p99: p99s[1], sloShare: result.points[1].result!.endpoints.work.sloShare });
    expect(result.knees[0].after).toMatchObject({ point: 2, value: 120, p99: p99s[2] });
  });

  it('seed 3: results do not depend on how many tasks run at once', async () => {
    const v = vary('workload.arrivals=40/s..120/s:3');
    const one = await sweepScenario(scenario(), v, { executor: inThreadExecutor() });
    const three = await sweepScenario(scenario(), v, { executor: concurrentExecutor() });
    const strip = (r: typeof one) => JSON.parse(JSON.stringify(r, (k, x: unknown) => (k === 'wallSeconds' ? 0 : x))) as unknown;
    expect(strip(three)).toEqual(strip(one));
  });

  it('seed 3: warmup auto chooses a warm-up per point from its own pilot', async () => {
    const s = scenario('{ duration: 1m, warmup: auto, seriesInterval: 1s, replications: 2, seed: 3 }');
    const result = await sweepScenario(s, vary('workload.arrivals=40/s..120/s:2'), { executor: inThreadExecutor() });
    for (const p of result.points) {
      expect(p.result!.warmupAuto?.method).toBe('MSER-5');
      expect(p.result!.warmupSeconds).toBe(p.result!.warmupAuto!.removedSeconds);
    }
  });

  it('sweepScenario throws a SweepPlanError carrying the errors', async () => {
    await expect(sweepScenario(scenario(), vary('components.app.workers=0..1'), { executor: inThreadExecutor() })).rejects.toBeInstanceOf(SweepPlanError);
  });
});
