import { describe, expect, it } from 'vitest';
import { errorsOf } from '../helpers/errors-of.ts';

const scenario = (step: string, extra = '') => `archsim: 1
name: bad resilience
run: { duration: 10s, warmup: 0s, replications: 1 }
workload: { arrivals: 10/s }
endpoints: { e: { call: app.op } }
components:
  app:
    kind: service
    workers: 4
    operations:
      op:
        steps:
          - ${step}
  back: { kind: service, workers: 4, operations: { op: { cpu: exp(1ms) } } }
  events: { kind: queue, consumer: back.op }
${extra}`;

describe('bad input: resilience and incidents', () => {
  it('a breaker window of zero; a failure rate above 100%', () => {
    expect(errorsOf(scenario('{ call: back.op, circuitBreaker: { failureRate: 50%, window: 0, openFor: 5s } }'))).toEqual([
      '13:74 components.app.operations.op.steps[0].circuitBreaker.window: expected a positive integer of calls or a positive duration (10s), got 0',
    ]);
    expect(errorsOf(scenario("{ call: back.op, circuitBreaker: { failureRate: '150%', window: 10, openFor: 5s } }"))).toEqual([
      "13:61 components.app.operations.op.steps[0].circuitBreaker.failureRate: expected a probability between 0 and 1 or a percentage such as 0.5%, got '150%'",
    ]);
  });

  it('a retry policy on an async publish', () => {
    expect(errorsOf(scenario('{ publish: events, retries: { max: 3 } }'))).toEqual([
      '13:41 components.app.operations.op.steps[0].retries: retries does not apply to publish: a publish is asynchronous (the caller does not wait for the consumer), so there is no answer to time out, retry or fall back from',
    ]);
  });

  it('a malformed backoff; a negative retry count', () => {
    expect(errorsOf(scenario('{ call: back.op, retries: { max: 2, backoff: fast } }'))).toEqual([
      "13:58 components.app.operations.op.steps[0].retries.backoff: expected a backoff such as exp(100ms) (doubling), const(100ms) or 100ms, got 'fast'",
    ]);
    expect(errorsOf(scenario('{ call: back.op, retries: { max: -1 } }'))).toEqual([
      '13:46 components.app.operations.op.steps[0].retries.max: expected a non-negative integer, got -1',
    ]);
  });

  it('an incident targeting a missing component; an unknown effect', () => {
    expect(errorsOf(scenario('{ call: back.op }', 'incidents:\n  - { at: 1s, for: 2s, target: bak, effect: down }\n'))).toEqual([
      "17:32 incidents[0].target: unknown incident target 'bak'; did you mean 'back'?",
    ]);
    expect(errorsOf(scenario('{ call: back.op }', 'incidents:\n  - { at: 1s, for: 2s, target: back, effect: melt }\n'))).toEqual([
      "17:46 incidents[0].effect: expected an effect: down, slow(x5) or errors(30%), got 'melt'",
    ]);
  });
});
