import { describe, expect, it } from 'vitest';
import { simulate } from '../../sim-core/engine/simulation.ts';
import type { ReplicationResult } from '../../sim-core/metrics/replication-result.ts';
import { loadModel } from '../../sim-core/model/load.ts';
import { compileScenario } from '../helpers/scenario.ts';
import { disassemble } from '../model/disassemble.ts';

/**
 * A gateway route with `split:` (strangler-fig routing): `{ call, split }` instead of a plain
 * target. The operations take no time, so every arrival has finished when the run ends and the
 * gateway's count is the arrivals; the split target's count is Binomial(N, share).
 */
const scenario = (route: string, seed: number, gatewayExtra = '') => `
archsim: 1
name: route split
run: { duration: 200s, warmup: 0s, replications: 1, seed: ${seed} }
workload: { arrivals: 500/s }
endpoints:
  transfer: { call: gateway.transfer }
components:
  gateway:
    kind: gateway${gatewayExtra}
    routes:
      balance: monolith.balance
      transfer: ${route}
  monolith: { kind: service, workers: unbounded, operations: { transfer: {}, balance: {} } }
  payments: { kind: service, workers: unbounded, operations: { transfer: {} } }
`;

const station = (r: ReplicationResult, name: string) => r.stations.find((s) => s.name === name)!.completed;

function expectBinomial(k: number, n: number, p: number, z = 5): void {
  const sd = Math.sqrt(n * p * (1 - p));
  expect(Math.abs(k - n * p), `count ${k} of ${n} at share ${p} (sd ${sd.toFixed(1)})`).toBeLessThanOrEqual(z * sd);
}

const simulated = (r: ReplicationResult) => ({ ...r, wallMs: 0 });

describe('gateway route split', () => {
  it('compiles the route’s CALL to a BRANCH on components.<gateway>.routes.<route>.split, one CALL and RETURN per target', () => {
    const m = compileScenario(scenario('{ call: monolith.transfer, split: { payments.transfer: 2% } }', 1, '\n    latency: const(1ms)'));
    const listing = disassemble(m).map((line) => line.replace(/^\s*\d+: /, ''));
    const start = listing.indexOf('gateway.transfer:');
    const body = listing.slice(start + 1, start + 10);
    expect(body[0]).toBe('ENTER gateway');
    expect(body[1]).toBe('SLEEP {"kind":"const","value":1} gateway');
    expect(body[2]).toBe('LEAVE');
    expect(body[3]).toMatch(/^BRANCH components\.gateway\.routes\.transfer\.split \[0\.02\] \d+ \d+$/);
    expect(body.slice(4, 8)).toEqual(['CALL payments.transfer', 'RETURN', 'CALL monolith.transfer', 'RETURN']);
    // The plain route is unchanged.
    const balance = listing.indexOf('gateway.balance:');
    expect(listing.slice(balance + 1, balance + 6)).toEqual(['ENTER gateway', 'SLEEP {"kind":"const","value":1} gateway', 'LEAVE', 'CALL monolith.balance', 'RETURN']);
  });

  it('sends Binomial(N, 2%) of N requests to the split target (seed 31)', () => {
    const r = simulate(compileScenario(scenario('{ call: monolith.transfer, split: { payments.transfer: 2% } }', 31)), { replication: 0 });
    const n = r.invariants.arrivals;
    expect(n).toBeGreaterThan(90_000);
    expect(station(r, 'gateway')).toBe(n);
    expect(station(r, 'monolith') + station(r, 'payments')).toBe(n);
    expectBinomial(station(r, 'payments'), n, 0.02);
  });

  it('also splits behind load shedding (the route’s #admitted body) (seed 32)', () => {
    const r = simulate(compileScenario(scenario('{ call: monolith.transfer, split: { payments.transfer: 0.5 } }', 32, '\n    shed: { maxInFlight: 1000 }')), { replication: 0 });
    const n = r.invariants.arrivals;
    expect(station(r, 'monolith') + station(r, 'payments')).toBe(n);
    expectBinomial(station(r, 'payments'), n, 0.5);
  });

  it('mixes the latencies of the two paths exactly: gateway 1ms, then const 10ms or 30ms at 25% (seed 33)', () => {
    const text = scenario('{ call: monolith.transfer, split: { payments.transfer: 25% } }', 33, '\n    latency: const(1ms)')
      .replace('transfer: {}, balance: {}', 'transfer: { cpu: const(10ms) }, balance: {}')
      .replace('payments: { kind: service, workers: unbounded, operations: { transfer: {} } }', 'payments: { kind: service, workers: unbounded, operations: { transfer: { cpu: const(30ms) } } }')
      .replace('duration: 200s', 'duration: 100s');
    const r = simulate(compileScenario(text), { replication: 0 });
    const fast = station(r, 'monolith');
    const slow = station(r, 'payments');
    const e = r.endpoints[0];
    expect(e.completed).toBe(fast + slow);
    expect(e.latency.sum / e.latency.count).toBeCloseTo((11 * fast + 31 * slow) / (fast + slow), 9);
    expect(e.latency.min).toBeCloseTo(11, 9);
    expect(e.latency.max).toBeCloseTo(31, 9);
    expectBinomial(slow, fast + slow, 0.25);
  });

  it('the object form without split, and a 0% split, are bit-identical to the plain route (seed 34)', () => {
    const busy = (route: string) => scenario(route, 34, '\n    latency: exp(1ms)')
      .replace('duration: 200s', 'duration: 30s')
      .replace('transfer: {}, balance: {}', 'transfer: { cpu: exp(5ms) }, balance: {}')
      .replace('monolith: { kind: service, workers: unbounded', 'monolith: { kind: service, workers: 3, queue: 10')
      .replace('archsim: 1', 'archsim: 1\nnetwork: { hop: exp(0.3ms) }');
    const plain = simulated(simulate(compileScenario(busy('monolith.transfer')), { replication: 0 }));
    expect(plain.endpoints[0].failed).toBeGreaterThan(0); // a busy queue: the paths do interact
    for (const route of ['{ call: monolith.transfer }', '{ call: monolith.transfer, split: { payments.transfer: 0% } }', '{ call: monolith.transfer, split: { monolith.transfer: 35% } }']) {
      expect(simulated(simulate(compileScenario(busy(route)), { replication: 0 })), route).toEqual(plain);
    }
  });

  it('reports an unknown split target with a suggestion, path and line', () => {
    expect(loadModel(scenario('{ call: monolith.transfer, split: { payments.transfr: 2% } }', 1)).errors).toEqual([
      expect.objectContaining({ path: 'components.gateway.routes.transfer.split["payments.transfr"]', message: "component 'payments' has no operation 'transfr'; did you mean 'transfer'?", line: 13 }),
    ]);
  });

  it('reports shares over 100%, a missing call and an unknown key, with path and line', () => {
    expect(loadModel(scenario('{ call: monolith.transfer, split: { payments.transfer: 70%, monolith.balance: 40% } }', 1)).errors).toEqual([
      expect.objectContaining({ path: 'components.gateway.routes.transfer.split', message: 'split shares sum to 110%, above 100% (call gets what is left)', line: 13 }),
    ]);
    expect(loadModel(scenario('{ split: { payments.transfer: 2% } }', 1)).errors).toEqual([
      expect.objectContaining({ path: 'components.gateway.routes.transfer.call', message: expect.stringMatching(/^missing required key 'call'/), line: 13 }),
    ]);
    expect(loadModel(scenario('{ call: monolith.transfer, splt: { payments.transfer: 2% } }', 1)).errors).toEqual([
      expect.objectContaining({ path: 'components.gateway.routes.transfer.splt', message: "unknown key 'splt'; did you mean 'split'?", line: 13 }),
    ]);
    expect(loadModel(scenario('42', 1)).errors).toEqual([
      expect.objectContaining({ path: 'components.gateway.routes.transfer', message: "expected 'component.operation' or { call: component.operation, split: { … } }, got 42", line: 13 }),
    ]);
  });

  it('checks split targets for call cycles: a route that splits to itself', () => {
    expect(loadModel(scenario('{ call: monolith.transfer, split: { gateway.transfer: 2% } }', 1)).errors).toEqual([
      expect.objectContaining({ path: 'components.gateway.routes.transfer.split["gateway.transfer"]', message: 'synchronous call cycle: gateway.transfer → gateway.transfer', line: 13 }),
    ]);
  });

  it('reports the object form’s call like the plain form’s target', () => {
    expect(loadModel(scenario('{ call: monolith.transfr }', 1)).errors).toEqual([
      expect.objectContaining({ path: 'components.gateway.routes.transfer.call', message: expect.stringMatching(/did you mean 'transfer'/), line: 13 }),
    ]);
  });
});
