import { beforeAll, describe, it } from 'vitest';
import type { RunResult } from '../../sim-core/run/result.ts';
import { solveOpenNetwork } from '../exact/jackson.ts';
import { mmcMeanQueueLength } from '../exact/mmc.ts';
import { expectAgreement } from '../helpers/agreement.ts';
import { runScenario } from '../helpers/scenario.ts';

/**
 * An open network with branching, solved as a Jackson network.
 *
 *   700/s → gw (2 workers, exp 1 ms) ─0.6→ a (1 worker, exp 1.5 ms) ─0.5→ c (1 worker, exp 2 ms)
 *                                    └0.4→ b (3 workers, exp 8 ms)
 *
 * Callers use `threading: async`, so a caller's worker is free once its CPU is done and the
 * request simply moves on to the callee: each request visits a sequence of FIFO exponential
 * stations chosen by Markovian branching — exactly Jackson's model, so each station is an
 * M/M/c with the rate from the traffic equations, and the end-to-end mean is Σ L_i / γ.
 * (With blocking threading the caller's worker would be held through the call: not Jackson.)
 */
const SEED = 5;
const scenario = `
archsim: 1
name: Jackson network with branching
run: { duration: 100s, warmup: 10s, replications: 30, seed: ${SEED} }
workload: { arrivals: 700/s }
endpoints: { e: { call: gw.op } }
components:
  gw:
    kind: service
    workers: 2
    threading: async
    operations:
      op:
        cpu: exp(1ms)
        steps:
          - branch: [ { p: 0.6, steps: [ { call: a.op } ] }, { p: 0.4, steps: [ { call: b.op } ] } ]
  a:
    kind: service
    workers: 1
    threading: async
    operations:
      op:
        cpu: exp(1.5ms)
        steps: [ { branch: [ { p: 0.5, steps: [ { call: c.op } ] } ] } ]
  b: { kind: service, workers: 3, operations: { op: { cpu: exp(8ms) } } }
  c: { kind: service, workers: 1, operations: { op: { cpu: exp(2ms) } } }
`;

const NAMES = ['gw', 'a', 'b', 'c'];
const network = {
  stations: [{ servers: 2, serviceRate: 1 }, { servers: 1, serviceRate: 1 / 1.5 }, { servers: 3, serviceRate: 1 / 8 }, { servers: 1, serviceRate: 1 / 2 }],
  externalArrivals: [0.7, 0, 0, 0],
  routing: [[0, 0.6, 0.4, 0], [0, 0, 0, 0.5], [0, 0, 0, 0], [0, 0, 0, 0]],
};
const exact = solveOpenNetwork(network);

describe(`open Jackson network with branching, seed ${SEED}`, () => {
  let r: RunResult;
  beforeAll(() => {
    r = runScenario(scenario);
  });

  NAMES.forEach((name, i) => {
    it(`${name}: utilisation λ/(cμ) = ${exact.utilisation[i].toFixed(4)}, throughput ${(exact.arrivalRates[i] * 1000).toFixed(0)}/s, Lq (M/M/${network.stations[i].servers})`, () => {
      const s = r.components[name];
      const n = r.replications;
      expectAgreement({ label: `${name} utilisation`, estimate: s.utilisation ?? NaN, ci95: s.ci95?.utilisation, replications: n, exact: exact.utilisation[i] });
      expectAgreement({ label: `${name} throughput`, estimate: s.throughput, ci95: s.ci95?.throughput, replications: n, exact: exact.arrivalRates[i] * 1000 });
      const st = network.stations[i];
      expectAgreement({
        label: `${name} Lq`, estimate: s.queueLength, ci95: s.ci95?.queueLength, replications: n,
        exact: mmcMeanQueueLength(exact.arrivalRates[i], st.serviceRate, st.servers),
        maxRelativeHalfWidth: 0.1, // a lightly loaded station's tiny queue is relatively noisy
      });
    });
  });

  it(`end-to-end mean response Σ L_i / γ = ${exact.meanResponse.toFixed(3)} ms`, () => {
    const lat = r.overall.latency;
    expectAgreement({ label: 'end-to-end W', estimate: lat.mean, ci95: lat.ci95?.mean, replications: r.replications, exact: exact.meanResponse });
  });
});
