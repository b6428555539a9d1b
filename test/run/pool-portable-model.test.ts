import { describe, expect, it } from 'vitest';
import { simulate } from '../../sim-core/engine/simulation.ts';
import { fromPortableModel, toPortableModel } from '../../sim-core/run/portable-model.ts';
import { compileScenario } from '../helpers/scenario.ts';

/**
 * The pool sends workers a PortableModel (structured-cloned), not the scenario: the model that
 * comes out must simulate exactly like the one that went in, for every distribution kind.
 */

const EVERY_DISTRIBUTION = `
archsim: 1
name: portable
run: { duration: 15s, warmup: 3s, replications: 1, seed: 13 }
workload: { users: 200, thinkTime: uniform(50ms, 150ms), mix: { a: 3, b: 1 } }
network: { hop: const(0.2ms) }
endpoints:
  a: { call: front.a, slo: 20ms }
  b: { call: front.b }
components:
  front:
    kind: service
    replicas: 2
    workers: 4
    queue: 8
    balancer: powerOfTwo
    operations:
      a:
        cpu: lognormal(p50=1ms, p99=6ms)
        steps:
          - call: back.x
          - parallel: [ [ { call: back.y } ], [ { delay: erlang(k=3, mean=2ms) } ] ]
      b:
        cpu: gamma(shape=0.5, mean=1ms)
        steps: [ { branch: [ { p: 0.3, steps: [ { call: back.x } ] } ] } ]
  back:
    kind: service
    workers: 3
    operations:
      x: { cpu: hyperexp(mean=1ms, cv=2) }
      y: { cpu: empirical(0.5ms, 1ms, 4ms) }
`;

describe('portable model', () => {
  it('simulates identically after a structured clone (seed 13)', () => {
    const model = compileScenario(EVERY_DISTRIBUTION);
    const carried = fromPortableModel(structuredClone(toPortableModel(model)));
    expect(carried.dists.specs).toEqual(model.dists.specs);
    for (const replication of [0, 1]) {
      const direct = simulate(model, { replication, clock: () => 0 });
      const viaClone = simulate(carried, { replication, clock: () => 0 });
      expect(direct.invariants.completed).toBeGreaterThan(1000);
      expect(viaClone).toEqual(direct);
    }
  });
});
