import { beforeAll, describe, it } from 'vitest';
import type { RunResult } from '../../sim-core/run/result.ts';
import { invertCdf } from '../exact/invert-cdf.ts';
import { expectAgreement, PERCENTILE_RELATIVE_ERROR } from '../helpers/agreement.ts';
import { runScenario } from '../helpers/scenario.ts';

/**
 * The step kinds without queueing (unbounded workers), against exact results:
 * - `parallel` joins when the last branch ends: latency = max(Exp(10 ms), Exp(30 ms)), with
 *   E[max] = a + b − ab/(a + b) = 32.5 ms and CDF (1 − e^{−t/10})(1 − e^{−t/30});
 * - `branch` with p = 0.25 to a delay exp(8 ms), else nothing: mean 2 ms;
 * - `network.hop` const(0.3 ms) is paid on the way to a callee and back: 2 × 0.3 ms per call.
 */
const SEED = 13;
const scenario = `
archsim: 1
name: steps without queueing
run: { duration: 120s, warmup: 5s, replications: 10, seed: ${SEED} }
workload: { arrivals: 300/s, mix: { fork: 1, branch: 1, hop: 1 } }
network: { hop: const(0.3ms) }
endpoints:
  fork: { call: s.fork }
  branch: { call: s.branch }
  hop: { call: s.hop }
components:
  s:
    kind: service
    workers: unbounded
    operations:
      fork: { steps: [ { parallel: [ [ { delay: exp(10ms) } ], [ { delay: exp(30ms) } ] ] } ] }
      branch: { steps: [ { branch: [ { p: 0.25, steps: [ { delay: exp(8ms) } ] } ] } ] }
      hop: { steps: [ { call: t.op } ] }
  t: { kind: service, workers: unbounded, operations: { op: { cpu: exp(2ms) } } }
`;

const forkCdf = (t: number) => -Math.expm1(-t / 10) * -Math.expm1(-t / 30);

describe(`parallel, branch and network hops, seed ${SEED}`, () => {
  let r: RunResult;
  beforeAll(() => {
    r = runScenario(scenario);
  });

  it('parallel: mean of max(Exp(10), Exp(30)) = 32.5 ms', () => {
    const lat = r.endpoints.fork.latency;
    expectAgreement({ label: 'fork mean', estimate: lat.mean, ci95: lat.ci95?.mean, replications: r.replications, exact: 32.5 });
  });

  it('parallel: p99 of the max from its CDF (± 1% histogram error)', () => {
    const lat = r.endpoints.fork.latency;
    const exact = invertCdf(forkCdf, 0.99, 10);
    expectAgreement({ label: 'fork p99', estimate: lat.p99, ci95: lat.ci95?.p99, replications: r.replications, exact, bias: PERCENTILE_RELATIVE_ERROR * exact });
  });

  it('branch: mean = 0.25 × 8 ms = 2 ms', () => {
    const lat = r.endpoints.branch.latency;
    expectAgreement({ label: 'branch mean', estimate: lat.mean, ci95: lat.ci95?.mean, replications: r.replications, exact: 2 });
  });

  it('hop: one call costs two hops: 0.6 ms + exp(2 ms)', () => {
    const lat = r.endpoints.hop.latency;
    expectAgreement({ label: 'hop mean', estimate: lat.mean, ci95: lat.ci95?.mean, replications: r.replications, exact: 2.6 });
  });
});
