import { describe, expect, it } from 'vitest';
import { calibrate } from '../../sim-core/case-study/calibrate.ts';
import { inThreadExecutor } from '../../sim-core/run/in-thread-executor.ts';
import { runScenario } from '../../sim-core/run/run-scenario.ts';
import { studentT975 } from '../helpers/student-t.ts';

/**
 * Two targets, two free parameters, against an exact result. The service computes for exp(S)
 * on its one worker (an M/M/1 queue, λ = 50/s), frees the worker (async threading) and waits
 * const(D) on an external API. The response time is D plus the M/M/1 sojourn, which is
 * exponential with mean θ = S / (1 − λS), so
 *   mean = D + θ,   p95 = D + θ·ln 20.
 * The truth S = 12 ms, D = 20 ms gives θ = 30 ms: mean 50 ms, p95 109.87 ms. From the fitted
 * figures the inverse is θ = (p95 − mean) / (ln 20 − 1), D = mean − θ, S = θ / (1 + λθ).
 */

const Z = 4.5;
const LAMBDA = 0.05; // per ms
const LN20 = Math.log(20);

const TEXT = `archsim: 1
name: mm1 plus a delay
run: { duration: 300s, warmup: 10s, replications: 4, seed: 8 }
workload: { arrivals: 50/s }
endpoints: { work: { call: app.work } }
components:
  app:
    kind: service
    workers: 1
    threading: async                    # the worker is free while the bank answers
    operations:
      work: { cpu: exp(10ms), steps: [ { external: bank } ] }
  bank: { kind: external, latency: const(10ms) }
`;

const number = (text: string | number) => Number(/([\d.]+)ms/.exec(String(text))![1]);

describe('calibrate (exact: M/M/1 plus a constant delay)', () => {
  it('seed 8: fits the service time and the delay to a mean of 50 ms and a p95 of 109.87 ms (S = 12 ms, D = 20 ms)', async () => {
    const fit = await calibrate(TEXT, {
      targets: [{ path: 'overall.latency.mean', reported: '50ms' }, { path: 'overall.latency.p95', reported: `${20 + 30 * LN20}ms` }],
      free: ['components.app.operations.*.cpu', 'components.bank.latency'],
      evaluate: (scenario) => runScenario(scenario, { executor: inThreadExecutor() }),
    });
    expect(fit.converged).toBe(true);
    const [mean, p95] = fit.targets;
    const t = studentT975(fit.result.replications - 1);
    // Where the true mean and p95 at the fit can lie: 1% from the targets, z standard errors
    // from the simulated values, and for p95 the histogram's 1% besides.
    const dm = 0.01 * mean.target + (Z * mean.halfWidth!) / t;
    const dq = 0.02 * p95.target + (Z * p95.halfWidth!) / t;
    const thetaLow = (p95.target - dq - (mean.target + dm)) / (LN20 - 1);
    const thetaHigh = (p95.target + dq - (mean.target - dm)) / (LN20 - 1);
    const s = number(fit.parameters[0].values[0].after);
    const d = number(fit.parameters[1].values[0].after);
    expect(s).toBeGreaterThan(thetaLow / (1 + LAMBDA * thetaLow));
    expect(s).toBeLessThan(thetaHigh / (1 + LAMBDA * thetaHigh));
    expect(d).toBeGreaterThan(mean.target - dm - thetaHigh);
    expect(d).toBeLessThan(mean.target + dm - thetaLow);
    expect(fit.parameters[1].values[0].after).toMatch(/^const\([\d.]+ms\)$/);
    expect(fit.evaluations).toBeLessThanOrEqual(60);
  });
});
