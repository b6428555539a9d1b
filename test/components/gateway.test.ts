import { describe, expect, it } from 'vitest';
import { loadModel } from '../../sim-core/model/load.ts';
import { runReplications } from '../../sim-core/run/run-replications.ts';
import { expectAgreement } from '../helpers/agreement.ts';
import { disassemble } from '../model/disassemble.ts';

/**
 * A gateway with a token bucket (1000/s, burst 50) in front of an unbounded service. Poisson
 * offered load of 2000/s is well above the limit, so the bucket is nearly always empty: the
 * accepted rate is min(offered, limit) = 1000/s and half the requests fail as rate-limited.
 */
const scenario = (offered: string, seed: number) => `
archsim: 1
name: gateway rate limit
run: { duration: 100s, warmup: 10s, replications: 10, seed: ${seed} }
workload: { arrivals: ${offered} }
endpoints: { e: { call: api.balance } }
components:
  api:
    kind: gateway
    latency: const(1ms)
    rateLimit: { rate: 1000/s, burst: 50 }
    routes: { balance: accounts.getBalance }
  accounts: { kind: service, workers: unbounded, operations: { getBalance: { cpu: exp(5ms) } } }
`;

describe('gateway', () => {
  it('compiles a route to ENTER, LIMIT, SLEEP, LEAVE, CALL, RETURN', () => {
    const { model, errors } = loadModel(scenario('100/s', 1));
    expect(errors).toEqual([]);
    const listing = disassemble(model!);
    const start = listing.indexOf('api.balance:');
    const body = listing.slice(start + 1, start + 7).map((line) => line.replace(/^\s*\d+: /, ''));
    expect(body).toEqual([
      'ENTER api',
      'LIMIT api @api',
      'SLEEP {"kind":"const","value":1} api',
      'LEAVE',
      'CALL accounts.getBalance',
      'RETURN',
    ]);
  });

  it('admits min(offered, limit): 2000/s offered, 1000/s limit → 1000/s and 50% rate-limited (seed 8)', () => {
    const r = runReplications(loadModel(scenario('2000/s', 8)).model!);
    const n = r.replications;
    expectAgreement({ label: 'accepted /s', estimate: r.overall.throughput, ci95: r.overall.ci95?.throughput, replications: n, exact: 1000, bias: 0.5 });
    expectAgreement({ label: 'errorRate', estimate: r.overall.errorRate, ci95: r.overall.ci95?.errorRate, replications: n, exact: 0.5 });
    expect(r.overall.errorsByCause['rate-limited']).toBe(r.overall.errorRate);
    expectAgreement({ label: 'accounts /s', estimate: r.components.accounts.throughput, ci95: r.components.accounts.ci95?.throughput, replications: n, exact: 1000, bias: 0.5 });
  });

  it('passes everything well below the limit (300/s, seed 9)', () => {
    const r = runReplications(loadModel(scenario('300/s', 9)).model!);
    expect(r.overall.errorRate).toBe(0);
  });

  it('reports a route to an unknown operation with its path', () => {
    const { errors } = loadModel(scenario('100/s', 1).replace('accounts.getBalance', 'accounts.getBalanse'));
    expect(errors).toEqual([expect.objectContaining({ path: 'components.api.routes.balance', message: expect.stringMatching(/getBalance/) })]);
  });
});
