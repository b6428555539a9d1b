import { describe, expect, it } from 'vitest';
import { Op } from '../../sim-core/model/compiled.ts';
import { loadModel } from '../../sim-core/model/load.ts';
import { CAUSE_EXTERNAL_ERROR } from '../../sim-core/metrics/replication-result.ts';
import { disassemble } from '../model/disassemble.ts';

const compileText = (text: string) => loadModel(text);

function model(text: string) {
  const { model, errors } = loadModel(text);
  expect(errors).toEqual([]);
  return model!;
}

const withComponents = (endpoints: string, components: string) => `archsim: 1
name: components
workload: { arrivals: 100/s }
endpoints: ${endpoints}
components:
${components}
`;

describe('compile: cache', () => {
  const app = (cacheStep: string) => `  app:
    kind: service
    workers: 4
    operations:
      get:
        steps:
          - ${cacheStep}
  db: { kind: service, workers: 2, operations: { read: { cpu: exp(2ms) } } }
  redis: { kind: cache, latency: const(0.4ms) }`;

  it('a lookup, a counted hit/miss draw, the miss steps and a store; two cache blocks', () => {
    const m = model(withComponents('{ e: { call: app.get } }', app('{ cache: redis, hit: 0.8, miss: [ { call: db.read } ] }')));
    expect(disassemble(m)).toEqual([
      'app.get:',
      '  0: ENTER app',
      '  2: FORK redis#get',
      '  5: HIT redis redis.hit 0.8 15', // u < hit: a hit, jump past the miss steps
      '  10: CALL db.read',
      '  12: FORK redis#set',
      '  15: LEAVE',
      '  16: RETURN',
      'db.read:',
      '  17: ENTER db',
      '  19: SLEEP {"kind":"exp","mean":2} db',
      '  22: LEAVE',
      '  23: RETURN',
      'redis#get:',
      '  24: ENTER redis',
      '  26: SLEEP {"kind":"const","value":0.4} redis',
      '  29: LEAVE',
      '  30: RETURN',
      'redis#set:',
      '  31: ENTER redis',
      '  33: SLEEP {"kind":"const","value":0.4} redis',
      '  36: LEAVE',
      '  37: RETURN',
    ]);
    expect(m.stations.find((s) => s.name === 'redis')).toMatchObject({ kind: 'cache', replicas: 1, workers: Infinity, queue: Infinity });
    expect(m.caches).toEqual([{ name: 'redis', model: null }]);
  });

  it('without hit: the HIT takes the modelled ratio of a cache with capacity, keys and zipf', () => {
    const m = model(
      withComponents('{ e: { call: app.get } }', app('{ cache: redis, miss: [ { call: db.read } ] }').replace('redis: { kind: cache, latency: const(0.4ms) }', "redis: { kind: cache, latency: const(0.4ms), capacity: 1000, keys: 100000, zipf: 0.9, ttl: 1m, warm: false }")),
    );
    expect(disassemble(m)[3]).toBe('  5: HIT redis redis.hit model 15');
    expect(m.caches).toEqual([{ name: 'redis', model: { keys: 100000, zipf: 0.9, capacity: 1000, ttlMs: 60000, warm: false } }]);
  });

  it('a cache step without hit on a cache that derives none is an error at the step', () => {
    const r = compileText(withComponents('{ e: { call: app.get } }', app('{ cache: redis, miss: [ { call: db.read } ] }')));
    expect(r.errors.map((e) => [e.path, e.message])).toEqual([
      ['components.app.operations.get.steps[0].hit', "cache 'redis' does not derive a hit ratio (no capacity, keys and zipf): give hit: here, e.g. hit: 0.8"],
    ]);
  });
});

describe('compile: cdn', () => {
  it('edge latency, then with probability 1 − hit a call to the origin, holding the edge worker', () => {
    const m = model(withComponents('{ page: { call: edge.get } }', `  edge: { kind: cdn, hit: 0.75, latency: const(5ms), origin: app.page }
  app: { kind: service, workers: 2, operations: { page: { cpu: exp(5ms) } } }`));
    expect(disassemble(m)).toEqual([
      'edge.get:',
      '  0: ENTER edge',
      '  2: SLEEP {"kind":"const","value":5} edge',
      '  5: BRANCH edge.hit [0.25] 11 13',
      '  11: CALL app.page',
      '  13: LEAVE',
      '  14: RETURN',
      'app.page:',
      '  15: ENTER app',
      '  17: SLEEP {"kind":"exp","mean":5} app',
      '  20: LEAVE',
      '  21: RETURN',
    ]);
    expect(m.endpoints[0].block).toBe(m.blocks.findIndex((b) => b.name === 'edge.get'));
    expect(m.stations[0]).toMatchObject({ name: 'edge', kind: 'cdn', workers: Infinity });
  });
});

describe('compile: external', () => {
  const scenario = (external: string) => withComponents('{ pay: { call: app.pay } }', `  app: { kind: service, workers: 2, operations: { pay: { steps: [ { external: bank } ] } } }
  bank: ${external}`);

  it('a station with the concurrency and queue; ENTER, SLEEP, LEAVE, then FAIL with errors as external-error', () => {
    const m = model(scenario('{ kind: external, latency: exp(100ms), errors: 0.5%, concurrency: 50, queue: 0 }'));
    const bank = m.stations.findIndex((s) => s.name === 'bank');
    expect(m.stations[bank]).toMatchObject({ kind: 'external', replicas: 1, workers: 50, queue: 0 });
    const block = m.blocks.find((b) => b.name === 'bank#call')!;
    const code = Array.from(m.code.subarray(block.pc, block.pc + 12));
    const [, , , dist, stream, , , failStream, constIndex] = code;
    expect(code).toEqual([Op.ENTER, bank, Op.SLEEP, dist, stream, Op.LEAVE, Op.FAIL, failStream, constIndex, CAUSE_EXTERNAL_ERROR, bank, Op.RETURN]);
    expect(m.dists.specs[dist]).toEqual({ kind: 'exp', mean: 100 });
    expect(m.streams[stream]).toBe('bank');
    expect(m.streams[failStream]).toBe('bank.errors');
    expect(m.consts[constIndex]).toBe(0.005);
    // The call site runs the block as a one-body FORK (no network hop, a frame of its own).
    const op = m.blocks.find((b) => b.name === 'app.pay')!;
    expect(Array.from(m.code.subarray(op.pc, op.pc + 5))).toEqual([Op.ENTER, 0, Op.FORK, 1, m.blocks.indexOf(block)]);
  });

  it('defaults: unbounded concurrency and queue, no errors (no FAIL)', () => {
    const m = model(scenario('{ kind: external, latency: const(50ms) }'));
    expect(m.stations[1]).toMatchObject({ workers: Infinity, queue: Infinity });
    expect(disassemble(m).slice(-5)).toEqual(['bank#call:', '  7: ENTER bank', '  9: SLEEP {"kind":"const","value":50} bank', '  12: LEAVE', '  13: RETURN']);
  });
});
