import { describe, expect, it } from 'vitest';
import { errorsOf } from '../helpers/errors-of.ts';

const scenario = (step: string, components = '') => `archsim: 1
name: bad components
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
  db: { kind: service, workers: 2, operations: { read: { cpu: exp(2ms) } } }
  redis: { kind: cache, latency: const(0.4ms) }
  bank: { kind: external, latency: exp(100ms) }
${components}`;

describe('bad input: cache steps', () => {
  it('a hit ratio below 1 without miss steps', () => {
    expect(errorsOf(scenario('{ cache: redis, hit: 0.8 }'))).toEqual([
      "12:13 components.app.operations.get.steps[0].miss: hit is 0.8, so some lookups miss: give the miss steps that fetch the value (e.g. miss: [ { call: db.read } ]), or hit: 1",
    ]);
  });

  it('a hit ratio outside [0, 1], or none', () => {
    expect(errorsOf(scenario('{ cache: redis, hit: 1.5, miss: [] }'))).toEqual([
      '12:34 components.app.operations.get.steps[0].hit: expected a probability between 0 and 1 or a percentage such as 0.5%, got 1.5',
    ]);
    expect(errorsOf(scenario("{ cache: redis, hit: '120%', miss: [] }"))).toEqual([
      "12:34 components.app.operations.get.steps[0].hit: expected a probability between 0 and 1 or a percentage such as 0.5%, got '120%'",
    ]);
    expect(errorsOf(scenario('{ cache: redis, miss: [] }'))).toEqual([
      "12:13 components.app.operations.get.steps[0].hit: cache 'redis' does not derive a hit ratio (no capacity, keys and zipf): give hit: here, e.g. hit: 0.8",
    ]);
    expect(errorsOf(scenario('{ cache: redis }'))).toEqual([
      '12:13 components.app.operations.get.steps[0].miss: a cache step needs miss steps that fetch the value (e.g. miss: [ { call: db.read } ]), and hit: the share of lookups that find it, unless the cache derives it from capacity, keys and zipf',
    ]);
  });

  it('an unknown cache, a component that is not a cache, an unknown key', () => {
    expect(errorsOf(scenario('{ cache: rdis, hit: 1 }'))).toEqual(["12:22 components.app.operations.get.steps[0].cache: unknown cache 'rdis'; did you mean 'redis'?"]);
    expect(errorsOf(scenario('{ cache: db, hit: 1 }'))).toEqual(["12:22 components.app.operations.get.steps[0].cache: 'db' is a service, not a cache"]);
    expect(errorsOf(scenario('{ cache: redis, hit: 1, ttl: 60s }'))).toEqual(["12:37 components.app.operations.get.steps[0].ttl: unknown key 'ttl'"]);
  });

  it('calls inside miss steps are checked, cycles too', () => {
    expect(errorsOf(scenario('{ cache: redis, hit: 0.5, miss: [ { call: db.reed } ] }'))).toEqual([
      "12:55 components.app.operations.get.steps[0].miss[0].call: component 'db' has no operation 'reed'; did you mean 'read'?",
    ]);
    expect(errorsOf(scenario('{ cache: redis, hit: 0.5, miss: [ { call: app.get } ] }'))).toEqual([
      '12:55 components.app.operations.get.steps[0].miss[0].call: synchronous call cycle: app.get → app.get',
    ]);
  });

  it('a derived hit ratio with a part missing; a ttl without one', () => {
    expect(errorsOf(scenario('{ cache: redis, hit: 1 }', '  r2: { kind: cache, latency: 1ms, capacity: 1000 }'))).toEqual([
      '16:3 components.r2.keys: a derived hit ratio needs capacity, keys and zipf together; keys is missing',
      '16:3 components.r2.zipf: a derived hit ratio needs capacity, keys and zipf together; zipf is missing',
    ]);
    expect(errorsOf(scenario('{ cache: redis, hit: 1 }', '  r2: { kind: cache, latency: 1ms, ttl: 1m }'))).toEqual([
      '16:41 components.r2.ttl: ttl shapes a derived hit ratio: give capacity, keys and zipf too (or drop ttl and set hit: at the call sites)',
    ]);
  });
});

describe('bad input: external', () => {
  it('an unknown external, or not an external', () => {
    expect(errorsOf(scenario('{ external: bankk }'))).toEqual(["12:25 components.app.operations.get.steps[0].external: unknown external 'bankk'; did you mean 'bank'?"]);
    expect(errorsOf(scenario('{ external: redis }'))).toEqual(["12:25 components.app.operations.get.steps[0].external: 'redis' is a cache, not an external"]);
  });

  it('errors outside [0, 1], concurrency 0, a bad latency', () => {
    expect(errorsOf(scenario('{ external: bank }', '  api: { kind: external, latency: 10, errors: 2, concurrency: 0 }'))).toEqual([
      expect.stringMatching(/^16:35 components\.api\.latency: /),
      '16:47 components.api.errors: expected a probability between 0 and 1 or a percentage such as 0.5%, got 2',
      "16:63 components.api.concurrency: expected a positive integer or 'unbounded', got 0",
    ]);
  });
});

describe('bad input: cdn', () => {
  const cdn = (edge: string, step = '{ delay: 1ms }') => scenario(step, `  edge: ${edge}`);

  it('an origin that does not exist', () => {
    expect(errorsOf(cdn('{ kind: cdn, hit: 0.9, latency: 5ms, origin: app.gett }'))).toEqual([
      "16:54 components.edge.origin: component 'app' has no operation 'gett'; did you mean 'get'?",
    ]);
    expect(errorsOf(cdn('{ kind: cdn, hit: 0.9, latency: 5ms, origin: nowhere }'))).toEqual([
      "16:54 components.edge.origin: expected 'component.operation', got 'nowhere'",
    ]);
  });

  it('a call cycle through the origin', () => {
    expect(errorsOf(cdn('{ kind: cdn, hit: 0.9, latency: 5ms, origin: app.get }', '{ call: edge.get }'))).toEqual([
      expect.stringMatching(/synchronous call cycle: (app\.get → edge\.get → app\.get|edge\.get → app\.get → edge\.get)$/),
    ]);
  });

  it('a missing or out-of-range hit, an operation other than get', () => {
    expect(errorsOf(cdn('{ kind: cdn, latency: 5ms, origin: db.read }'))).toEqual(["16:3 components.edge.hit: missing required key 'hit'"]);
    expect(errorsOf(cdn('{ kind: cdn, hit: -0.1, latency: 5ms, origin: db.read }'))).toEqual([
      '16:27 components.edge.hit: expected a probability between 0 and 1 or a percentage such as 0.5%, got -0.1',
    ]);
    expect(errorsOf(cdn('{ kind: cdn, hit: 0.9, latency: 5ms, origin: db.read }', '{ call: edge.fetch }'))).toEqual([
      "12:21 components.app.operations.get.steps[0].call: component 'edge' has no operation 'fetch' (it has: get)",
    ]);
  });
});
