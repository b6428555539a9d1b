import { beforeAll, describe, it } from 'vitest';
import type { RunResult } from '../../sim-core/run/result.ts';
import { mvaMultiServer } from '../exact/mva-multiserver.ts';
import { expectAgreement } from '../helpers/agreement.ts';
import { runScenario } from '../helpers/scenario.ts';

/**
 * The issue's `closed-50k` reference network (the bench's scenario, shortened to 3 measured
 * minutes × 4 replications): 50,000 users think exp(10 s) → delay exp(0.5 ms) → 40 async
 * workers exp(4.8 ms) → 16 workers exp(2.56 ms). Exact by load-dependent MVA: X = 4995.95/s,
 * R = 8.102 ms, db utilisation 0.7994, app utilisation 0.5995.
 */
const SEED = 11;
const scenario = `
archsim: 1
name: closed-50k (short)
run: { duration: 4m, warmup: 1m, replications: 4, seed: ${SEED} }
workload: { users: 50000, thinkTime: exp(10s) }
endpoints: { request: { call: edge.handle } }
components:
  edge: { kind: service, workers: unbounded, operations: { handle: { cpu: exp(0.5ms), steps: [ { call: app.handle } ] } } }
  app: { kind: service, workers: 40, threading: async, operations: { handle: { cpu: exp(4.8ms), steps: [ { call: db.query } ] } } }
  db: { kind: service, workers: 16, operations: { query: { cpu: exp(2.56ms) } } }
`;
const exact = mvaMultiServer({
  stations: [{ kind: 'delay', demand: 0.5 }, { kind: 'queue', demand: 4.8, servers: 40 }, { kind: 'queue', demand: 2.56, servers: 16 }],
  thinkTime: 10_000,
}, 50_000);

describe(`closed-50k against exact MVA, seed ${SEED}`, () => {
  let r: RunResult;
  beforeAll(() => {
    r = runScenario(scenario);
  });

  it(`throughput ${(exact.throughput * 1000).toFixed(2)}/s`, () => {
    expectAgreement({ label: 'X', estimate: r.overall.throughput, ci95: r.overall.ci95?.throughput, replications: r.replications, exact: exact.throughput * 1000, maxRelativeHalfWidth: 0.005 });
  });

  it(`mean response ${exact.response.toFixed(4)} ms`, () => {
    const lat = r.overall.latency;
    expectAgreement({ label: 'R', estimate: lat.mean, ci95: lat.ci95?.mean, replications: r.replications, exact: exact.response, maxRelativeHalfWidth: 0.01 });
  });

  it(`utilisation: app ${exact.stations[1].utilisation.toFixed(4)}, db ${exact.stations[2].utilisation.toFixed(4)}`, () => {
    for (const [name, k] of [['app', 1], ['db', 2]] as const) {
      const s = r.components[name];
      expectAgreement({ label: `${name} utilisation`, estimate: s.utilisation ?? NaN, ci95: s.ci95?.utilisation, replications: r.replications, exact: exact.stations[k].utilisation, maxRelativeHalfWidth: 0.01 });
    }
  });
});
