import * as z from 'zod';
import { Op } from './compiled.ts';
import type { CompileContext, StepScope } from './compile-context.ts';
import { show, type PathSegment } from './errors.ts';
import { isObject } from './is-object.ts';
import { ALWAYS, duration, nonNegativeInt, positiveInt, positiveNumber, share, shareValue } from './schema-fields.ts';
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
 * Defaults per component: a service, external or database may give `resilience:` with the same
 * fields except `fallback`; they apply to every `call`/`external`/`query` step that targets it
 * (any operation or query type of it):
 *
 *   bank-api:
 *     kind: external
 *     latency: 80ms
 *     resilience: { timeout: 2s, retries: { max: 2 }, circuitBreaker: { failureRate: 50%, window: 20, openFor: 30s } }
 *
 * A call site's options override the target's defaults field by field: a site's `retries`
 * replaces the default `retries` as a whole (its own backoff and jitter defaults apply, not the
 * component's), likewise `circuitBreaker` and `bulkhead`. `none` switches a default off at one
 * site: `timeout: none`, `retries: none` (same as `retries: { max: 0 }`), `circuitBreaker: none`,
 * `bulkhead: none`. (`none`, as `jitter: none`; not `off`, which YAML 1.1 tools read as false.)
 * A site with no options calling a target with defaults compiles to CALLX with the defaults.
 * Defaults do not apply to publishes (asynchronous) nor to calls made by configuration (a
 * gateway's routes, a cdn's origin). `fallback` is not a default: what to do instead of a failed
 * call is the caller's business (and its steps run in the caller's operation, where references
 * and call cycles are checked), so it is given per call site.
 *
 * Backoff before retry n: `exp(100ms)` doubles from 100 ms (100, 200, 400 ms…; `multiplier`
 * changes the factor), `const(100ms)` or `100ms` waits the same each time; jitter `full` (the
 * default, as AWS recommends) draws uniformly in [0, delay], `equal` in [delay/2, delay], `none`
 * waits the delay. Every failure is retried (errors, rejections, rate limits, timeouts) except a
 * refusal by the open breaker. The breaker counts the outcomes of the last `window` attempts
 * (timeouts are failures); it opens when failures reach `failureRate` of a full window — or, with
 * a duration as window (`window: 10s`), of the attempts in the last 10 s once there were at least
 * `minCalls` (default 10) of them (engine/circuit-breakers.ts) — refuses
 * calls (`circuit-open`) for `openFor`, then lets `halfOpenCalls` trial calls through: all must
 * succeed to close it, one failure opens it again. One breaker per caller component and target
 * (the first call site compiled defines its settings, whether they come from the site or the
 * target's defaults; a site with `circuitBreaker: none` bypasses it). Likewise one bulkhead per
 * caller component and target. With a fallback the request succeeds on the fallback's steps (it
 * is counted as a success; the call site's row counts the fallbacks).
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

/* The policy fields, one definition each, shared by call sites and component defaults. */

const timeoutSchema = duration('A duration, e.g. 2s');

const retriesSchema = z.strictObject({
  max: nonNegativeInt().meta({ description: 'Retries after the first attempt' }),
  backoff: backoffText.default('exp(100ms)'),
  multiplier: positiveNumber('Factor between successive exp() backoffs (default 2)').optional(),
  jitter: z.enum(['full', 'equal', 'none']).default('full').meta({ description: 'full: uniform in [0, delay]; equal: in [delay/2, delay]; none' }),
});

/** Time-window breakers may open once they have seen this many calls in the window. */
const DEFAULT_MIN_CALLS = 10;

/** A breaker's window: a number of calls, or a duration (the calls of the last 10s). */
const windowMessage = (input: unknown) => `expected a number of calls (20) or a positive duration (10s), got ${show(input)}`;
const breakerWindow = z
  .union([
    positiveInt(' of calls or a positive duration (10s)'),
    z.string().superRefine((text, ctx) => {
      const d = parseDuration(text);
      if (!d.ok || d.value <= 0) ctx.addIssue({ code: 'custom', message: windowMessage(text), input: text });
    }),
  ], { error: (iss) => (iss.input === undefined ? undefined : windowMessage(iss.input)) })
  .meta({ description: 'The calls counted: the last 20 (a number) or those of the last 10s (a duration)' });

const breakerSchema = z.strictObject({
  failureRate: share('Opens when this share of the calls in the window failed, e.g. 50%'),
  window: breakerWindow,
  minCalls: positiveInt().optional().meta({ description: `Time windows: fewest calls in the window before it may open (default ${DEFAULT_MIN_CALLS})` }),
  openFor: duration('How long it stays open, refusing calls (circuit-open)'),
  halfOpenCalls: positiveInt().default(5).meta({ description: 'Trial calls when half-open; all must succeed to close' }),
});

const bulkheadSchema = z.strictObject({ maxConcurrent: positiveInt().meta({ description: 'Calls in flight per caller replica; more are rejected' }) });

const POLICY = {
  timeout: { schema: timeoutSchema, what: 'a duration such as 2s', description: 'Stop waiting for the answer after this long (the call fails with timeout; the callee’s work goes on)' },
  retries: { schema: retriesSchema, what: 'a map { max, backoff, multiplier, jitter }', description: 'Retry failed attempts after a backoff' },
  circuitBreaker: { schema: breakerSchema, what: 'a map { failureRate, window, openFor, halfOpenCalls }', description: 'A circuit breaker between the calling component and this target' },
  bulkhead: { schema: bulkheadSchema, what: 'a map { maxConcurrent }', description: 'Isolate this dependency: at most maxConcurrent calls at once per caller replica' },
} as const;

type PolicyKey = keyof typeof POLICY;
const POLICY_KEYS = Object.keys(POLICY) as PolicyKey[];

/**
 * A call-site field: the shared definition, or `none` to switch the target's default off.
 * A union hides the object's own errors when its shape is wrong (a missing or mistyped key:
 * validate.ts then reports the union's or the other option's message), so both messages name
 * the object's first problem.
 */
function orNone<K extends PolicyKey>(key: K) {
  const { schema, what, description } = POLICY[key];
  const message = (input: unknown) =>
    (isObject(input) ? firstProblem(schema, input) : undefined) ??
    `expected ${what}, or 'none' to switch the target's default ${key} off at this call site; got ${show(input)}`;
  return z
    .union([schema as (typeof POLICY)[K]['schema'], z.literal('none', { error: (iss) => message(iss.input) })], {
      error: (iss) => (iss.input === undefined ? undefined : message(iss.input)),
    })
    .optional()
    .meta({ description: `${description}; none: switch the target component's default off here` });
}

function firstProblem(schema: z.ZodType, input: unknown): string | undefined {
  const r = schema.safeParse(input, {
    reportInput: true,
    error: (iss) => (iss.code === 'invalid_value' ? `expected one of ${iss.values.map((v) => `'${String(v)}'`).join(' | ')}, got ${show(iss.input)}` : undefined),
  });
  if (r.success) return undefined;
  const issue = r.error.issues[0];
  const path = issue.path.map(String);
  if ((issue.code === 'invalid_type' || issue.code === 'invalid_union') && issue.input === undefined) return `missing required key '${path.join('.')}'`;
  return path.length > 0 ? `${path.join('.')}: ${issue.message}` : issue.message;
}

/** The resilience options of a call site (`call`, `external`, `query`). */
export const resilienceFields = (stepList: z.ZodType) => ({
  timeout: orNone('timeout'),
  retries: orNone('retries'),
  circuitBreaker: orNone('circuitBreaker'),
  bulkhead: orNone('bulkhead'),
  fallback: stepList.optional().meta({ description: 'Steps run instead when the call fails for good or the breaker is open; the request then goes on' }),
});

/** `resilience:` of a service, external or database: defaults for every call site targeting it. */
export const resilienceDefaultsSchema = z
  .strictObject({
    timeout: timeoutSchema.optional().meta({ description: POLICY.timeout.description }),
    retries: retriesSchema.optional().meta({ description: POLICY.retries.description }),
    circuitBreaker: breakerSchema.optional().meta({ description: POLICY.circuitBreaker.description }),
    bulkhead: bulkheadSchema.optional().meta({ description: POLICY.bulkhead.description }),
    // Recognised only to say why it is not a default.
    fallback: z.unknown().optional().meta({ description: 'Not a default: give fallback steps on each call site' }),
  })
  .superRefine((defaults, ctx) => {
    if (isObject(defaults) && defaults.fallback !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['fallback'],
        message: 'fallback is not a component default: what to do instead of a failed call depends on the caller, so give fallback: on the call sites',
        input: defaults.fallback,
      });
    }
  }, ALWAYS)
  .meta({ description: 'Resilience defaults for every call, external or query step that targets this component; a call site overrides them field by field (none switches one off)' });

export type ResilienceDefaults = z.output<typeof resilienceDefaultsSchema>;

type Retries = z.output<typeof retriesSchema>;
type Breaker = z.output<typeof breakerSchema>;
type Bulkhead = z.output<typeof bulkheadSchema>;

/** The options a call site may carry (steps.ts). */
export interface Resilience {
  timeout?: string;
  retries?: Retries | 'none';
  circuitBreaker?: Breaker | 'none';
  bulkhead?: Bulkhead | 'none';
  fallback?: unknown[];
}

/** The policy a call site gets: its options merged over the target's defaults, each with where it was written. */
export interface CallPolicy {
  timeout?: { value: string; path: PathSegment[] };
  retries?: { value: Retries; path: PathSegment[] };
  circuitBreaker?: { value: Breaker; path: PathSegment[] };
  bulkhead?: { value: Bulkhead; path: PathSegment[] };
  fallback?: { value: unknown[]; path: PathSegment[] };
}

/** The target component's defaults, if its kind has them. */
function defaultsOf(ctx: CompileContext, component: string): ResilienceDefaults | undefined {
  const def = ctx.component(component);
  return def !== undefined && 'resilience' in def ? def.resilience : undefined;
}

/**
 * The policy of the call site `step` (at `path`) to `component`: its options over the
 * component's defaults, field by field; undefined when nothing applies (a plain call).
 */
export function callPolicy(ctx: CompileContext, step: Resilience, path: PathSegment[], component: string): CallPolicy | undefined {
  const defaults = defaultsOf(ctx, component);
  const policy: CallPolicy = {};
  const set = <K extends PolicyKey>(key: K, value: NonNullable<CallPolicy[K]>['value'] | undefined, at: PathSegment[]) => {
    if (value !== undefined) (policy as Record<K, unknown>)[key] = { value, path: at };
  };
  for (const key of POLICY_KEYS) {
    const own = step[key];
    if (own === 'none') continue;
    if (own !== undefined) set(key, own, [...path, key]);
    else set(key, defaults?.[key], ['components', component, 'resilience', key]);
  }
  if (step.fallback !== undefined) policy.fallback = { value: step.fallback, path: [...path, 'fallback'] };
  return Object.keys(policy).length > 0 ? policy : undefined;
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
 * Emits the CALLX of a call site with its policy (callPolicy), its bulkhead wrapper and fallback.
 * `emitFallback` emits a list of steps (steps.ts passes its emitSteps, which this file cannot
 * import without a cycle).
 */
export function emitResilientCall(
  scope: StepScope,
  policy: CallPolicy,
  target: CallTarget,
  emitFallback: (steps: unknown[], path: PathSegment[]) => void,
): void {
  const { b } = scope.ctx;
  const { caller } = scope;
  let block = target.block;
  let hop = target.hop;
  if (policy.bulkhead) {
    const stationName = `${caller.name}.bulkhead.${target.component}`;
    const max = policy.bulkhead.value.maxConcurrent;
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
  if (policy.circuitBreaker) {
    const { value: cb, path: cbPath } = policy.circuitBreaker;
    const name = `${caller.name}→${target.component}`;
    breaker = b.once(`breaker:${name}`, () => {
      b.breakers.push({
        name,
        failureRate: shareValue(cb.failureRate) ?? 0.5,
        ...breakerWindowDef(cb),
        openForMs: durationMs(scope, cb.openFor, [...cbPath, 'openFor']),
        halfOpenCalls: cb.halfOpenCalls,
      });
      return b.breakers.length - 1;
    });
  }
  const retries = policy.retries?.value;
  const backoff = retries ? parseBackoff(retries.backoff) : undefined;
  const id = b.policies.length;
  b.policies.push({
    site: `${scope.owner} → ${target.component}`,
    target: target.component,
    timeoutMs: policy.timeout === undefined ? Infinity : durationMs(scope, policy.timeout.value, policy.timeout.path),
    retries: retries?.max ?? 0,
    backoffMs: backoff?.ms ?? 0,
    backoffMultiplier: backoff?.doubling ? (retries?.multiplier ?? 2) : 1,
    jitter: retries?.jitter ?? 'none',
    stream: b.stream(`${scope.owner}.retries`),
    breaker,
    fallbackPc: -1,
  });
  b.emit(Op.CALLX, block, id, hop ? 1 : 0);
  if (policy.fallback) {
    const jump = b.emit(Op.JUMP, -1);
    b.policies[id].fallbackPc = b.pc;
    emitFallback(policy.fallback.value, policy.fallback.path);
    b.patch(jump + 1, b.pc);
  }
}

/** A count window, or a time window with its minimum of calls. */
function breakerWindowDef(cb: Breaker): { window: number; windowMs?: number; minCalls?: number } {
  if (typeof cb.window === 'number') return { window: cb.window };
  const d = parseDuration(cb.window);
  return { window: 0, windowMs: d.ok ? d.value : 1, minCalls: cb.minCalls ?? DEFAULT_MIN_CALLS };
}

function durationMs(scope: StepScope, text: string, path: PathSegment[]): number {
  const d = parseDuration(text);
  if (d.ok) return d.value;
  scope.ctx.error(path, d.message);
  return 0;
}
