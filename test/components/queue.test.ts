import { beforeAll, describe, expect, it } from 'vitest';
import type { RunResult } from '../../sim-core/run/result.ts';
import { mmcMeanQueueLength, mmcMeanResponse, mmcMeanWait, mmcResponsePercentile } from '../exact/mmc.ts';
import { expectAgreement } from '../helpers/agreement.ts';
import { compileScenario, runScenario } from '../helpers/scenario.ts';
import { disassemble } from '../model/disassemble.ts';
import { errorsOf } from '../helpers/errors-of.ts';

/**
 * A queue whose consumers form an M/M/c: Poisson publishes at λ (an async publisher with no CPU,
 * paying only the 2 ms publish latency), consumed by one replica with c = 3 workers, exp(10 ms)
 * each. The broker delivers at most c at once; the others wait in it. So the backlog is the M/M/3
 * queue length Lq, the consumer lag its waiting time Wq, and publish → consumed its response time.
 */
const scenario = (run: string, queueExtra = '', consumer = 'worker.handle') => `
archsim: 1
name: a queue with an M/M/3 consumer group
run: ${run}
workload: { arrivals: 200/s }
endpoints: { send: { call: app.send } }
components:
  app:
    kind: service
    workers: unbounded
    threading: async
    operations: { send: { steps: [ { publish: events } ] } }
  events: { kind: queue, consumer: ${consumer}, latency: const(2ms)${queueExtra} }
  worker: { kind: service, workers: 3, operations: { handle: { cpu: exp(10ms) } } }
`;

describe('queue: consumers form an M/M/3, seed 44', () => {
  const LAMBDA = 0.2; // per ms
  const MU = 0.1;
  const C = 3;
  let r: RunResult;
  beforeAll(() => {
    r = runScenario(scenario('{ duration: 120s, warmup: 5s, replications: 10, seed: 44 }'));
  });

  it('compiles publish (latency, PUBLISH) and delivery (ENTER broker, CALL consumer) blocks', () => {
    const lines = disassemble(compileScenario(scenario('{ duration: 1s, warmup: 0s }'))).map((l) => l.replace(/^\s+\d+: /, ''));
    const publish = lines.indexOf('events#publish:');
    expect(lines.slice(publish + 1, publish + 4)).toEqual(['SLEEP {"kind":"const","value":2} events', 'PUBLISH events events#deliver', 'RETURN']);
    const deliver = lines.indexOf('events#deliver:');
    expect(lines.slice(deliver + 1, deliver + 5)).toEqual(['ENTER events', 'CALL worker.handle', 'LEAVE', 'RETURN']);
  });

  it('the publisher pays only the publish latency', () => {
    expect(r.endpoints.send.latency.mean).toBeCloseTo(2, 6);
  });

  it('messages/s: published = consumed = λ', () => {
    const q = r.components.events;
    expectAgreement({ label: 'published/s', estimate: q.published!, ci95: q.ci95?.published, replications: r.replications, exact: LAMBDA * 1000 });
    expectAgreement({ label: 'consumed/s', estimate: q.consumed!, ci95: q.ci95?.consumed, replications: r.replications, exact: LAMBDA * 1000 });
    expect(q.failedMessages).toBe(0);
  });

  it(`backlog = Lq = ${mmcMeanQueueLength(LAMBDA, MU, C).toFixed(3)}; consumer lag = Wq`, () => {
    const q = r.components.events;
    expectAgreement({ label: 'backlog', estimate: q.backlog!, ci95: q.ci95?.backlog, replications: r.replications, exact: mmcMeanQueueLength(LAMBDA, MU, C) });
    expectAgreement({ label: 'consumer lag', estimate: q.wait!.mean, ci95: q.wait!.ci95?.mean, replications: r.replications, exact: mmcMeanWait(LAMBDA, MU, C) });
  });

  it('publish → consumed: the M/M/3 response time (mean and p95)', () => {
    const e2e = r.components.events.endToEnd!;
    expectAgreement({ label: 'end-to-end mean', estimate: e2e.mean, ci95: e2e.ci95?.mean, replications: r.replications, exact: mmcMeanResponse(LAMBDA, MU, C) });
    expectAgreement({ label: 'end-to-end p95', estimate: e2e.p95, ci95: e2e.ci95?.p95, replications: r.replications, exact: mmcResponsePercentile(LAMBDA, MU, C, 0.95) });
  });

  it('the consumer group is replicas × workers; partitions limit it further', () => {
    const m = compileScenario(scenario('{ duration: 1s, warmup: 0s }', ', partitions: 2'));
    expect(m.stations.find((s) => s.name === 'events')).toMatchObject({ kind: 'queue', workers: 2, queue: Infinity, trackWait: true });
    const all = compileScenario(scenario('{ duration: 1s, warmup: 0s }'));
    expect(all.stations.find((s) => s.name === 'events')).toMatchObject({ workers: 3 });
  });
});

describe('queue: bad input', () => {
  it('a consumer that names a missing operation; a publish to something that is not a queue', () => {
    expect(errorsOf(scenario('{ duration: 1s, warmup: 0s }', '', 'worker.hadle'))).toEqual([
      "13:36 components.events.consumer: component 'worker' has no operation 'hadle'; did you mean 'handle'?",
    ]);
    expect(errorsOf(scenario('{ duration: 1s, warmup: 0s }').replace('publish: events', 'publish: worker'))).toEqual([
      "12:47 components.app.operations.send.steps[0].publish: 'worker' is a service, not a queue",
    ]);
  });
});
