import { describe, expect, it } from 'vitest';
import { simulate } from '../../sim-core/engine/simulation.ts';
import type { ReplicationResult } from '../../sim-core/metrics/replication-result.ts';
import { runReplications } from '../../sim-core/run/run-replications.ts';
import { compileScenario } from '../helpers/scenario.ts';

/**
 * Invariants that hold for every draw, and determinism. Every request that arrived has either
 * completed, failed or is still in the system when the run ends (the engine counts the last
 * from its frame pool, independently of the arrival counters).
 */
const scenarios: Record<string, string> = {
  'open, overloaded, bounded queues, branch + parallel + hops': `
archsim: 1
name: open mix
run: { duration: 20s, warmup: 2s, replications: 1, seed: 1 }
workload: { arrivals: 2000/s, mix: { a: 3, b: 1 } }
network: { hop: exp(0.2ms) }
endpoints: { a: { call: gw.a }, b: { call: gw.b } }
components:
  gw:
    kind: service
    workers: 8
    queue: 20
    replicas: 2
    balancer: leastConnections
    operations:
      a: { cpu: exp(2ms), steps: [ { call: db.q }, { branch: [ { p: 0.3, steps: [ { call: db.q } ] } ] } ] }
      b: { cpu: exp(1ms), steps: [ { parallel: [ [ { call: db.q } ], [ { delay: exp(5ms) } ] ] } ] }
  db: { kind: service, workers: 4, queue: 10, threading: async, operations: { q: { cpu: exp(1.5ms) } } }
`,
  'closed, lognormal think time, profile ramp, blocking calls': `
archsim: 1
name: closed mix
run: { duration: 30s, warmup: 5s, replications: 1, seed: 1 }
workload:
  users: 300
  thinkTime: lognormal(mean=200ms, cv=1)
  profile: [ { at: 0s, x: 1 }, { at: 10s, x: 2, ramp: 5s }, { at: 20s, x: 0.5 } ]
endpoints: { e: { call: app.op } }
components:
  app: { kind: service, workers: 6, queue: 40, operations: { op: { cpu: exp(3ms), steps: [ { call: db.q } ] } } }
  db: { kind: service, workers: 2, operations: { q: { cpu: exp(2ms) } } }
`,
};

/** A replication's JSON without its wall-clock time (the only field allowed to differ). */
function deterministicJson(r: ReplicationResult): string {
  return JSON.stringify({ ...r, wallMs: 0 });
}

for (const [label, text] of Object.entries(scenarios)) {
  describe(`${label} (seed 1)`, () => {
    const model = compileScenario(text);

    it('arrivals = completed + failed + in system, for replications 0..4', () => {
      let failed = 0, inSystem = 0;
      for (let rep = 0; rep < 5; rep++) {
        const { invariants: inv } = simulate(model, { replication: rep });
        expect(inv.arrivals).toBeGreaterThan(1000);
        expect(inv.inSystem).toBeGreaterThanOrEqual(0);
        expect(inv.completed + inv.failed + inv.inSystem, JSON.stringify(inv)).toBe(inv.arrivals);
        failed += inv.failed;
        inSystem += inv.inSystem;
      }
      // The scenarios are built so that every term is exercised: rejections and requests in flight.
      expect(failed).toBeGreaterThan(0);
      expect(inSystem).toBeGreaterThan(0);
    });

    it('measured counts are a subset of the whole run', () => {
      const r = simulate(model, { replication: 0 });
      const measured = r.endpoints.reduce((n, e) => n + e.completed + e.failed, 0);
      expect(measured).toBeGreaterThan(0);
      expect(measured).toBeLessThanOrEqual(r.invariants.completed + r.invariants.failed);
      for (const e of r.endpoints) expect(e.latency.count).toBe(e.completed);
    });

    it('the same seed and replication give identical results', () => {
      expect(deterministicJson(simulate(model, { replication: 2 }))).toBe(deterministicJson(simulate(model, { replication: 2 })));
    });

    it('a different replication or seed gives different results', () => {
      const base = deterministicJson(simulate(model, { replication: 2 }));
      const otherRep = simulate(model, { replication: 3 });
      const otherSeed = simulate(model, { replication: 2, seed: 2 });
      expect(JSON.stringify({ ...otherRep, wallMs: 0, replication: 2 })).not.toBe(base);
      expect(JSON.stringify({ ...otherSeed, wallMs: 0, seed: 1 })).not.toBe(base);
    });
  });
}

describe('RunResult determinism (seed 1)', () => {
  const model = compileScenario(scenarios['open, overloaded, bounded queues, branch + parallel + hops']);
  const json = (seed: number) => JSON.stringify({ ...runReplications(model, { replications: 3, seed }), wallSeconds: 0 });

  it('the same seed gives the same RunResult JSON (wall time aside)', () => {
    expect(json(1)).toBe(json(1));
  });

  it('a different seed gives a different RunResult', () => {
    expect(JSON.stringify({ ...JSON.parse(json(2)), seed: 1 })).not.toBe(json(1));
  });
});
