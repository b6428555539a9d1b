import { beforeAll, describe, expect, it } from 'vitest';
import type { RunResult } from '../../sim-core/run/result.ts';
import { mmcMeanResponse } from '../exact/mmc.ts';
import { expectAgreement } from '../helpers/agreement.ts';
import { runScenario } from '../helpers/scenario.ts';

/**
 * Blocking vs async threading. `front` has 10 workers (queue 50) and spends exp(1 ms) of CPU,
 * then calls `slow`, a pure delay of exp(50 ms). With `threading: blocking` a front worker is
 * held for CPU + call, E[hold] = 51 ms; with `async` only for the 1 ms of CPU.
 *
 * Exact anchors (utilisation law, any distribution): utilisation = λ·E[hold]/c; with the queue
 * never empty, throughput = c / E[hold]. Async at 300/s is an M/M/10 for the CPU (a = 0.3)
 * followed by an infinite-server delay, so W = W_{M/M/10} + 50 ms.
 */
const scenario = (arrivals: number, threading: string, seed: number) => `
archsim: 1
name: front ${threading} at ${arrivals}/s
run: { duration: 60s, warmup: 5s, replications: 10, seed: ${seed} }
workload: { arrivals: ${arrivals}/s }
endpoints: { e: { call: front.op } }
components:
  front:
    kind: service
    workers: 10
    queue: 50
    threading: ${threading}
    operations: { op: { cpu: exp(1ms), steps: [ { call: slow.op } ] } }
  slow: { kind: service, workers: unbounded, operations: { op: { cpu: exp(50ms) } } }
`;
const HOLD_BLOCKING = 51, HOLD_ASYNC = 1, WORKERS = 10;

describe('blocking threading below saturation (150/s), seed 21', () => {
  let r: RunResult;
  beforeAll(() => {
    r = runScenario(scenario(150, 'blocking', 21));
  });

  it('the caller is busy for the whole call: utilisation = λ·(cpu + callee)/c = 0.765', () => {
    const s = r.components.front;
    expectAgreement({ label: 'front utilisation', estimate: s.utilisation ?? NaN, ci95: s.ci95?.utilisation, replications: r.replications, exact: (0.15 * HOLD_BLOCKING) / WORKERS });
    expect(r.overall.errorRate).toBe(0);
  });
});

describe('blocking threading saturated by its slow callee (300/s), seed 22', () => {
  let r: RunResult;
  beforeAll(() => {
    r = runScenario(scenario(300, 'blocking', 22));
  });

  it('the worker pool saturates: utilisation ≈ 1 and the queue stays near its 50 slots', () => {
    const s = r.components.front;
    expect(s.utilisation).toBeGreaterThan(0.99);
    expect(s.queueLength).toBeGreaterThan(40);
  });

  it('throughput is capped at c/E[hold] = 196.1/s and the excess is rejected', () => {
    expectAgreement({ label: 'throughput', estimate: r.overall.throughput, ci95: r.overall.ci95?.throughput, replications: r.replications, exact: (WORKERS / HOLD_BLOCKING) * 1000 });
    expect(r.overall.errorsByCause.rejected).toBeGreaterThan(0.3);
  });

  it('latency is dominated by waiting for a worker (> 4× the 51 ms of work)', () => {
    expect(r.overall.latency.mean).toBeGreaterThan(4 * HOLD_BLOCKING);
  });
});

describe('async threading at the same 300/s, seed 22', () => {
  let r: RunResult;
  beforeAll(() => {
    r = runScenario(scenario(300, 'async', 22));
  });

  it('the caller is busy only for its CPU: utilisation = λ·cpu/c = 0.03, no queue, nothing rejected', () => {
    const s = r.components.front;
    expectAgreement({ label: 'front utilisation', estimate: s.utilisation ?? NaN, ci95: s.ci95?.utilisation, replications: r.replications, exact: (0.3 * HOLD_ASYNC) / WORKERS });
    expect(s.queueLength).toBeLessThan(0.01);
    expect(r.overall.errorRate).toBe(0);
    expectAgreement({ label: 'throughput', estimate: r.overall.throughput, ci95: r.overall.ci95?.throughput, replications: r.replications, exact: 300 });
  });

  it(`end-to-end mean = W(M/M/10, a = 0.3) + 50 ms = ${(mmcMeanResponse(0.3, 1, 10) + 50).toFixed(3)} ms`, () => {
    const lat = r.overall.latency;
    expectAgreement({ label: 'W', estimate: lat.mean, ci95: lat.ci95?.mean, replications: r.replications, exact: mmcMeanResponse(0.3, 1, 10) + 50 });
  });
});
