import { beforeAll, describe, expect, it } from 'vitest';
import type { RunResult } from '../../sim-core/run/result.ts';
import { erlangB } from '../exact/mmc.ts';
import { expectAgreement } from '../helpers/agreement.ts';
import { runScenario } from '../helpers/scenario.ts';

/**
 * Load shedding at the gateway is an Erlang loss system: requests in flight (from entry to
 * answer, here a const 100 ms) are at most maxInFlight = 150, and Poisson arrivals at 2,000/s
 * (200 Erlang) that find them all taken are rejected at once. The loss share is B(150, 200),
 * whatever the holding-time distribution (Erlang's formula is insensitive to it).
 */
const scenario = `
archsim: 1
name: load shedding
run: { duration: 60s, warmup: 5s, replications: 8, seed: 95 }
workload: { arrivals: 2000/s }
endpoints: { get: { call: api.get } }
components:
  api: { kind: gateway, shed: { maxInFlight: 150 }, routes: { get: app.get } }
  app: { kind: service, workers: unbounded, operations: { get: { cpu: const(100ms) } } }
`;

describe('gateway load shedding: B(150, 200) of the requests are rejected, seed 95', () => {
  const B = erlangB(150, 200);
  let r: RunResult;
  beforeAll(() => {
    r = runScenario(scenario);
  });

  it(`rejected share B = ${B.toFixed(4)}; accepted λ(1 − B)`, () => {
    const e = r.endpoints.get;
    expectAgreement({ label: 'rejected share', estimate: e.errorRate, ci95: e.ci95?.errorRate, replications: r.replications, exact: B });
    expectAgreement({ label: 'accepted/s', estimate: e.throughput, ci95: e.ci95?.throughput, replications: r.replications, exact: 2000 * (1 - B) });
    expect(e.errorsByCause.rejected).toBeCloseTo(e.errorRate, 12);
    expect(r.components['api.inflight'].utilisation).toBeGreaterThan(0.85);
  });
});
