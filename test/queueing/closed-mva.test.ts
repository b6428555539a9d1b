import { beforeAll, describe, expect, it } from 'vitest';
import type { RunResult } from '../../sim-core/run/result.ts';
import type { ClosedNetwork } from '../exact/closed-network.ts';
import { mvaMultiServer } from '../exact/mva-multiserver.ts';
import { expectAgreement } from '../helpers/agreement.ts';
import { runScenario } from '../helpers/scenario.ts';

/**
 * A closed network with think time and multi-server stations, against exact load-dependent MVA.
 * N users think exp(1 s), then: a pure delay exp(0.5 ms) → app (4 workers, exp 8 ms, async) →
 * db (2 workers, exp 3 ms) → back to thinking. The app is the bottleneck: X ≤ 4/8 ms = 500/s,
 * reached from N ≈ 500 on. Times in ms, MVA throughput per ms.
 */
const SEED = 5;
const scenario = (users: number) => `
archsim: 1
name: closed network, ${users} users
run: { duration: 120s, warmup: 20s, replications: 10, seed: ${SEED} }
workload: { users: ${users}, thinkTime: exp(1s) }
endpoints: { e: { call: front.op } }
components:
  front: { kind: service, workers: unbounded, threading: async, operations: { op: { cpu: exp(0.5ms), steps: [ { call: app.op } ] } } }
  app: { kind: service, workers: 4, threading: async, operations: { op: { cpu: exp(8ms), steps: [ { call: db.op } ] } } }
  db: { kind: service, workers: 2, operations: { op: { cpu: exp(3ms) } } }
`;
const network: ClosedNetwork = {
  stations: [{ kind: 'delay', demand: 0.5 }, { kind: 'queue', demand: 8, servers: 4 }, { kind: 'queue', demand: 3, servers: 2 }],
  thinkTime: 1000,
};

for (const users of [100, 400, 800]) {
  const exact = mvaMultiServer(network, users);
  const regime = users === 800 ? 'saturated' : users === 400 ? 'near the knee' : 'light load';
  describe(`closed network, N = ${users} (${regime}), seed ${SEED}`, () => {
    let r: RunResult;
    beforeAll(() => {
      r = runScenario(scenario(users));
    });

    it(`throughput X(N) = ${(exact.throughput * 1000).toFixed(2)}/s`, () => {
      expectAgreement({ label: 'X', estimate: r.overall.throughput, ci95: r.overall.ci95?.throughput, replications: r.replications, exact: exact.throughput * 1000 });
    });

    it(`mean response R(N) = N/X − Z = ${exact.response.toFixed(3)} ms`, () => {
      const lat = r.overall.latency;
      expectAgreement({ label: 'R', estimate: lat.mean, ci95: lat.ci95?.mean, replications: r.replications, exact: exact.response });
    });

    it(`utilisation X·D/c: app ${exact.stations[1].utilisation.toFixed(4)}, db ${exact.stations[2].utilisation.toFixed(4)}`, () => {
      for (const [name, k] of [['app', 1], ['db', 2]] as const) {
        const s = r.components[name];
        const u = exact.stations[k].utilisation;
        if (u > 0.999999) {
          // Saturated: the bottleneck is never idle after warm-up (so its CI is 0).
          expect(s.utilisation).toBeGreaterThan(0.999);
        } else {
          expectAgreement({ label: `${name} utilisation`, estimate: s.utilisation ?? NaN, ci95: s.ci95?.utilisation, replications: r.replications, exact: u });
        }
      }
    });

    it(`mean number at the app (waiting + in service) = ${exact.stations[1].queueLength.toFixed(3)}`, () => {
      const s = r.components.app;
      // sd(X + Y) ≤ sd(X) + sd(Y) whatever their correlation, so adding the half-widths is safe.
      const ci = (s.ci95?.queueLength ?? NaN) + (s.ci95?.busy ?? NaN);
      expectAgreement({
        label: 'app Q', estimate: s.queueLength + s.busy, ci95: ci, replications: r.replications, exact: exact.stations[1].queueLength,
        maxRelativeHalfWidth: 0.1,
      });
    });
  });
}
