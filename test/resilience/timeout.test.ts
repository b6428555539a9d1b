import { beforeAll, describe, expect, it } from 'vitest';
import type { RunResult } from '../../sim-core/run/result.ts';
import { expectAgreement } from '../helpers/agreement.ts';
import { compileScenario, runScenario } from '../helpers/scenario.ts';
import { disassemble } from '../model/disassemble.ts';

/**
 * An M/M/1 behind a call with a timeout. A timeout does not cancel the server's work (the answer
 * is dropped), so the server stays an M/M/1 whatever the timeout, and its response time is
 * exponential with rate μ − λ: the share of calls that time out is P(R > T) = e^{−(μ−λ)T}.
 * λ = 50/s, E[S] = 10 ms (ρ = 0.5), T = 40 ms: e^{−2} ≈ 0.1353.
 */
const scenario = (run: string, call: string) => `
archsim: 1
name: M/M/1 behind a timeout
run: ${run}
workload: { arrivals: 50/s }
endpoints: { get: { call: front.get } }
components:
  front: { kind: service, workers: unbounded, threading: async, operations: { get: { steps: [ ${call} ] } } }
  server: { kind: service, workers: 1, operations: { op: { cpu: exp(10ms) } } }
`;

describe('M/M/1 with a timeout: the share of timeouts is P(response > timeout), seed 51', () => {
  let r: RunResult;
  beforeAll(() => {
    r = runScenario(scenario('{ duration: 200s, warmup: 10s, replications: 10, seed: 51 }', '{ call: server.op, timeout: 40ms }'));
  });

  it('compiles to CALLX', () => {
    const lines = disassemble(compileScenario(scenario('{ duration: 1s, warmup: 0s }', '{ call: server.op, timeout: 40ms }'))).map((l) => l.replace(/^\s+\d+: /, ''));
    expect(lines).toContain('CALLX server.op policy 0 hop');
  });

  it(`timeouts: e^{−2} = ${Math.exp(-2).toFixed(4)} of the requests`, () => {
    const e = r.endpoints.get;
    expectAgreement({ label: 'timeout share', estimate: e.errorRate, ci95: e.ci95?.errorRate, replications: r.replications, exact: Math.exp(-2) });
    expect(e.errorsByCause.timeout).toBeCloseTo(e.errorRate, 12);
  });

  it('the server is still an M/M/1 at ρ = 0.5 (timed-out work is still done); the call row counts the timeouts', () => {
    const s = r.components.server;
    expectAgreement({ label: 'server utilisation', estimate: s.utilisation ?? NaN, ci95: s.ci95?.utilisation, replications: r.replications, exact: 0.5 });
    expect(s.calls!.retryAmplification).toBe(1);
    // Calls are counted when they start, requests when they finish: equal but for the window's edges.
    expect(s.calls!.timeouts / s.calls!.calls).toBeCloseTo(r.endpoints.get.errorRate, 3);
  });

  it('with retries: attempts = calls + retries, and a call fails only after its last attempt timed out', () => {
    // With retries the server's load rises to λ(1 + p + p²), so ρ and p change; check the
    // bookkeeping identities rather than a queueing formula: attempts = calls + retries, and a
    // call fails only after 3 timeouts.
    const rr = runScenario(scenario('{ duration: 60s, warmup: 5s, replications: 2, seed: 52 }', '{ call: server.op, timeout: 40ms, retries: { max: 2, backoff: const(0ms) } }'));
    const c = rr.components.server.calls!;
    expect(c.attempts).toBeGreaterThan(c.calls);
    expect(c.timeouts).toBeCloseTo(c.attempts - c.calls + c.failed, 1); // up to the window edges
    expect(rr.endpoints.get.errorsByCause.timeout).toBeGreaterThan(0);
  });
});
