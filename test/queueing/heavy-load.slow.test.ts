import { beforeAll, describe, it } from 'vitest';
import type { RunResult } from '../../sim-core/run/result.ts';
import type { ClosedNetwork } from '../exact/closed-network.ts';
import { mm1MeanResponse, mm1ResponsePercentile } from '../exact/mm1.ts';
import { mmcMeanResponse, mmcResponsePercentile } from '../exact/mmc.ts';
import { mvaMultiServer } from '../exact/mva-multiserver.ts';
import { expectAgreement, PERCENTILE_RELATIVE_ERROR } from '../helpers/agreement.ts';
import { runScenario } from '../helpers/scenario.ts';

// Longer runs at heavier load, where a subtle engine bias (queue discipline, warm-up, time
// accounting) shows first: relaxation times grow like 1/(1 − ρ)², so these need more time.

describe('M/M/1 at ρ = 0.9, seed 31', () => {
  let r: RunResult;
  beforeAll(() => {
    r = runScenario(`
archsim: 1
name: M/M/1 at rho 0.9
run: { duration: 1000s, warmup: 20s, replications: 10, seed: 31 }
workload: { arrivals: 900/s }
endpoints: { e: { call: s.op } }
components:
  s: { kind: service, workers: 1, operations: { op: { cpu: exp(1ms) } } }
`);
  });

  it('W = 10 ms, p99 = 10·ln 100 ms', () => {
    const lat = r.overall.latency;
    expectAgreement({ label: 'W', estimate: lat.mean, ci95: lat.ci95?.mean, replications: r.replications, exact: mm1MeanResponse(0.9, 1), maxRelativeHalfWidth: 0.03 });
    const p99 = mm1ResponsePercentile(0.9, 1, 0.99);
    expectAgreement({ label: 'p99', estimate: lat.p99, ci95: lat.ci95?.p99, replications: r.replications, exact: p99, bias: PERCENTILE_RELATIVE_ERROR * p99 });
  });
});

describe('M/M/16 at ρ = 0.9, seed 32', () => {
  // λ = 5.625/ms, 16 workers of exp(2.56 ms): a = 14.4.
  let r: RunResult;
  beforeAll(() => {
    r = runScenario(`
archsim: 1
name: M/M/16 at rho 0.9
run: { duration: 200s, warmup: 10s, replications: 10, seed: 32 }
workload: { arrivals: 5625/s }
endpoints: { e: { call: s.op } }
components:
  s: { kind: service, workers: 16, operations: { op: { cpu: exp(2.56ms) } } }
`);
  });

  it('W and p99 from Erlang C', () => {
    const lambda = 5.625, mu = 1 / 2.56, c = 16;
    const lat = r.overall.latency;
    expectAgreement({ label: 'W', estimate: lat.mean, ci95: lat.ci95?.mean, replications: r.replications, exact: mmcMeanResponse(lambda, mu, c), maxRelativeHalfWidth: 0.02 });
    const p99 = mmcResponsePercentile(lambda, mu, c, 0.99);
    expectAgreement({ label: 'p99', estimate: lat.p99, ci95: lat.ci95?.p99, replications: r.replications, exact: p99, bias: PERCENTILE_RELATIVE_ERROR * p99 });
  });
});

describe('closed network through its knee: N = 480, 520, 560, seed 33', () => {
  const network: ClosedNetwork = {
    stations: [{ kind: 'delay', demand: 0.5 }, { kind: 'queue', demand: 8, servers: 4 }, { kind: 'queue', demand: 3, servers: 2 }],
    thinkTime: 1000,
  };
  for (const users of [480, 520, 560]) {
    const exact = mvaMultiServer(network, users);
    describe(`N = ${users}`, () => {
      let r: RunResult;
      beforeAll(() => {
        r = runScenario(`
archsim: 1
name: closed knee ${users}
run: { duration: 400s, warmup: 20s, replications: 10, seed: 33 }
workload: { users: ${users}, thinkTime: exp(1s) }
endpoints: { e: { call: front.op } }
components:
  front: { kind: service, workers: unbounded, threading: async, operations: { op: { cpu: exp(0.5ms), steps: [ { call: app.op } ] } } }
  app: { kind: service, workers: 4, threading: async, operations: { op: { cpu: exp(8ms), steps: [ { call: db.op } ] } } }
  db: { kind: service, workers: 2, operations: { op: { cpu: exp(3ms) } } }
`);
      });

      it(`X = ${(exact.throughput * 1000).toFixed(2)}/s, R = ${exact.response.toFixed(3)} ms`, () => {
        expectAgreement({ label: 'X', estimate: r.overall.throughput, ci95: r.overall.ci95?.throughput, replications: r.replications, exact: exact.throughput * 1000 });
        const lat = r.overall.latency;
        expectAgreement({ label: 'R', estimate: lat.mean, ci95: lat.ci95?.mean, replications: r.replications, exact: exact.response });
      });
    });
  }
});
