import { describe, expect, it } from 'vitest';
import { formatRunReport } from '../../sim-core/cli/run-report.ts';
import { simulate } from '../../sim-core/engine/simulation.ts';
import type { ReplicationResult } from '../../sim-core/metrics/replication-result.ts';
import { compile } from '../../sim-core/model/compile.ts';
import { loadScenario } from '../../sim-core/model/load.ts';
import type { Scenario } from '../../sim-core/model/schema.ts';
import { chooseWarmup, PILOT_REPLICATION, resolveAutoWarmup, warmupText } from '../../sim-core/run/auto-warmup.ts';
import { inThreadExecutor } from '../../sim-core/run/in-thread-executor.ts';
import { runScenario } from '../../sim-core/run/run-scenario.ts';

function scenarioOf(text: string): Scenario {
  const { scenario, errors } = loadScenario(text);
  if (!scenario) throw new Error(`test scenario is invalid:\n${errors.map((e) => `${e.path}: ${e.message}`).join('\n')}`);
  return scenario;
}

/** The pilot MSER-5 looks at, simulated independently of the runner. */
function pilotOf(scenario: Scenario): ReplicationResult {
  const { model } = compile(scenario);
  expect(model?.run.warmupAuto).toBe(true);
  expect(model?.run.warmupMs).toBe(0);
  return simulate(model!, { replication: PILOT_REPLICATION });
}

const mm1 = (seed: number) => scenarioOf(`
archsim: 1
name: M/M/1 from empty at rho 0.95
run: { duration: 600s, warmup: auto, replications: 3, seed: ${seed}, seriesInterval: 1s }
workload: { arrivals: 95/s }
endpoints: { e: { call: s.op } }
components:
  s: { kind: service, workers: 1, operations: { op: { cpu: exp(10ms) } } }
`);

// 100 servers of exp(10 s) at ρ = 0.95, from empty: the number in service climbs from 0 to ~95
// with time constant 10 s, and requests finishing early are biased to short service times, so
// both throughput and p95 start far below their stationary values (many standard deviations
// of an interval's noise). Over 30 pilot seeds MSER-5 removed 25–60 s (once 160 s).
const mm100 = (seed: number) => scenarioOf(`
archsim: 1
name: M/M/100 from empty at rho 0.95
run: { duration: 600s, warmup: auto, replications: 2, seed: ${seed}, seriesInterval: 1s }
workload: { arrivals: 9.5/s }
endpoints: { e: { call: s.op } }
components:
  s: { kind: service, workers: 100, operations: { op: { cpu: exp(10s) } } }
`);

describe('warmup: auto end to end', () => {
  // Why the M/M/1 case asserts the mechanics and not a positive cut: from empty, an M/M/1's
  // initial deficit is within about one standard deviation of its stationary fluctuations at
  // any ρ (L ~ ρ/(1−ρ) against a standard deviation ~ √ρ/(1−ρ)), so a single pilot cannot tell
  // the start from an ordinary quiet stretch: over 30 pilot seeds MSER-5 removed nothing in 14
  // and 5–275 s in the others, and the bias it leaves is far below a run's own noise. The
  // M/M/100 case below has a transient MSER-5 must find.
  it('M/M/1 from empty at ρ = 0.95 (seed 41): removes what MSER-5 chose on an independent pilot, and reports it', async () => {
    const scenario = mm1(41);
    const executor = inThreadExecutor();
    const result = await runScenario(scenario, { executor });
    const choice = chooseWarmup(pilotOf(scenario))!;

    expect(result.warmupAuto).toEqual({ method: 'MSER-5', removedSeconds: choice.warmupMs / 1000 });
    expect(result.warmupSeconds).toBe(choice.warmupMs / 1000);
    expect(choice.warmupMs % 5000).toBe(0); // whole batches of 5 one-second intervals
    expect(choice.warmupMs).toBeLessThanOrEqual(300_000); // the first half only
    expect(choice.intervals).toBe(600);
    expect(choice.warmupMs).toBe(Math.max(choice.throughput!.observations, choice.p95!.observations) * 1000);

    // Exactly the run with that warm-up written in the file.
    const fixed = await runScenario({ ...scenario, run: { ...scenario.run, warmup: warmupText(choice.warmupMs) } }, { executor });
    expect(fixed.warmupAuto).toBeUndefined();
    expect({ ...result, wallSeconds: 0, warmupAuto: undefined }).toEqual({ ...fixed, wallSeconds: 0 });

    expect(formatRunReport(result)).toContain(
      `warm-up       ${choice.warmupMs / 1000}s, chosen by MSER-5 on a pilot replication (warmup: auto)`,
    );
  });

  it.each([51, 52, 53])('M/M/100 from empty at ρ = 0.95 (seed %i): removes the fill-up transient, ≥ 20 s and well inside the first half', async (seed) => {
    const result = await runScenario(mm100(seed), { executor: inThreadExecutor() });
    expect(result.warmupAuto?.method).toBe('MSER-5');
    expect(result.warmupAuto!.removedSeconds).toBeGreaterThanOrEqual(20);
    expect(result.warmupAuto!.removedSeconds).toBeLessThanOrEqual(200);
    expect(result.warmupSeconds).toBe(result.warmupAuto!.removedSeconds);
  });

  it('runs the pilot on its own streams with no warm-up, and returns a scenario with the warm-up as text (seed 41)', async () => {
    const seen: Array<{ replication: number; warmup: string }> = [];
    const base = inThreadExecutor();
    const auto = await resolveAutoWarmup(mm1(41), {
      concurrency: 1,
      run: (task, onProgress, cancel) => {
        seen.push({ replication: task.replication, warmup: task.scenario.run.warmup });
        return base.run(task, onProgress, cancel);
      },
      dispose: () => base.dispose(),
    });
    expect(seen).toEqual([{ replication: PILOT_REPLICATION, warmup: '0s' }]);
    expect(auto.scenario.run.warmup).toBe(warmupText(auto.choice.warmupMs));
    expect(auto.removedSeconds).toBe(auto.choice.warmupMs / 1000);
  });

  it('retries a pilot that crashed once, and says so when it fails twice', async () => {
    const base = inThreadExecutor();
    let calls = 0;
    const flaky = {
      concurrency: 1,
      run: (...args: Parameters<typeof base.run>) => (++calls === 1 ? Promise.reject(new Error('worker exited')) : base.run(...args)),
      dispose: () => base.dispose(),
    };
    await expect(resolveAutoWarmup(mm1(41), flaky)).resolves.toMatchObject({ removedSeconds: expect.any(Number) });
    const broken = { ...flaky, run: () => Promise.reject(new Error('worker exited')) };
    await expect(resolveAutoWarmup(mm1(41), broken)).rejects.toThrow('warmup: auto: the pilot replication failed: worker exited');
  });

  it('a cancelled pilot cancels the run; a warm-up of 0 is reported as none (seed 41)', async () => {
    await expect(runScenario(mm1(41), { executor: inThreadExecutor(), cancel: { cancelled: true } })).rejects.toThrow('cancelled');
    const result = await runScenario({ ...mm1(41), run: { ...mm1(41).run, warmup: '0s' } }, { executor: inThreadExecutor() });
    expect(formatRunReport({ ...result, warmupAuto: { method: 'MSER-5', removedSeconds: 0 } })).toContain(
      'warm-up       none: MSER-5 found no initial transient on a pilot replication (warmup: auto)',
    );
  });

  it('writes warm-ups the duration parser reads back exactly', () => {
    expect(warmupText(70_000)).toBe('70s');
    expect(warmupText(0)).toBe('0s');
    expect(warmupText(2500)).toBe('2500ms');
    expect(warmupText(0.5)).toBe('0.5ms');
  });
});
