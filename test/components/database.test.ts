import { beforeAll, describe, expect, it } from 'vitest';
import { loadModel } from '../../sim-core/model/load.ts';
import type { RunResult } from '../../sim-core/run/result.ts';
import { mmcMeanResponse } from '../exact/mmc.ts';
import { expectAgreement } from '../helpers/agreement.ts';
import { runScenario } from '../helpers/scenario.ts';
import { disassemble } from '../model/disassemble.ts';

/** An async service with no CPU of its own: a request's latency is its query's response time. */
const scenario = (arrivals: string, mix: string, run: string, database: string) => `
archsim: 1
name: a database with read replicas
run: ${run}
workload: { arrivals: ${arrivals}, mix: ${mix} }
endpoints: { read: { call: app.read }, write: { call: app.write } }
components:
  app:
    kind: service
    workers: unbounded
    threading: async
    operations: { read: { steps: [ { query: pg.read } ] }, write: { steps: [ { query: pg.write } ] } }
  pg: ${database}
`;

describe('compile: database', () => {
  it('a write goes to the primary; a read draws primary (1/(1+R)) or the replica station', () => {
    const { model, errors } = loadModel(scenario('100/s', '{ read: 1, write: 1 }', '{ seed: 1 }', '{ kind: database, cores: 4, readReplicas: 3, queries: { read: exp(3ms), write: exp(9ms) } }'));
    expect(errors).toEqual([]);
    expect(disassemble(model!).slice(10)).toEqual([
      'pg#read:',
      '  14: COUNT pg.queries.read',
      '  16: BRANCH pg.route [0.25] 22 29',
      '  22: ENTER pg',
      '  24: SLEEP {"kind":"exp","mean":3} pg.query.read',
      '  27: LEAVE',
      '  28: RETURN',
      '  29: ENTER pg.replicas',
      '  31: SLEEP {"kind":"exp","mean":3} pg.query.read',
      '  34: LEAVE',
      '  35: RETURN',
      'pg#write:',
      '  36: COUNT pg.queries.write',
      '  38: ENTER pg',
      '  40: SLEEP {"kind":"exp","mean":9} pg.query.write',
      '  43: LEAVE',
      '  44: RETURN',
    ]);
    expect(model!.stations.filter((s) => s.kind === 'database')).toMatchObject([
      { name: 'pg', replicas: 1, workers: 4, queue: Infinity },
      { name: 'pg.replicas', replicas: 3, workers: 4, queue: Infinity, balancer: 'random' },
    ]);
  });
});

/**
 * Reads only, R = 2 replicas, c = 2 cores, exp(3ms): each read picks one of the 3 instances
 * uniformly, so each instance is an M/M/2 at λ/3 (Poisson splitting; the random balancer splits
 * the replica station's share again). Utilisation ρ = (λ/3)·E[S]/c, and a read's mean
 * response is the M/M/2 mean response (Erlang C), the same at every instance.
 */
describe('database: reads split evenly over primary and 2 replicas, each an M/M/2, seed 41', () => {
  const LAMBDA = 1.2; // reads per ms
  const R = 2;
  const C = 2;
  const MEAN = 3; // ms
  const perInstance = LAMBDA / (1 + R);
  const rho = (perInstance * MEAN) / C;
  let r: RunResult;
  beforeAll(() => {
    r = runScenario(scenario('1200/s', '{ read: 1 }', '{ duration: 25s, warmup: 5s, replications: 10, seed: 41 }', `{ kind: database, cores: ${C}, readReplicas: ${R}, queries: { read: exp(${MEAN}ms), write: exp(9ms) } }`));
  });

  it(`utilisation ρ = ${rho} on the primary and on the replicas; throughput λ/3 and 2λ/3`, () => {
    const n = r.replications;
    for (const name of ['pg', 'pg.replicas']) {
      const s = r.components[name];
      expectAgreement({ label: `${name} utilisation`, estimate: s.utilisation ?? NaN, ci95: s.ci95?.utilisation, replications: n, exact: rho });
    }
    expectAgreement({ label: 'primary throughput', estimate: r.components.pg.throughput, ci95: r.components.pg.ci95?.throughput, replications: n, exact: perInstance * 1000 });
    const replicas = r.components['pg.replicas'];
    expectAgreement({ label: 'replicas throughput', estimate: replicas.throughput, ci95: replicas.ci95?.throughput, replications: n, exact: R * perInstance * 1000 });
  });

  it('the mean response of a read is the M/M/2 mean response (Erlang C)', () => {
    const exact = mmcMeanResponse(perInstance, 1 / MEAN, C);
    const e = r.endpoints.read;
    expectAgreement({ label: 'read mean response', estimate: e.latency.mean, ci95: e.latency.ci95?.mean, replications: r.replications, exact });
  });
});

/**
 * Reads and writes with different times: writes stay on the primary, so its utilisation is
 * (λ_r/(1+R)·E[read] + λ_w·E[write]) / c and the replicas' λ_r/(1+R)·E[read] / c — utilisation
 * is the offered work per core whatever the service-time distributions.
 */
describe('database: writes only on the primary, seed 42', () => {
  const READS = 0.9; // per ms
  const WRITES = 0.05; // per ms
  const R = 2;
  const C = 2;
  const primary = ((READS / (1 + R)) * 3 + WRITES * 9) / C;
  const replica = ((READS / (1 + R)) * 3) / C;
  let r: RunResult;
  beforeAll(() => {
    r = runScenario(scenario('950/s', `{ read: ${READS}, write: ${WRITES} }`, '{ duration: 25s, warmup: 5s, replications: 10, seed: 42 }', `{ kind: database, cores: ${C}, readReplicas: ${R}, queries: { read: exp(3ms), write: exp(9ms) } }`));
  });

  it(`primary utilisation ${primary.toFixed(3)}, replicas ${replica.toFixed(3)}`, () => {
    const n = r.replications;
    const pg = r.components.pg;
    const replicas = r.components['pg.replicas'];
    expectAgreement({ label: 'primary utilisation', estimate: pg.utilisation ?? NaN, ci95: pg.ci95?.utilisation, replications: n, exact: primary });
    expectAgreement({ label: 'replicas utilisation', estimate: replicas.utilisation ?? NaN, ci95: replicas.ci95?.utilisation, replications: n, exact: replica });
    expect(r.endpoints.write.errorRate).toBe(0);
  });
});

/**
 * Replication lag is reported, not simulated as delay: each read a replica serves draws the lag
 * from `replicationLag` (here exp(20ms)), so the `pg.replicas` row reports mean 20 ms and p95
 * 20·ln 20 ms; the reads' response times are unchanged; queries/s by type add up to λ.
 */
describe('database: replication lag of reads served by replicas, seed 45', () => {
  let r: RunResult;
  beforeAll(() => {
    r = runScenario(scenario('600/s', '{ read: 2, write: 1 }', '{ duration: 25s, warmup: 5s, replications: 10, seed: 45 }', '{ kind: database, cores: 4, readReplicas: 2, replicationLag: exp(20ms), queries: { read: exp(3ms), write: exp(5ms) } }'));
  });

  it('lag mean 20 ms and p95 20·ln 20 ms, on the replicas row', () => {
    const lag = r.components['pg.replicas'].replicationLag!;
    expectAgreement({ label: 'lag mean', estimate: lag.mean, ci95: lag.ci95?.mean, replications: r.replications, exact: 20 });
    expectAgreement({ label: 'lag p95', estimate: lag.p95, ci95: lag.ci95?.p95, replications: r.replications, exact: 20 * Math.log(20) });
    expect(r.components.pg.replicationLag).toBeUndefined();
  });

  it('queries/s by type: reads 400/s, writes 200/s', () => {
    const q = r.components.pg.queries!;
    // Poisson counts over 10 × 20 s: sd 0.35% (reads) and 0.5% (writes); the bounds are ≥ 5 sd.
    expect(Math.abs(q.read - 400)).toBeLessThan(8);
    expect(Math.abs(q.write - 200)).toBeLessThan(6);
  });
});
