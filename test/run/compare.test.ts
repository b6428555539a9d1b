import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../sim-core/model/load.ts';
import type { Scenario } from '../../sim-core/model/schema.ts';
import { compareScenarios, pairedDifference, welchHalfWidth, type ComparisonResult } from '../../sim-core/run/compare.ts';
import type { ReplicationExecutor } from '../../sim-core/run/executor.ts';
import { inThreadExecutor } from '../../sim-core/run/in-thread-executor.ts';
import { runReplicationSet } from '../../sim-core/run/run-scenario.ts';
import { studentTQuantile } from '../../sim-core/run/stats.ts';

/** An M/M/c queue: 100 requests/s, 15 ms of work each, `workers` servers (ρ = 0.75 with 2, 0.5 with 3). */
function mmc(workers: number, seed = 7, extra = ''): Scenario {
  const { scenario, errors } = loadScenario(`
archsim: 1
name: mmc-${workers}
run: { duration: 2m, warmup: 20s, replications: 8, seed: ${seed} }
workload: { arrivals: 100/s }
endpoints: { work: { call: app.work, slo: 60ms } }
components:
  app: { kind: service, workers: ${workers}, operations: { work: { cpu: exp(15ms) } } }
${extra}`);
  if (!scenario) throw new Error(JSON.stringify(errors));
  return scenario;
}

function metric(c: ComparisonResult, id: string) {
  const m = c.metrics.find((x) => x.id === id);
  if (!m) throw new Error(`no metric ${id} in ${c.metrics.map((x) => x.id).join(', ')}`);
  return m;
}

describe('paired comparison with common random numbers', () => {
  it('seed 7: the paired CI of 2 vs 3 workers under one workload is narrower than the unpaired one for the same runs', async () => {
    const c = await compareScenarios([mmc(2), mmc(3)], { executor: inThreadExecutor() });
    expect(c.replications).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    for (const id of ['overall.throughput', 'overall.latency.mean', 'overall.latency.p99', 'components.app.utilisation']) {
      const d = metric(c, id).differences[0];
      expect(d.pairs).toBe(8);
      expect(d.halfWidth, id).toBeLessThan(d.unpairedHalfWidth);
    }
    // The same arrivals reach both: throughput differs by far less than its replication noise.
    const throughput = metric(c, 'overall.throughput').differences[0];
    expect(throughput.halfWidth).toBeLessThan(throughput.unpairedHalfWidth / 5);
    // A third worker roughly halves the mean wait of M/M/c: the difference is unmistakable.
    const mean = metric(c, 'overall.latency.mean').differences[0];
    expect(mean).toMatchObject({ verdict: 'lower', significant: true });
    const util = metric(c, 'components.app.utilisation');
    expect(util.values[0].mean).toBeCloseTo(0.75, 1);
    expect(util.values[1].mean).toBeCloseTo(0.5, 1);
    expect(util.differences[0].verdict).toBe('lower');
  });

  it('seeds 7 and 8: without common random numbers the pairing gains nothing on throughput', async () => {
    const executor = inThreadExecutor();
    const a = await runReplicationSet(mmc(2, 7), { executor });
    const b = await runReplicationSet(mmc(3, 8), { executor });
    const crn = await compareScenarios([mmc(2), mmc(3)], { executor });
    const independent = pairedDifference(a.summaries.map((s) => s.overall.throughput), b.summaries.map((s) => s.overall.throughput), 1);
    expect(independent.halfWidth).toBeGreaterThan(5 * metric(crn, 'overall.throughput').differences[0].halfWidth);
  });

  it('seed 7: every scenario runs on the baseline seed, whatever its file says', async () => {
    const c = await compareScenarios([mmc(2, 7), mmc(3, 99)], { executor: inThreadExecutor(), replications: 2 });
    expect(c.seed).toBe(7);
    expect(c.scenarios.map((r) => r.seed)).toEqual([7, 7]);
    expect(c.scenarios.map((r) => r.replications)).toEqual([2, 2]);
  });

  it('seed 7: a scenario compared with itself is identical in every metric', async () => {
    const c = await compareScenarios([mmc(2), mmc(2)], { executor: inThreadExecutor(), replications: 3 });
    for (const m of c.metrics) expect(m.differences[0].verdict, m.id).toBe('identical');
  });

  it('seed 7: compares per common endpoint and component only, and each later scenario with the first', async () => {
    const extra = '  cache: { kind: service, workers: 4, operations: { get: { cpu: exp(1ms) } } }';
    const c = await compareScenarios([mmc(2), mmc(3, 7, extra), mmc(4)], { executor: inThreadExecutor(), replications: 2 });
    expect(c.metrics.map((m) => m.id)).not.toContain('components.cache.utilisation');
    expect(c.metrics.map((m) => m.id)).toContain('endpoints.work.latency.p99');
    for (const m of c.metrics) expect(m.differences.map((d) => d.scenario)).toEqual([1, 2]);
    expect(c.metrics.map((m) => m.id)).not.toContain('cost.monthly');
  });

  it('seed 7: cancelled after three runs, the comparison keeps the complete pair and says it is partial', async () => {
    const cancel = { cancelled: false };
    let t = 0;
    const c = await compareScenarios([mmc(2), mmc(3)], {
      executor: inThreadExecutor(),
      replications: 4,
      cancel,
      clock: () => (t += 1000),
      onProgress: (p) => {
        if (p.completed >= 3) cancel.cancelled = true;
      },
    });
    expect(c.partial).toBe(true);
    expect(c.replications).toEqual([0]);
    expect(c.scenarios.map((r) => r.replications)).toEqual([2, 1]);
    expect(metric(c, 'overall.latency.mean').differences[0].verdict).toBe('undetermined');
  });

  it('seed 7: a replication that fails twice is left out of the pairs and reported', async () => {
    const inner = inThreadExecutor();
    const executor: ReplicationExecutor = {
      concurrency: 1,
      run: (task, onProgress, cancel) =>
        task.scenario.name === 'mmc-3' && task.replication === 1 ? Promise.reject(new Error('worker crashed')) : inner.run(task, onProgress, cancel),
      dispose: () => inner.dispose(),
    };
    const c = await compareScenarios([mmc(2), mmc(3)], { executor, replications: 3 });
    expect(c.replications).toEqual([0, 2]);
    expect(c.scenarios[1].failedReplications).toEqual([{ replication: 1, error: 'worker crashed' }]);
    expect(c.partial).toBeUndefined();
  });
});

describe('paired and Welch half-widths', () => {
  it('pairedDifference: mean and Student-t half-width of b − a, and a verdict from whether the CI excludes 0', () => {
    const d = pairedDifference([10, 12, 11, 13], [8, 10, 9.5, 10.5], 1);
    // d = [-2, -2, -1.5, -2.5]: mean -2, s² = 1/6, half-width t(0.975, 3)·s/2
    expect(d.mean).toBeCloseTo(-2, 12);
    expect(d.halfWidth).toBeCloseTo(studentTQuantile(0.975, 3) * Math.sqrt(1 / 6) / 2, 12);
    expect(d).toMatchObject({ verdict: 'lower', significant: true, pairs: 4 });
    expect(pairedDifference([1, 2, 3], [1.5, 1.5, 3.5], 1)).toMatchObject({ verdict: 'noDifference', significant: false });
    expect(pairedDifference([1, 2], [1, 2], 1).verdict).toBe('identical');
    expect(pairedDifference([1], [2], 1).verdict).toBe('undetermined');
    // Pairs where either side has no value (NaN) are left out.
    expect(pairedDifference([1, NaN, 3, 4], [2, 5, NaN, 6], 1)).toMatchObject({ pairs: 2, mean: 1.5 });
  });

  it('welchHalfWidth: t at the Welch–Satterthwaite degrees of freedom × the unpaired standard error', () => {
    const a = [1, 2, 3, 4, 5];
    const b = [2, 4, 6, 8, 10];
    // s²a/n = 2.5/5 = 0.5, s²b/n = 10/5 = 2; df = 2.5² / (0.5²/4 + 2²/4) = 6.25 / 1.0625
    expect(welchHalfWidth(a, b)).toBeCloseTo(studentTQuantile(0.975, 6.25 / 1.0625) * Math.sqrt(2.5), 10);
    // Equal variances and sizes: df = 2(n − 1), the pooled t.
    expect(welchHalfWidth([1, 2, 3], [4, 5, 6])).toBeCloseTo(studentTQuantile(0.975, 4) * Math.sqrt(2 / 3), 10);
    expect(welchHalfWidth([1, 1], [2, 2])).toBe(0);
    expect(welchHalfWidth([1], [2, 3])).toBeNaN();
  });
});
