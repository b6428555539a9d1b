import { beforeAll, describe, expect, it } from 'vitest';
import type { RunResult } from '../../sim-core/run/result.ts';
import { erlangC, mmcMeanResponse, mmcMeanWait } from '../exact/mmc.ts';
import { expectAgreement } from '../helpers/agreement.ts';
import { compileScenario, runScenario } from '../helpers/scenario.ts';
import { disassemble } from '../model/disassemble.ts';

/**
 * A connection pool smaller than the cores: 2 replicas of an async service (random balancer, so
 * each replica sees Poisson arrivals at λ/2), each with a pool of P = 2 connections to a database
 * with 16 cores. A query holds a connection for its whole service time and never waits for a core
 * (at most 4 connections exist), so each replica's pool is an M/M/2 at λ/2: the pool is the
 * bottleneck, and a request's response time is the M/M/2 response; its wait for a connection is
 * the M/M/2 waiting time, whose tail is P(W > t) = C(c, a)·e^{−(cμ − λ)t}.
 */
const scenario = (run: string) => `
archsim: 1
name: a connection pool smaller than the cores
run: ${run}
workload: { arrivals: 1000/s }
endpoints: { read: { call: app.read } }
components:
  app:
    kind: service
    replicas: 2
    balancer: random
    workers: unbounded
    threading: async
    operations: { read: { steps: [ { query: pg.read } ] } }
  pg: { kind: database, cores: 16, pool: 2, queries: { read: exp(3ms) } }
`;

describe('database connection pool: the pool is the bottleneck (M/M/pool per caller replica), seed 43', () => {
  const LAMBDA = 0.5; // per ms, per app replica
  const MU = 1 / 3;
  const P = 2;
  const rho = LAMBDA / (P * MU);
  let r: RunResult;
  beforeAll(() => {
    r = runScenario(scenario('{ duration: 40s, warmup: 5s, replications: 10, seed: 43 }'));
  });

  it('compiles a pool station per caller and a block that holds a connection for the query', () => {
    const m = compileScenario(scenario('{ duration: 1s, warmup: 0s }'));
    expect(m.stations.find((s) => s.name === 'pg.pool.app')).toMatchObject({ kind: 'pool', replicas: 2, workers: 2, queue: Infinity, trackWait: true });
    const lines = disassemble(m);
    const at = lines.indexOf('pg#read@app:');
    expect(lines.slice(at + 1, at + 5).map((l) => l.replace(/^\s+\d+: /, ''))).toEqual(['ENTER_HOME pg.pool.app @app', 'FORK pg#read', 'LEAVE', 'RETURN']);
  });

  it(`pool utilisation ρ = ${rho.toFixed(2)}; the database's 16 cores barely used`, () => {
    const pool = r.components['pg.pool.app'];
    expectAgreement({ label: 'pool utilisation', estimate: pool.utilisation ?? NaN, ci95: pool.ci95?.utilisation, replications: r.replications, exact: rho });
    const pg = r.components.pg;
    expectAgreement({ label: 'db utilisation', estimate: pg.utilisation ?? NaN, ci95: pg.ci95?.utilisation, replications: r.replications, exact: (2 * LAMBDA * 3) / 16 });
    expect(pg.queueLength).toBe(0);
  });

  it('the response is the M/M/2 response; the pool wait its waiting time (mean and p95)', () => {
    const e = r.endpoints.read;
    expectAgreement({ label: 'mean response', estimate: e.latency.mean, ci95: e.latency.ci95?.mean, replications: r.replications, exact: mmcMeanResponse(LAMBDA, MU, P) });
    const wait = r.components['pg.pool.app'].wait!;
    expectAgreement({ label: 'mean pool wait', estimate: wait.mean, ci95: wait.ci95?.mean, replications: r.replications, exact: mmcMeanWait(LAMBDA, MU, P) });
    const c = erlangC(P, LAMBDA / MU);
    const p95 = Math.log(c / 0.05) / (P * MU - LAMBDA);
    expectAgreement({ label: 'pool wait p95', estimate: wait.p95, ci95: wait.ci95?.p95, replications: r.replications, exact: p95 });
  });

  it('queries/s by type', () => {
    const q = r.components.pg.queries!;
    expect(Object.keys(q)).toEqual(['read']);
    expect(q.read / 1000).toBeCloseTo(1, 1);
  });
});
