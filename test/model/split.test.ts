import { describe, expect, it } from 'vitest';
import { simulate } from '../../sim-core/engine/simulation.ts';
import type { ReplicationResult } from '../../sim-core/metrics/replication-result.ts';
import type { ScenarioError } from '../../sim-core/model/errors.ts';
import { loadModel, loadScenario } from '../../sim-core/model/load.ts';
import { compileScenario } from '../helpers/scenario.ts';
import { disassemble } from './disassemble.ts';

/**
 * `split:` on an endpoint (model/split.ts): the share of requests drawn from the endpoint's own
 * stream goes to each target instead of `call`. The operations here take no time (no cpu, no
 * network hop), so every arrival has finished when the run ends: the counts at the operations'
 * stations add up to the arrivals exactly, and the split target's count is Binomial(N, share).
 */
const instant = (endpoint: string, seed: number) => `
archsim: 1
name: endpoint split
run: { duration: 200s, warmup: 0s, replications: 1, seed: ${seed} }
workload: { arrivals: 500/s }
endpoints:
  transfer: ${endpoint}
components:
  monolith: { kind: service, workers: unbounded, operations: { transfer: {} } }
  payments: { kind: service, workers: unbounded, operations: { transfer: {} } }
  ledger:   { kind: service, workers: unbounded, operations: { post: {} } }
`;

const station = (r: ReplicationResult, name: string) => r.stations.find((s) => s.name === name)!.completed;

/** |k − N·p| within z standard deviations of a Binomial(N, p) count. */
function expectBinomial(k: number, n: number, p: number, z = 5): void {
  const sd = Math.sqrt(n * p * (1 - p));
  expect(Math.abs(k - n * p), `count ${k} of ${n} at share ${p} (sd ${sd.toFixed(1)})`).toBeLessThanOrEqual(z * sd);
}

/** A replication without its wall-clock time: what must be bit-identical between runs. */
const simulated = (r: ReplicationResult) => ({ ...r, wallMs: 0 });

describe('split on an endpoint: compiled', () => {
  it('starts the endpoint in a block of one BRANCH on endpoints.<name>.split, straight to the operations’ blocks', () => {
    const m = compileScenario(instant('{ call: monolith.transfer, split: { payments.transfer: 2%, ledger.post: 0.1 } }', 1));
    const entry = m.blocks[m.endpoints[0].block];
    expect(entry.name).toBe('endpoint transfer#split');
    const pc = (name: string) => m.blocks.find((b) => b.name === name)!.pc;
    const listing = disassemble(m);
    const at = listing.indexOf('endpoint transfer#split:');
    expect(listing[at + 1].trim()).toBe(`${entry.pc}: BRANCH endpoints.transfer.split [0.02,${0.02 + 0.1}] ${pc('payments.transfer')} ${pc('ledger.post')} ${pc('monolith.transfer')}`);
    // The entry is the endpoint's call (data-out billing), whatever the split.
    expect(m.endpoints[0].entry).toBe('monolith');
  });

  it('leaves an endpoint without split (or with an empty one) in its operation’s block', () => {
    for (const e of ['{ call: monolith.transfer }', '{ call: monolith.transfer, split: {} }']) {
      const m = compileScenario(instant(e, 1));
      expect(m.blocks[m.endpoints[0].block].name).toBe('monolith.transfer');
      expect(m.streams).not.toContain('endpoints.transfer.split');
    }
  });

  it('gives the last target everything left when the shares sum to 100%', () => {
    const m = compileScenario(instant('{ call: monolith.transfer, split: { payments.transfer: 0.7, ledger.post: 30% } }', 1));
    const branch = m.blocks[m.endpoints[0].block].pc;
    expect(Array.from(m.consts.subarray(m.code[branch + 3], m.code[branch + 3] + 2))).toEqual([0.7, 1]);
  });
});

describe('split on an endpoint: routing', () => {
  it('sends Binomial(N, 2%) of N arrivals to the split target (seed 11)', () => {
    const r = simulate(compileScenario(instant('{ call: monolith.transfer, split: { payments.transfer: 2% } }', 11)), { replication: 0 });
    const n = r.invariants.arrivals;
    expect(n).toBeGreaterThan(90_000);
    expect(r.invariants.inSystem).toBe(0);
    expect(station(r, 'monolith') + station(r, 'payments')).toBe(n);
    expectBinomial(station(r, 'payments'), n, 0.02);
    expect(station(r, 'ledger')).toBe(0);
  });

  it('splits over several targets, each Binomial(N, its share), written as fractions or percentages (seed 12)', () => {
    const r = simulate(compileScenario(instant('{ call: monolith.transfer, split: { payments.transfer: 0.1, ledger.post: 35% } }', 12)), { replication: 0 });
    const n = r.invariants.arrivals;
    expect(station(r, 'monolith') + station(r, 'payments') + station(r, 'ledger')).toBe(n);
    expectBinomial(station(r, 'payments'), n, 0.1);
    expectBinomial(station(r, 'ledger'), n, 0.35);
    expectBinomial(station(r, 'monolith'), n, 0.55);
  });

  it('sends nothing to call at 100% (seed 13)', () => {
    const r = simulate(compileScenario(instant('{ call: monolith.transfer, split: { payments.transfer: 100% } }', 13)), { replication: 0 });
    expect(station(r, 'monolith')).toBe(0);
    expect(station(r, 'payments')).toBe(r.invariants.arrivals);
  });

  it('mixes the latencies of the two paths exactly: const 10ms and 30ms at 25% (seed 14)', () => {
    const text = `
archsim: 1
name: latency mixture
run: { duration: 100s, warmup: 0s, replications: 1, seed: 14 }
workload: { arrivals: 200/s }
endpoints:
  transfer: { call: monolith.transfer, split: { payments.transfer: 25% } }
components:
  monolith: { kind: service, workers: unbounded, operations: { transfer: { cpu: const(10ms) } } }
  payments: { kind: service, workers: unbounded, operations: { transfer: { cpu: const(30ms) } } }
`;
    const r = simulate(compileScenario(text), { replication: 0 });
    const slow = station(r, 'payments');
    const fast = station(r, 'monolith');
    const e = r.endpoints[0];
    expect(e.completed).toBe(fast + slow);
    // Every request on each path takes exactly its service time: the mean is the mixture.
    expect(e.latency.sum / e.latency.count).toBeCloseTo((10 * fast + 30 * slow) / (fast + slow), 9);
    expect(e.latency.min).toBeCloseTo(10, 9);
    expect(e.latency.max).toBeCloseTo(30, 9);
    expectBinomial(slow, fast + slow, 0.25);
  });
});

/**
 * Common random numbers: the split draws from a stream of its own, so a split that changes no
 * request's path — 0%, or a share to `call` itself — leaves every other draw, hence the whole
 * replication, bit-identical; and a real split leaves the arrivals and the endpoint mix alone.
 */
describe('split on an endpoint: stream isolation', () => {
  const busy = (split: string, seed: number) => `
archsim: 1
name: busy
run: { duration: 60s, warmup: 5s, replications: 1, seed: ${seed} }
workload: { arrivals: 150/s, mix: { transfer: 2, balance: 1 } }
network: { hop: exp(0.5ms) }
endpoints:
  transfer: { call: monolith.transfer${split}, slo: 40ms }
  balance: { call: monolith.balance }
components:
  monolith:
    kind: service
    replicas: 2
    balancer: random
    workers: 2
    queue: 50
    operations:
      transfer: { cpu: exp(6ms), steps: [ { call: ledger.post }, { branch: [ { p: 0.3, steps: [ { delay: exp(2ms) } ] } ] } ] }
      balance: { cpu: exp(3ms) }
  payments: { kind: service, workers: 4, operations: { transfer: { cpu: exp(4ms), steps: [ { call: ledger.post } ] } } }
  ledger: { kind: service, workers: 3, operations: { post: { cpu: exp(2ms) } } }
`;

  it('0% to another target and 40% to call itself are bit-identical to no split (seed 21)', () => {
    const without = simulated(simulate(compileScenario(busy('', 21)), { replication: 0 }));
    expect(without.endpoints[0].completed).toBeGreaterThan(1000);
    for (const split of [', split: { payments.transfer: 0% }', ', split: { monolith.transfer: 40% }']) {
      const m = compileScenario(busy(split, 21));
      expect(m.streams).toContain('endpoints.transfer.split');
      expect(simulated(simulate(m, { replication: 0 })), split).toEqual(without);
    }
  });

  it('a 30% split changes the paths but not the arrivals or the endpoint each one is for (seed 22)', () => {
    const text = (split: string) => instant(`{ call: monolith.transfer${split} }`, 22)
      .replace('workload: { arrivals: 500/s }', 'workload: { arrivals: 500/s, mix: { transfer: 3, balance: 1 } }')
      .replace('endpoints:', 'endpoints:\n  balance: { call: ledger.post }');
    const a = simulate(compileScenario(text('')), { replication: 0 });
    const b = simulate(compileScenario(text(', split: { payments.transfer: 30% }')), { replication: 0 });
    expect(station(b, 'payments')).toBeGreaterThan(0);
    expect(station(a, 'payments')).toBe(0);
    expect(b.invariants.arrivals).toBe(a.invariants.arrivals);
    expect(b.endpoints.map((e) => e.completed)).toEqual(a.endpoints.map((e) => e.completed));
    expect(station(b, 'ledger')).toBe(station(a, 'ledger'));
  });
});

describe('split on an endpoint: errors with path and line', () => {
  // loadModel: reference errors of a file the schema accepts come from compile().
  const errorsOf = (endpoint: string): ScenarioError[] => loadModel(instant(endpoint, 1)).errors;

  it('reports shares over 100%', () => {
    expect(errorsOf('{ call: monolith.transfer, split: { payments.transfer: 60%, ledger.post: 0.5 } }')).toEqual([
      { path: 'endpoints.transfer.split', message: 'split shares sum to 110%, above 100% (call gets what is left)', line: 7, column: 47 },
    ]);
  });

  it('reports an unknown target with a suggestion, at the target', () => {
    expect(errorsOf('{ call: monolith.transfer, split: { payments.transfr: 2% } }')).toEqual([
      expect.objectContaining({ path: 'endpoints.transfer.split["payments.transfr"]', message: "component 'payments' has no operation 'transfr'; did you mean 'transfer'?", line: 7 }),
    ]);
    expect(errorsOf('{ call: monolith.transfer, split: { paymets.transfer: 2% } }')).toEqual([
      expect.objectContaining({ path: 'endpoints.transfer.split["paymets.transfer"]', message: "unknown component 'paymets' in 'paymets.transfer'; did you mean 'payments'?", line: 7 }),
    ]);
  });

  it('reports a target that is not component.operation, and a share that is not one', () => {
    expect(errorsOf('{ call: monolith.transfer, split: { payments: 2%, ledger.post: 2 } }')).toEqual([
      expect.objectContaining({ path: 'endpoints.transfer.split.payments', message: "a split target is 'component.operation', got 'payments'", line: 7 }),
      expect.objectContaining({ path: 'endpoints.transfer.split["ledger.post"]', message: 'expected a probability between 0 and 1 or a percentage such as 0.5%, got 2', line: 7 }),
    ]);
  });

  it('reports every problem at once, the schema’s and the references’', () => {
    const errors = errorsOf('{ call: monolith.transfer, split: { payments.transfer: 80%, ledgr.post: 30% } }');
    expect(errors.map((e) => e.path)).toEqual(['endpoints.transfer.split', 'endpoints.transfer.split["ledgr.post"]']);
  });

  it('reports them when validating only, too', () => {
    expect(loadScenario(instant('{ call: monolith.transfer, split: { payments.transfer: 60%, ledger.post: 0.5 } }', 1)).errors).toEqual([
      expect.objectContaining({ path: 'endpoints.transfer.split', line: 7 }),
    ]);
    expect(loadScenario(instant('{ call: monolith.transfer, split: { payments.transfer: 2% } }', 1)).errors).toEqual([]);
  });
});
