import * as z from 'zod';
import { Op } from './compiled.ts';
import type { StepScope } from './compile-context.ts';
import type { PathSegment } from './errors.ts';
import { duration, nonNegativeInt, positiveInt, positiveNumber, share, shareValue } from './schema-fields.ts';
import { parseDuration } from './units.ts';

/**
 * Resilience on a call site (`call`, `external`, `query` steps):
 *
 *   - call: fraud.score
 *     timeout: 200ms                                   # stop waiting; the callee's work goes on
 *     retries: { max: 3, backoff: exp(100ms), jitter: full }
 *     circuitBreaker: { failureRate: 50%, window: 20, openFor: 30s, halfOpenCalls: 5 }
 *     bulkhead: { maxConcurrent: 10 }                  # per caller replica, beyond: rejected
 *     fallback: [ { delay: 1ms } ]                     # run when the call fails for good
 *
 * Backoff before retry n: `exp(100ms)` doubles from 100 ms (100, 200, 400 ms…; `multiplier`
 * changes the factor), `const(100ms)` or `100ms` waits the same each time; jitter `full` (the
 * default, as AWS recommends) draws uniformly in [0, delay], `equal` in [delay/2, delay], `none`
 * waits the delay. Every failure is retried (errors, rejections, rate limits, timeouts) except a
 * refusal by the open breaker. The breaker counts the outcomes of the last `window` attempts
 * (timeouts are failures); it opens when failures reach `failureRate` of a full window, refuses
 * calls (`circuit-open`) for `openFor`, then lets `halfOpenCalls` trial calls through: all must
 * succeed to close it, one failure opens it again. One breaker per caller component and target
 * (the first call site's settings define it). With a fallback the request succeeds on the
 * fallback's steps (it is counted as a success; the call site's row counts the fallbacks).
 *
 * Compiles to one CALLX instruction (compiled.ts) with a CallPolicyDef; a bulkhead to a wrapper
 * block `<owner>#bulkhead<k>`: ENTER_HOME <caller>.bulkhead.<target> <caller>; CALL|FORK target;
 * LEAVE; RETURN — a station with the caller's replicas, maxConcurrent workers and no waiting room.
 */

const backoffText = z
  .string()
  .superRefine((text, ctx) => {
    if (!parseBackoff(text)) ctx.addIssue({ code: 'custom', message: `expected a backoff such as exp(100ms) (doubling), const(100ms) or 100ms, got '${text}'`, input: text });
  })
  .meta({ description: 'exp(100ms): 100 ms doubling each retry; const(100ms) or 100ms: the same each time' });

export const resilienceFields = (stepList: z.ZodType) => ({
  timeout: duration('Stop waiting for the answer after this long (the call fails with timeout; the callee’s work goes on)').optional(),
  retries: z
    .strictObject({
      max: nonNegativeInt().meta({ description: 'Retries after the first attempt' }),
      backoff: backoffText.default('exp(100ms)'),
      multiplier: positiveNumber('Factor between successive exp() backoffs (default 2)').optional(),
      jitter: z.enum(['full', 'equal', 'none']).default('full').meta({ description: 'full: uniform in [0, delay]; equal: in [delay/2, delay]; none' }),
    })
    .optional()
    .meta({ description: 'Retry failed attempts after a backoff' }),
  circuitBreaker: z
    .strictObject({
      failureRate: share('Opens when this share of the last window of calls failed, e.g. 50%'),
      window: positiveInt().meta({ description: 'Calls whose outcomes are counted' }),
      openFor: duration('How long it stays open, refusing calls (circuit-open)'),
      halfOpenCalls: positiveInt().default(5).meta({ description: 'Trial calls when half-open; all must succeed to close' }),
    })
    .optional()
    .meta({ description: 'A circuit breaker between the calling component and this target' }),
  bulkhead: z
    .strictObject({ maxConcurrent: positiveInt().meta({ description: 'Calls in flight per caller replica; more are rejected' }) })
    .optional()
    .meta({ description: 'Isolate this dependency: at most maxConcurrent calls at once per caller replica' }),
  fallback: stepList.optional().meta({ description: 'Steps run instead when the call fails for good or the breaker is open; the request then goes on' }),
});

export interface Resilience {
  timeout?: string;
  retries?: { max: number; backoff: string; multiplier?: number; jitter: 'full' | 'equal' | 'none' };
  circuitBreaker?: { failureRate: number | string; window: number; openFor: string; halfOpenCalls: number };
  bulkhead?: { maxConcurrent: number };
  fallback?: unknown[];
}

export function hasResilience(step: Resilience): boolean {
  return step.timeout !== undefined || step.retries !== undefined || step.circuitBreaker !== undefined || step.bulkhead !== undefined || step.fallback !== undefined;
}

function parseBackoff(text: string): { ms: number; doubling: boolean } | undefined {
  const m = /^\s*(exp|const)\(\s*(.+?)\s*\)\s*$/.exec(text);
  const d = parseDuration(m ? m[2] : text);
  if (!d.ok) return undefined;
  return { ms: d.value, doubling: m?.[1] === 'exp' };
}

/** What a resilient step calls: the block, whether the call crosses the network, and the component. */
export interface CallTarget {
  block: number;
  hop: boolean;
  component: string;
}

/**
 * Emits the CALLX of a step with resilience options (and its bulkhead wrapper and fallback).
 * `emitFallback` emits a list of steps (steps.ts passes its emitSteps, which this file cannot
 * import without a cycle).
 */
export function emitResilientCall(
  scope: StepScope,
  step: Resilience,
  path: PathSegment[],
  target: CallTarget,
  emitFallback: (steps: unknown[], path: PathSegment[]) => void,
): void {
  const { b } = scope.ctx;
  const { caller } = scope;
  let block = target.block;
  let hop = target.hop;
  if (step.bulkhead) {
    const stationName = `${caller.name}.bulkhead.${target.component}`;
    const max = step.bulkhead.maxConcurrent;
    const station = b.once(`station:${stationName}`, () =>
      b.station({ name: stationName, kind: 'bulkhead', replicas: caller.replicas, workers: max, queue: 0, balancer: 'roundRobin' }),
    );
    const wrapper = b.block(`${scope.owner}#bulkhead${scope.forks.next++}`);
    const inner = target;
    b.defer(() => {
      b.beginBlock(wrapper);
      b.enterHome(station, caller.station);
      if (inner.hop) b.call(inner.block);
      else b.emit(Op.FORK, 1, inner.block);
      b.leave();
      b.ret();
    });
    block = wrapper;
    hop = false;
  }
  let breaker = -1;
  const cb = step.circuitBreaker;
  if (cb) {
    const name = `${caller.name}→${target.component}`;
    breaker = b.once(`breaker:${name}`, () => {
      b.breakers.push({
        name,
        failureRate: shareValue(cb.failureRate) ?? 0.5,
        window: cb.window,
        openForMs: durationMs(scope, cb.openFor, [...path, 'circuitBreaker', 'openFor']),
        halfOpenCalls: cb.halfOpenCalls,
      });
      return b.breakers.length - 1;
    });
  }
  const retries = step.retries;
  const backoff = retries ? parseBackoff(retries.backoff) : undefined;
  const policy = b.policies.length;
  b.policies.push({
    site: `${scope.owner} → ${target.component}`,
    target: target.component,
    timeoutMs: step.timeout === undefined ? Infinity : durationMs(scope, step.timeout, [...path, 'timeout']),
    retries: retries?.max ?? 0,
    backoffMs: backoff?.ms ?? 0,
    backoffMultiplier: backoff?.doubling ? (retries?.multiplier ?? 2) : 1,
    jitter: retries?.jitter ?? 'none',
    stream: b.stream(`${scope.owner}.retries`),
    breaker,
    fallbackPc: -1,
  });
  b.emit(Op.CALLX, block, policy, hop ? 1 : 0);
  if (step.fallback) {
    const jump = b.emit(Op.JUMP, -1);
    b.policies[policy].fallbackPc = b.pc;
    emitFallback(step.fallback, [...path, 'fallback']);
    b.patch(jump + 1, b.pc);
  }
}

function durationMs(scope: StepScope, text: string, path: PathSegment[]): number {
  const d = parseDuration(text);
  if (d.ok) return d.value;
  scope.ctx.error(path, d.message);
  return 0;
}
