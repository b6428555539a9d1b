import { describe, expect, it } from 'vitest';
import { formatRunReport } from '../../sim-core/cli/run-report.ts';
import { loadScenario } from '../../sim-core/model/load.ts';
import type { Scenario } from '../../sim-core/model/schema.ts';
import type { ReplicationExecutor } from '../../sim-core/run/executor.ts';
import { inThreadExecutor } from '../../sim-core/run/in-thread-executor.ts';
import type { RunResult } from '../../sim-core/run/result.ts';
import { precisionMet, runReplicationSet, runScenario } from '../../sim-core/run/run-scenario.ts';

function scenarioOf(run: string): Scenario {
  const { scenario, errors } = loadScenario(`
archsim: 1
name: M/M/1 at rho 0.5
run: ${run}
workload: { arrivals: 500/s }
endpoints: { e: { call: s.op } }
components:
  s: { kind: service, workers: 1, operations: { op: { cpu: exp(1ms) } } }
`);
  if (!scenario) throw new Error(errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
  return scenario;
}

/** The stopping keys' 95% half-widths as shares of their means. */
function relativeHalfWidths(r: RunResult): Record<string, number> {
  const o = r.overall;
  return {
    throughput: o.ci95!.throughput! / o.throughput,
    'latency.mean': o.latency.ci95!.mean! / o.latency.mean,
    'latency.p95': o.latency.ci95!.p95! / o.latency.p95,
    'latency.p99': o.latency.ci95!.p99! / o.latency.p99,
  };
}

/** Everything but the wall time. */
const statistics = (r: RunResult) => ({ ...r, wallSeconds: 0 });

/**
 * The in-thread executor behind `concurrency` lanes whose results arrive out of order (later
 * replications first), as a pool's would.
 */
function shuffledExecutor(concurrency: number): ReplicationExecutor {
  const base = inThreadExecutor();
  return {
    concurrency,
    async run(task, onProgress, cancel) {
      const r = await base.run(task, onProgress, cancel);
      await new Promise((resolve) => setTimeout(resolve, 3 * ((7 - task.replication) % 4)));
      return r;
    },
    dispose: () => base.dispose(),
  };
}

const PRECISE = '{ duration: 60s, warmup: 1s, replications: 3, seed: 61, precision: 2%, maxReplications: 50 }';

describe('sequential stopping from the scenario', () => {
  it('run: { precision: 2%, maxReplications: 50 } stops by itself with every key metric within 2% (seed 61)', async () => {
    const scenario = scenarioOf(PRECISE);
    const r = await runScenario(scenario, { executor: inThreadExecutor() });
    expect(r.stopping).toEqual({
      precision: 0.02,
      maxReplications: 50,
      met: true,
      keys: ['overall.throughput', 'overall.latency.mean', 'overall.latency.p95', 'overall.latency.p99'],
    });
    expect(r.replications).toBeGreaterThan(3);
    expect(r.replications).toBeLessThan(50);
    for (const [key, relative] of Object.entries(relativeHalfWidths(r))) expect(relative, key).toBeLessThanOrEqual(0.02);

    // It stopped at the first n that met the precision: with one replication fewer, some key missed it.
    const shorter = await runReplicationSet({ ...scenario, run: { ...scenario.run, precision: undefined } }, { executor: inThreadExecutor(), replications: r.replications - 1 });
    expect(precisionMet(shorter.summaries, 0.02)).toBe(false);
    // And the statistics are those of replications 0 … n−1, as a fixed run of n gives them.
    const fixed = await runScenario({ ...scenario, run: { ...scenario.run, precision: undefined } }, { executor: inThreadExecutor(), replications: r.replications });
    expect({ ...statistics(r), stopping: undefined }).toEqual(statistics(fixed));

    expect(formatRunReport(r)).toContain(`stopping      precision 2% met after ${r.replications} replications`);
  });

  it('a tiny precision hits the cap and says so, naming the widest half-width (seed 62)', async () => {
    const r = await runScenario(scenarioOf('{ duration: 20s, warmup: 1s, replications: 2, seed: 62, precision: 0.01%, maxReplications: 4 }'), { executor: inThreadExecutor() });
    expect(r.replications).toBe(4);
    expect(r.stopping).toMatchObject({ precision: 0.0001, maxReplications: 4, met: false });
    const widths = relativeHalfWidths(r);
    const [widestKey, widest] = Object.entries(widths).reduce((a, b) => (b[1] > a[1] ? b : a));
    const label = { throughput: 'throughput', 'latency.mean': 'mean latency', 'latency.p95': 'p95', 'latency.p99': 'p99' }[widestKey];
    expect(formatRunReport(r)).toContain(
      `stopping      precision 0.01% NOT met: stopped at the cap of 4 replications (${label} half-width ${Number((widest * 100).toPrecision(2))}%)`,
    );
  });

  it('the options override the scenario: precision and cap (seed 61)', async () => {
    const scenario = scenarioOf(PRECISE);
    const loose = await runScenario(scenario, { executor: inThreadExecutor(), precision: 0.5 });
    expect(loose.replications).toBe(3);
    expect(loose.stopping).toMatchObject({ precision: 0.5, met: true });
    const capped = await runScenario(scenario, { executor: inThreadExecutor(), maxReplications: 4 });
    expect(capped.replications).toBe(4);
    expect(capped.stopping).toMatchObject({ precision: 0.02, maxReplications: 4, met: false });
    expect(formatRunReport(capped)).toMatch(/precision 2% NOT met: stopped at the cap of 4 replications \(\S.* half-width [\d.]+%\)/);
  });

  it('stops at the same replication however the in-thread executor is driven (seed 61)', async () => {
    const scenario = scenarioOf(PRECISE);
    const reference = await runScenario(scenario, { executor: inThreadExecutor() });
    const again = await runScenario(scenario, { executor: inThreadExecutor() });
    const fromOptions = await runScenario(
      { ...scenario, run: { ...scenario.run, precision: undefined, maxReplications: undefined } },
      { executor: inThreadExecutor(), precision: 0.02, maxReplications: 50 },
    );
    const progress: number[] = [];
    const watched = await runScenario(scenario, { executor: inThreadExecutor(), onProgress: (p) => progress.push(p.completed) });
    const lanes = await runScenario(scenario, { executor: shuffledExecutor(4) });
    for (const r of [again, fromOptions, watched, lanes]) {
      expect(r.replications).toBe(reference.replications);
      expect(statistics(r)).toEqual(statistics(reference));
    }
    expect(progress.at(-1)).toBeGreaterThanOrEqual(reference.replications);
  });
});
