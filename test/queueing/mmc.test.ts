import { beforeAll, describe, it } from 'vitest';
import type { RunResult } from '../../sim-core/run/result.ts';
import { mmcMeanResponse, mmcMeanWait, mmcProbabilityOfWait, mmcResponsePercentile } from '../exact/mmc.ts';
import { expectAgreement, PERCENTILE_RELATIVE_ERROR } from '../helpers/agreement.ts';
import { runScenario } from '../helpers/scenario.ts';

/**
 * M/M/4 at ρ = 0.8: `work` requests arrive at 800/s and take exp(4 ms) on one of 4 workers.
 *
 * P(wait) is measured with zero-time probes: a second endpoint sends equally many `probe`
 * requests to an operation with no CPU at the same station. A probe that finds a free worker
 * takes it and gives it back at the same instant (latency 0); one that finds all busy waits in
 * the same FIFO queue, then leaves the instant it reaches a worker. So probes never delay work
 * (they hold workers for zero time), a probe's latency is exactly the waiting time an arrival
 * would see, and by PASTA (probes are Poisson) P(probe latency > 0) = C(c, a). The probe
 * endpoint's SLO of 1 µs turns that into `sloShare` = 1 − C, and its mean latency is Wq.
 */
const LAMBDA = 0.8, MU = 0.25, C = 4; // per ms
const SEED = 5;

const scenario = `
archsim: 1
name: M/M/4 with zero-time probes
run: { duration: 200s, warmup: 10s, replications: 10, seed: ${SEED} }
workload: { arrivals: 1600/s, mix: { work: 50, probe: 50 } }
endpoints:
  work: { call: s.work }
  probe: { call: s.probe, slo: 1us }
components:
  s:
    kind: service
    workers: 4
    operations:
      work: { cpu: exp(4ms) }
      probe: {}
`;

describe(`M/M/c (c = 4, ρ = 0.8) against Erlang C, seed ${SEED}`, () => {
  let r: RunResult;
  beforeAll(() => {
    r = runScenario(scenario);
  });

  it(`P(wait) = C(4, 3.2) = ${mmcProbabilityOfWait(LAMBDA, MU, C).toFixed(4)} (share of probes that wait)`, () => {
    const probe = r.endpoints.probe;
    expectAgreement({
      label: 'P(wait)', estimate: 1 - probe.sloShare, ci95: probe.ci95?.sloShare, replications: r.replications,
      exact: mmcProbabilityOfWait(LAMBDA, MU, C),
    });
  });

  it(`mean wait Wq = C/(cμ − λ) = ${mmcMeanWait(LAMBDA, MU, C).toFixed(3)} ms (probe latency)`, () => {
    const lat = r.endpoints.probe.latency;
    expectAgreement({ label: 'Wq', estimate: lat.mean, ci95: lat.ci95?.mean, replications: r.replications, exact: mmcMeanWait(LAMBDA, MU, C) });
  });

  it(`mean response W = Wq + 1/μ = ${mmcMeanResponse(LAMBDA, MU, C).toFixed(3)} ms`, () => {
    const lat = r.endpoints.work.latency;
    expectAgreement({ label: 'W', estimate: lat.mean, ci95: lat.ci95?.mean, replications: r.replications, exact: mmcMeanResponse(LAMBDA, MU, C) });
  });

  for (const [key, p] of [['p95', 0.95], ['p99', 0.99]] as const) {
    const exact = mmcResponsePercentile(LAMBDA, MU, C, p);
    it(`${key} of the response time = ${exact.toFixed(3)} ms (wait mixture + Exp(μ), ± 1% histogram error)`, () => {
      const lat = r.endpoints.work.latency;
      expectAgreement({
        label: key, estimate: lat[key], ci95: lat.ci95?.[key], replications: r.replications, exact,
        bias: PERCENTILE_RELATIVE_ERROR * exact,
      });
    });
  }

  it('utilisation ρ = λ/(cμ) = 0.8; queue length = (λ_work + λ_probe)·Wq (Little; probes wait too)', () => {
    const s = r.components.s;
    expectAgreement({ label: 'utilisation', estimate: s.utilisation ?? NaN, ci95: s.ci95?.utilisation, replications: r.replications, exact: 0.8 });
    expectAgreement({
      label: 'Lq', estimate: s.queueLength, ci95: s.ci95?.queueLength, replications: r.replications,
      exact: 2 * LAMBDA * mmcMeanWait(LAMBDA, MU, C),
    });
  });
});
