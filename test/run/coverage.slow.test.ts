import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../sim-core/model/load.ts';
import { inThreadExecutor } from '../../sim-core/run/in-thread-executor.ts';
import { runScenario } from '../../sim-core/run/run-scenario.ts';
import { studentTQuantile } from '../../sim-core/run/stats.ts';
import { mm1MeanResponse } from '../exact/mm1.ts';

/**
 * Do the 95% confidence intervals archsim reports cover the truth 95% of the time?
 *
 * Each of SEEDS independent runs (scenario seeds 1…SEEDS) is 5 replications of an M/M/1 at
 * ρ = 0.5 (λ = 0.5/ms, μ = 1/ms, exact mean response W = 2 ms); we count the runs whose
 * reported interval mean ± ci95 contains W.
 *
 * Sampling error of the count: with true coverage 95%, the share over 2000 runs has standard
 * error √(0.95·0.05/2000) = 0.49%, so the band 93–97% is ±4.1 standard errors: a correct engine
 * fails it with probability ≈ 4e-5 for a random set of seeds (and never for these fixed ones).
 *
 * Biases that would shift the coverage, and why they are negligible here:
 * - initial transient: the run starts empty; the warm-up of 100 ms is 8.5 relaxation times
 *   1/(μ(1 − √ρ)²) = 11.7 ms, so what is left of the start-up deficit is ~e^-8.5 of it;
 * - finite run: the mean response of a replication is a ratio (Σ responses ÷ count) over about
 *   2,450 requests, biased by O(1/count): measured at −0.05% of W over 4,000 other seeds, against
 *   a typical half-width of 7% of W (a shift of < 0.1% in coverage);
 * - non-normal replication means: with 4,900 ms measured per replication the replication means
 *   are close enough to normal that Student's t holds (95.1% measured over 4,000 other seeds;
 *   shorter runs of 2 s undercover slightly, ~94%, because the means are still skewed).
 * So the expected coverage is 95% up to ≪ 1%, and the band tests the interval itself.
 *
 * That the band can fail: the same runs with the normal quantile 1.96 in place of Student's t
 * with 4 degrees of freedom (2.776) — a classic mistake — cover about 88%, outside the band.
 */
const SEEDS = 2000;
const REPLICATIONS = 5;

describe(`95% CI coverage of the M/M/1 mean response, seeds 1–${SEEDS}`, () => {
  it(`contains the exact value in 93–97% of ${SEEDS} independent runs of ${REPLICATIONS} replications`, async () => {
    const { scenario, errors } = loadScenario(`
archsim: 1
name: M/M/1 at rho 0.5
run: { duration: 5s, warmup: 100ms, replications: ${REPLICATIONS}, seed: 1, seriesInterval: 5s }
workload: { arrivals: 500/s }
endpoints: { e: { call: s.op } }
components:
  s: { kind: service, workers: 1, operations: { op: { cpu: exp(1ms) } } }
`);
    if (!scenario) throw new Error(errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
    const exact = mm1MeanResponse(0.5, 1);
    const normalOverT = 1.959964 / studentTQuantile(0.975, REPLICATIONS - 1);
    const executor = inThreadExecutor();
    let covered = 0;
    let coveredByNormal = 0;
    for (let seed = 1; seed <= SEEDS; seed++) {
      const r = await runScenario({ ...scenario, run: { ...scenario.run, seed } }, { executor });
      expect(r.replications).toBe(REPLICATIONS);
      const { mean, ci95 } = r.overall.latency;
      const halfWidth = ci95!.mean!;
      if (Math.abs(mean - exact) <= halfWidth) covered++;
      if (Math.abs(mean - exact) <= halfWidth * normalOverT) coveredByNormal++;
    }
    const coverage = covered / SEEDS;
    expect(coverage, `coverage ${(coverage * 100).toFixed(2)}%`).toBeGreaterThanOrEqual(0.93);
    expect(coverage, `coverage ${(coverage * 100).toFixed(2)}%`).toBeLessThanOrEqual(0.97);
    expect(coveredByNormal / SEEDS, 'a z-interval would undercover and fail the band').toBeLessThan(0.93);
  });
});
