import { beforeAll, describe, it } from 'vitest';
import type { RunResult } from '../../sim-core/run/result.ts';
import { mmcMeanResponse } from '../exact/mmc.ts';
import { expectAgreement } from '../helpers/agreement.ts';
import { runScenario } from '../helpers/scenario.ts';

/**
 * A cache with hit ratio h in front of a database-like service (Jackson routing).
 *
 *   500/s → app.get (async, unbounded workers, cpu 1 ms) → cache lookup (0.4 ms)
 *              └ miss (1 − h = 0.3) → db.read (1 worker, exp 2 ms) → cache store (0.4 ms)
 *
 * The hit/miss draw thins the Poisson arrivals, so db is an M/M/1 with λ_db = (1 − h)·λ =
 * 150/s, utilisation λ_db·2 ms = 0.3. The cache (unbounded workers) serves lookups and stores,
 * λ·(1 + (1 − h)) = 650/s, and by Little holds 650/s × 0.4 ms = 0.26 busy on average. With no
 * network hop, the mean response is 1 + 0.4 + (1 − h)·(W_db + 0.4) ms with W_db = 1/(μ − λ_db).
 */
const SEED = 11;
const LAMBDA = 0.5; // per ms
const HIT = 0.7;
const scenario = `
archsim: 1
name: cache in front of a database
run: { duration: 25s, warmup: 5s, replications: 10, seed: ${SEED} }
workload: { arrivals: 500/s }
endpoints: { get: { call: app.get } }
components:
  app:
    kind: service
    workers: unbounded
    threading: async
    operations:
      get:
        cpu: const(1ms)
        steps:
          - cache: redis
            hit: ${HIT}
            miss: [ { call: db.read } ]
  db: { kind: service, workers: 1, operations: { read: { cpu: exp(2ms) } } }
  redis: { kind: cache, latency: const(0.4ms) }
`;

const dbRate = (1 - HIT) * LAMBDA;
const dbResponse = mmcMeanResponse(dbRate, 1 / 2, 1);

describe(`cache with hit ratio ${HIT} in front of a database, seed ${SEED}`, () => {
  let r: RunResult;
  beforeAll(() => {
    r = runScenario(scenario);
  });

  it(`the database sees (1 − h)·λ = ${(dbRate * 1000).toFixed(0)}/s at utilisation ${(dbRate * 2).toFixed(2)}`, () => {
    const db = r.components.db;
    expectAgreement({ label: 'db throughput', estimate: db.throughput, ci95: db.ci95?.throughput, replications: r.replications, exact: dbRate * 1000 });
    expectAgreement({ label: 'db utilisation', estimate: db.utilisation ?? NaN, ci95: db.ci95?.utilisation, replications: r.replications, exact: dbRate * 2 });
  });

  it('the cache serves lookups and stores: λ·(2 − h), busy by Little', () => {
    const redis = r.components.redis;
    const rate = LAMBDA * (2 - HIT);
    expectAgreement({ label: 'cache throughput', estimate: redis.throughput, ci95: redis.ci95?.throughput, replications: r.replications, exact: rate * 1000 });
    expectAgreement({ label: 'cache busy', estimate: redis.busy, ci95: redis.ci95?.busy, replications: r.replications, exact: rate * 0.4 });
  });

  it(`mean response 1.4 + (1 − h)·(W_db + 0.4) = ${(1.4 + (1 - HIT) * (dbResponse + 0.4)).toFixed(4)} ms`, () => {
    const lat = r.overall.latency;
    expectAgreement({ label: 'mean response', estimate: lat.mean, ci95: lat.ci95?.mean, replications: r.replications, exact: 1.4 + (1 - HIT) * (dbResponse + 0.4) });
  });
});
