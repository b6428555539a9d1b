import { beforeAll, describe, it } from 'vitest';
import type { RunResult } from '../../sim-core/run/result.ts';
import { mmcMeanResponse } from '../exact/mmc.ts';
import { expectAgreement } from '../helpers/agreement.ts';
import { runScenario } from '../helpers/scenario.ts';

/**
 * A cdn in front of its origin: 400/s → edge.get (5 ms) ─miss 0.1→ app.page (1 worker, exp 5 ms).
 * The origin sees (1 − hit)·λ = 40/s as Poisson thinning (an M/M/1, utilisation 0.2); a miss
 * pays the network hop (0.5 ms) each way. Mean response: 5 + 0.1·(2·0.5 + W_origin) ms.
 */
const SEED = 12;
const LAMBDA = 0.4; // per ms
const HIT = 0.9;
const scenario = `
archsim: 1
name: cdn in front of its origin
run: { duration: 25s, warmup: 5s, replications: 10, seed: ${SEED} }
workload: { arrivals: 400/s }
network: { hop: const(0.5ms) }
endpoints: { page: { call: edge.get } }
components:
  edge: { kind: cdn, hit: 90%, latency: const(5ms), origin: app.page }
  app: { kind: service, workers: 1, operations: { page: { cpu: exp(5ms) } } }
`;

const originRate = (1 - HIT) * LAMBDA;

describe(`cdn with hit ratio ${HIT}, seed ${SEED}`, () => {
  let r: RunResult;
  beforeAll(() => {
    r = runScenario(scenario);
  });

  it(`the origin sees (1 − hit)·λ = ${(originRate * 1000).toFixed(0)}/s at utilisation ${(originRate * 5).toFixed(2)}`, () => {
    const app = r.components.app;
    expectAgreement({ label: 'origin throughput', estimate: app.throughput, ci95: app.ci95?.throughput, replications: r.replications, exact: originRate * 1000 });
    expectAgreement({ label: 'origin utilisation', estimate: app.utilisation ?? NaN, ci95: app.ci95?.utilisation, replications: r.replications, exact: originRate * 5 });
  });

  it('the edge serves every request', () => {
    const edge = r.components.edge;
    expectAgreement({ label: 'edge throughput', estimate: edge.throughput, ci95: edge.ci95?.throughput, replications: r.replications, exact: LAMBDA * 1000 });
  });

  it('mean response 5 + (1 − hit)·(1 + W_origin) ms', () => {
    const exact = 5 + (1 - HIT) * (1 + mmcMeanResponse(originRate, 1 / 5, 1));
    const lat = r.overall.latency;
    expectAgreement({ label: 'mean response', estimate: lat.mean, ci95: lat.ci95?.mean, replications: r.replications, exact });
  });
});
