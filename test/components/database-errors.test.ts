import { describe, expect, it } from 'vitest';
import { errorsOf } from '../helpers/errors-of.ts';

const scenario = (step: string, database = '{ kind: database, cores: 4, readReplicas: 1, queries: { read: exp(3ms), write: exp(9ms) } }') => `archsim: 1
name: bad database
workload: { arrivals: 100/s }
endpoints: { e: { call: app.get } }
components:
  app:
    kind: service
    workers: 4
    operations:
      get:
        steps:
          - ${step}
  pg: ${database}
  redis: { kind: cache, latency: const(0.4ms) }
`;

describe('bad input: query steps', () => {
  it('a query type the database does not define, with a did-you-mean or the list', () => {
    expect(errorsOf(scenario('{ query: pg.reed }'))).toEqual(["12:22 components.app.operations.get.steps[0].query: database 'pg' has no query type 'reed'; did you mean 'read'?"]);
    expect(errorsOf(scenario('{ query: pg.delete }'))).toEqual(["12:22 components.app.operations.get.steps[0].query: database 'pg' has no query type 'delete' (it has: read, write)"]);
  });

  it('an unknown database, a component that is not a database, a malformed target', () => {
    expect(errorsOf(scenario('{ query: pgg.read }'))).toEqual(["12:22 components.app.operations.get.steps[0].query: unknown database 'pgg'; did you mean 'pg'?"]);
    expect(errorsOf(scenario('{ query: redis.read }'))).toEqual(["12:22 components.app.operations.get.steps[0].query: 'redis' is a cache, not a database"]);
    expect(errorsOf(scenario('{ query: pg }'))).toEqual(["12:22 components.app.operations.get.steps[0].query: expected 'database.queryType' (e.g. pg.read), got 'pg'"]);
  });
});

describe('bad input: database', () => {
  it('cores 0, readReplicas negative', () => {
    expect(errorsOf(scenario('{ query: pg.read }', '{ kind: database, cores: 0, readReplicas: -1, queries: { read: exp(3ms) } }'))).toEqual([
      '13:32 components.pg.cores: expected a positive integer, got 0',
      '13:49 components.pg.readReplicas: expected a non-negative integer, got -1',
    ]);
  });

  it('reads naming an undefined type; replicas with no reads to serve; a pool of 0; a lag without replicas', () => {
    expect(errorsOf(scenario('{ query: pg.read }', '{ kind: database, cores: 2, queries: { read: exp(3ms), search: exp(9ms) }, reads: [read, serch] }'))).toEqual([
      "13:96 components.pg.reads[1]: unknown query type 'serch'; did you mean 'search'?",
    ]);
    expect(errorsOf(scenario('{ query: pg.get }', '{ kind: database, cores: 2, readReplicas: 2, queries: { get: exp(3ms) } }'))).toEqual([
      '13:49 components.pg.readReplicas: readReplicas is 2 but no query type is a read, so the replicas would serve nothing: list the reads (e.g. reads: [get])',
    ]);
    expect(errorsOf(scenario('{ query: pg.read }', '{ kind: database, cores: 2, pool: 0, queries: { read: exp(3ms) } }'))).toEqual([
      '13:41 components.pg.pool: expected a positive integer, got 0',
    ]);
    expect(errorsOf(scenario('{ query: pg.read }', '{ kind: database, cores: 2, replicationLag: exp(20ms), queries: { read: exp(3ms) } }'))).toEqual([
      '13:51 components.pg.replicationLag: replicationLag is the lag of read replicas, and this database has none: give readReplicas, or drop replicationLag',
    ]);
  });
});
