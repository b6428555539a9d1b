import { describe, expect, it } from 'vitest';
import { calibrate, CalibrationInputError, type CalibrateOptions, type CalibrationEvaluation } from '../../sim-core/case-study/calibrate.ts';
import type { Scenario } from '../../sim-core/model/schema.ts';
import { inThreadExecutor } from '../../sim-core/run/in-thread-executor.ts';
import { runScenario } from '../../sim-core/run/run-scenario.ts';
import { studentT975 } from '../helpers/student-t.ts';

/**
 * calibrate() against exact queueing results, run in this thread. An open M/M/1 queue with
 * Poisson arrivals λ = 50/s has mean response time T = S / (1 − λS) for a mean service time S,
 * so a target T = 50 ms needs S = T / (1 + λT) = 1/70 s ≈ 14.29 ms.
 */

const Z = 4.5;
const LAMBDA = 0.05; // per ms

const MM1 = `# An open M/M/1 queue.
archsim: 1
name: mm1
run: { duration: 300s, warmup: 10s, replications: 5, seed: 3 }
workload: { arrivals: 50/s }           # Poisson
endpoints: { work: { call: app.work } }
components:
  app:
    kind: service
    workers: 1
    operations:
      work: { cpu: exp(10ms) }         # assumption: to be calibrated
`;

const evaluate = (scenario: Scenario) => runScenario(scenario, { executor: inThreadExecutor() });

function options(over: Partial<CalibrateOptions> = {}): CalibrateOptions {
  return { targets: [{ path: 'overall.latency.mean', reported: '50ms' }], free: ['components.app.operations.*.cpu'], evaluate, ...over };
}

/** The mean of `exp(14.29ms)`. */
function expMean(text: string | number): number {
  const m = /^exp\(([\d.]+)ms\)$/.exec(String(text));
  if (!m) throw new Error(`not exp(…ms): ${String(text)}`);
  return Number(m[1]);
}

describe('calibrate (exact: M/M/1)', () => {
  it('seed 3: fits the service time of an M/M/1 queue to a mean response time of 50 ms (S = 14.29 ms)', async () => {
    const progress: CalibrationEvaluation[] = [];
    const fit = await calibrate(MM1, options({ onEvaluation: (e) => progress.push(e) }));
    expect(fit.converged).toBe(true);
    expect(fit.stopReason).toBe('tolerance');
    const [t] = fit.targets;
    expect(Math.abs(t.error)).toBeLessThanOrEqual(0.01);
    // The simulated mean is within 1% of 50 ms; the true mean at the fitted S within z standard
    // errors of the simulated one. S = T / (1 + λT) maps that band of T onto S.
    const se = t.halfWidth! / studentT975(fit.result.replications - 1);
    const tLow = 50 * 0.99 - Z * se;
    const tHigh = 50 * 1.01 + Z * se;
    const s = expMean(fit.parameters[0].values[0].after);
    expect(s).toBeGreaterThan(tLow / (1 + LAMBDA * tLow));
    expect(s).toBeLessThan(tHigh / (1 + LAMBDA * tHigh));
    expect(1000 / 70).toBeGreaterThan(tLow / (1 + LAMBDA * tLow)); // the exact answer lies in the band too
    // One progress report per simulation, numbered; the evaluation count is the simulations run.
    expect(progress.map((p) => p.evaluation)).toEqual(progress.map((_, i) => i + 1));
    expect(fit.evaluations).toBe(progress.length);
    expect(fit.evaluations).toBeLessThanOrEqual(12);
    expect(fit.text).toContain(`work: { cpu: exp(${s}ms) }         # assumption: to be calibrated`);
  });

  it('seed 3: calibrating the calibrated text again needs one evaluation and replaces the header', async () => {
    const first = await calibrate(MM1, options());
    const second = await calibrate(first.text, options());
    expect(second.evaluations).toBe(1);
    expect(second.parameters[0].description).toBe('×1');
    expect(second.text.match(/Calibrated by archsim calibrate/g)).toHaveLength(1);
    expect(second.text).toContain('Fit: Nelder–Mead on the log factors, 1 evaluation; every target within 1%.');
    // The scenario below the header is the first fit's, unchanged.
    const body = (text: string) => text.slice(text.indexOf('# An open M/M/1 queue.'));
    expect(body(second.text)).toBe(body(first.text));
  });

  it('seed 3: a target it cannot reach ends at --max-evals with the best fit and the error', async () => {
    // The network hop alone takes 2 × 30 ms: no service time gives a 50 ms mean.
    const text = MM1.replace('components:', 'network: { hop: const(30ms) }\ncomponents:').replace('work: { call: app.work }', 'work: { call: gw.work }')
      .concat('  gw: { kind: service, workers: unbounded, operations: { work: { steps: [ { call: app.work } ] } } }\n');
    const fit = await calibrate(text, options({ maxEvals: 8 }));
    expect(fit.converged).toBe(false);
    expect(['maxEvals', 'stalled']).toContain(fit.stopReason);
    expect(fit.evaluations).toBeLessThanOrEqual(8);
    expect(fit.targets[0].error).toBeGreaterThan(0.05);
    expect(fit.text).toContain('NOT every target within 1%');
  });
});

describe('calibrate: bad input', () => {
  const rejects = async (over: Partial<CalibrateOptions>, message: RegExp | string, text = MM1) => {
    const p = calibrate(text, options(over));
    await expect(p).rejects.toBeInstanceOf(CalibrationInputError);
    await expect(p).rejects.toThrow(message);
  };

  it('names patterns that match nothing or values that cannot be fitted', async () => {
    await rejects({ free: ['components.db.queries.*'] }, "--free 'components.db.queries.*': matches nothing in the scenario");
    await rejects({ free: ['components.app.operations.*'] }, 'components.app.operations.work is a map');
    await rejects({ free: ['components.app.workers'] }, 'components.app.workers is the number 1');
    await rejects({ free: [] }, 'give at least one free parameter');
  });

  it('names targets that are not metrics, not readable or in the wrong unit', async () => {
    await rejects({ targets: [] }, 'give at least one target');
    await rejects({ targets: [{ path: 'overall.latency.mean', reported: '50' }] }, "overall.latency.mean is a duration (e.g. 2.8s or 320ms), but '50' is a plain number");
    await rejects({ targets: [{ path: 'overall.errorRate', reported: '2.8s' }] }, 'overall.errorRate is a share');
    await rejects({ targets: [{ path: 'overall.latency.mean', reported: 'soon' }] }, "cannot read 'soon'");
    await rejects({ targets: [{ path: 'endpoints.pay.latency.mean', reported: '1s' }] }, "the scenario has no endpoint 'pay' (it has work)");
    await rejects({ targets: [{ path: 'latency.mean', reported: '1s' }] }, "unknown metric group 'latency'");
    await rejects({ targets: [{ path: 'overall.errorRate', reported: '0%' }] }, 'the target must be above zero');
    await rejects({ targets: [{ path: 'overall.availability', reported: '100%' }] }, 'the target must be below 100%');
    await rejects({ targets: [{ path: 'overall.latency.mean', reported: '1s' }, { path: 'overall.latency.mean', reported: '2s' }] }, 'is given twice');
  });

  it('finds out at the first run when a target has no number in the results', async () => {
    await rejects({ targets: [{ path: 'overall.latency.p42', reported: '1s' }], maxEvals: 3 }, 'the run has no number at overall.latency.p42');
    await rejects({ targets: [{ path: 'uptimeStudy.availability', reported: '99%' }], maxEvals: 3 }, 'no uptime study');
  });

  it('refuses a value that is both overridden and fitted, and an invalid scenario', async () => {
    await rejects({ overrides: ['components.app.operations.work.cpu=exp(12ms)'] }, "is also set by 'components.app.operations.work.cpu=exp(12ms)'");
    await rejects({ overrides: ['components.app=null'] }, 'the scenario is not valid');
    await rejects({}, 'the scenario is not valid', MM1.replace('workers: 1', 'workers: -1'));
  });
});
