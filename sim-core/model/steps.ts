import * as z from 'zod';
import { Op } from './compiled.ts';
import type { StepScope } from './compile-context.ts';
import { show, type PathSegment } from './errors.ts';
import { ALWAYS, callTarget, distribution, probability, share, shareValue, splitTarget, TARGET_PATTERN } from './schema-fields.ts';
import { didYouMean } from './suggest.ts';
import { isObject } from './is-object.ts';
import { callPolicy, emitResilientCall, resilienceFields, type CallTarget, type Resilience } from './resilience.ts';
import {
  cacheGetBlock,
  cacheHitStream,
  cacheIdKey,
  cacheSetBlock,
  databasePoolQueryBlock,
  databaseQueryBlock,
  externalCallBlock,
  poolStationName,
  queuePublishBlock,
} from './block-names.ts';

export { cacheGetBlock, cacheHitStream, cacheSetBlock, databaseQueryBlock, externalCallBlock } from './block-names.ts';

/**
 * The steps of a service operation. A step is an object with exactly one key naming its kind
 * (a kind may take more keys beside it, as `cache` takes `hit` and `miss`). Each kind is one
 * entry in STEP_KINDS (schema, a walker over raw data for reference and cycle checks, and an
 * emitter); adding a kind (publish, …) is one more entry.
 */

export interface CallStep extends Resilience { call: string }
export interface DelayStep { delay: string }
export interface BranchOption { p: number; steps: Step[] }
export interface BranchStep { branch: BranchOption[] }
export interface ParallelStep { parallel: Step[][] }
/** `hit` is required by the refinement, not the shape (see cacheStepSchema). */
export interface CacheStep { cache: string; hit?: number | string; miss?: Step[] }
export interface ExternalStep extends Resilience { external: string }
/** `query: <database>.<query type>` */
export interface QueryStep extends Resilience { query: string }
export interface PublishStep { publish: string }
export type Step = CallStep | DelayStep | BranchStep | ParallelStep | CacheStep | ExternalStep | QueryStep | PublishStep;

/** Component kinds a step names directly (not through `component.operation`). */
export type UsedKind = 'cache' | 'external' | 'database' | 'queue';

/** Sync calls, components used directly, and nested step lists found while walking raw step data. */
export interface StepVisitor {
  call(target: unknown, path: PathSegment[]): void;
  uses(kind: UsedKind, name: unknown, path: PathSegment[]): void;
  /** A `query:` target, raw: `<database>.<query type>` when valid. */
  query(target: unknown, path: PathSegment[]): void;
  steps(list: unknown, path: PathSegment[]): void;
}

interface StepKind {
  key: string;
  schema: z.ZodType;
  /** `step` is the raw step object (possibly invalid), `path` the path to it. */
  walk(step: Record<string, unknown>, path: PathSegment[], visit: StepVisitor): void;
  emit(scope: StepScope, step: never, path: PathSegment[]): void;
}

/*
 * Blocks a cache, external, database or queue component emits for its call sites (block-names.ts)
 * are run as a one-body FORK: a frame of their own (they hold a worker of their component's
 * station while the caller may hold its own) and no network hop — the component's `latency` (a
 * database's query time) is the round trip as the caller sees it.
 */

const stepList: z.ZodType<Step[]> = z.lazy(() => z.array(stepSchema));
const resilience = resilienceFields(stepList);

/** A resilient step's fallback steps, for reference and cycle checks. */
const walkFallback = (step: Record<string, unknown>, path: PathSegment[], visit: StepVisitor) => visit.steps(step.fallback, [...path, 'fallback']);

/** FORK the target, CALL it, or — with resilience options or the target's defaults — CALLX it. */
function emitCallTo(scope: StepScope, step: Resilience, path: PathSegment[], target: CallTarget): void {
  const { b } = scope.ctx;
  const policy = callPolicy(scope.ctx, step, path, target.component);
  if (policy) {
    emitResilientCall(scope, policy, target, (steps, p) => emitSteps(scope, steps as Step[], p));
    return;
  }
  if (target.hop) b.call(target.block);
  else b.emit(Op.FORK, 1, target.block);
}

/** Branch sums are checked here, not only in compile, so `validate` reports them. */
const branchOptions = z
  .array(z.strictObject({ p: probability('Probability of taking this option'), steps: stepList }))
  .min(1, { error: 'a branch needs at least one option' })
  .superRefine((options, ctx) => {
    if (!Array.isArray(options)) return;
    const sum = options.reduce((s, o) => s + (typeof o?.p === 'number' ? o.p : 0), 0);
    if (sum > 1 + 1e-9) ctx.addIssue({ code: 'custom', message: `branch probabilities sum to ${+sum.toPrecision(12)}, above 1`, input: options });
  }, ALWAYS);

/**
 * `- cache: redis` with `hit: 0.8` and `miss: [ …steps ]`, or without `hit` when the cache
 * derives its hit ratio (capacity, keys, zipf: cache.ts). Keys beside `cache` are optional in the
 * shape and checked by the refinement: a union option that misses a key of its own is taken for
 * a different kind of step, and the user would get "a step is a map with exactly one of …"
 * instead of "missing miss".
 */
const cacheStepSchema = z
  .strictObject({
    cache: z.string({ error: (iss) => (iss.input === undefined ? undefined : `expected the name of a cache component, got ${show(iss.input)}`) }),
    hit: share('Hit ratio at this call site: 0.8 or 80%; leave it out when the cache derives its hit ratio from capacity, keys and zipf').optional(),
    miss: stepList.optional().meta({ description: 'Steps run on a miss (e.g. the database query); then the value is stored in the cache' }),
  })
  .superRefine((step, ctx) => {
    if (!isObject(step)) return;
    if (step.hit === undefined) {
      // The cache derives the ratio (capacity, keys, zipf): compile() checks that it does.
      if (step.miss === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['miss'],
          message: `a cache step needs miss steps that fetch the value (e.g. miss: [ { call: db.read } ]), and hit: the share of lookups that find it, unless the cache derives it from capacity, keys and zipf`,
          input: undefined,
        });
      }
      return;
    }
    const hit = shareValue(step.hit);
    if (hit !== undefined && hit < 1 && step.miss === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['miss'],
        message: `hit is ${show(step.hit)}, so some lookups miss: give the miss steps that fetch the value (e.g. miss: [ { call: db.read } ]), or hit: 1`,
        input: undefined,
      });
    }
  }, ALWAYS)
  .meta({ description: 'Look a value up in a cache component; on a miss run the miss steps, then store the value' });

const queryTarget = z
  .string({ error: (iss) => (iss.input === undefined ? undefined : `expected 'database.queryType', got ${show(iss.input)}`) })
  .superRefine((text, ctx) => {
    if (!splitTarget(text)) ctx.addIssue({ code: 'custom', message: `expected 'database.queryType' (e.g. pg.read), got '${text}'`, input: text });
  })
  .meta({ description: '<database>.<query type>, e.g. pg.read', pattern: TARGET_PATTERN });

export const STEP_KINDS: StepKind[] = [
  {
    key: 'call',
    schema: z.strictObject({ call: callTarget('Synchronous call: waits for the answer'), ...resilience }),
    walk(step, path, visit) {
      visit.call(step.call, [...path, 'call']);
      walkFallback(step, path, visit);
    },
    emit(scope: StepScope, step: CallStep, path: PathSegment[]) {
      emitCallTo(scope, step, path, { block: scope.ctx.b.block(step.call), hop: true, component: step.call.split('.')[0] });
    },
  },
  {
    key: 'delay',
    schema: z.strictObject({ delay: distribution('A pause, e.g. waiting on something not modelled (blocking threading holds the worker through it)') }),
    walk: () => {},
    emit(scope: StepScope, step: DelayStep, path: PathSegment[]) {
      const d = scope.ctx.dist(step.delay, [...path, 'delay']);
      if (d >= 0) scope.ctx.b.sleep(d, scope.stream);
    },
  },
  {
    key: 'branch',
    schema: z.strictObject({ branch: branchOptions }).meta({ description: 'Take at most one option, each with probability p; with the remaining probability, none' }),
    walk(step, path, visit) {
      if (!Array.isArray(step.branch)) return;
      step.branch.forEach((option, i) => {
        if (isObject(option)) visit.steps(option.steps, [...path, 'branch', i, 'steps']);
      });
    },
    emit(scope: StepScope, step: BranchStep, path: PathSegment[]) {
      const { b } = scope.ctx;
      const n = step.branch.length;
      const cumulative: number[] = [];
      let sum = 0;
      for (const o of step.branch) cumulative.push((sum += o.p));
      // A sum of 1 up to rounding means "always one of them": the last option takes the rest.
      if (Math.abs(sum - 1) <= 1e-9) cumulative[n - 1] = 1;
      const constIndex = b.constants(cumulative);
      const at = b.emit(Op.BRANCH, scope.stream, n, constIndex, ...new Array<number>(n + 1).fill(-1));
      const jumps: number[] = [];
      step.branch.forEach((option, i) => {
        b.patch(at + 4 + i, b.pc);
        emitSteps(scope, option.steps, [...path, 'branch', i, 'steps']);
        jumps.push(b.emit(Op.JUMP, -1) + 1);
      });
      b.patch(at + 4 + n, b.pc);
      for (const j of jumps) b.patch(j, b.pc);
    },
  },
  {
    key: 'parallel',
    schema: z
      .strictObject({ parallel: z.array(stepList).min(1, { error: 'parallel needs at least one list of steps' }) })
      .meta({ description: 'Run each list of steps concurrently and continue when all have finished' }),
    walk(step, path, visit) {
      if (Array.isArray(step.parallel)) step.parallel.forEach((list, i) => visit.steps(list, [...path, 'parallel', i]));
    },
    emit(scope: StepScope, step: ParallelStep, path: PathSegment[]) {
      const { b } = scope.ctx;
      const k = scope.forks.next++;
      const ids = step.parallel.map((_, i) => b.block(`${scope.owner}#fork${k}.${i}`));
      b.emit(Op.FORK, ids.length, ...ids);
      step.parallel.forEach((body, i) => {
        b.defer(() => {
          b.beginBlock(ids[i]);
          emitSteps(scope, body, [...path, 'parallel', i]);
          b.ret();
        });
      });
    },
  },
  {
    key: 'cache',
    schema: cacheStepSchema,
    walk(step, path, visit) {
      visit.uses('cache', step.cache, [...path, 'cache']);
      visit.steps(step.miss, [...path, 'miss']);
    },
    /**
     *   FORK <cache>#get                               lookup (the cache's latency)
     *   HIT cache <cache>.hit [hit | model] end        counted; a hit jumps to end
     *   …miss steps; FORK <cache>#set                  store after the miss
     *   end:
     * Without `hit:` the HIT takes the cache's modelled ratio (constIndex −1).
     */
    emit(scope: StepScope, step: CacheStep, path: PathSegment[]) {
      const { b } = scope.ctx;
      const hit = shareValue(step.hit);
      const cache = b.once(cacheIdKey(step.cache), () => b.cache({ name: step.cache, model: null }));
      if (hit === undefined) {
        const def = scope.ctx.component(step.cache);
        const modelled = def?.kind === 'cache' && def.capacity !== undefined;
        if (!modelled) scope.ctx.error([...path, 'hit'], `cache '${step.cache}' does not derive a hit ratio (no capacity, keys and zipf): give hit: here, e.g. hit: 0.8`);
      }
      b.emit(Op.FORK, 1, b.block(cacheGetBlock(step.cache)));
      const at = b.emit(Op.HIT, cache, b.stream(cacheHitStream(step.cache)), hit === undefined ? -1 : b.constants([hit]), -1);
      emitSteps(scope, step.miss ?? [], [...path, 'miss']);
      b.emit(Op.FORK, 1, b.block(cacheSetBlock(step.cache)));
      b.patch(at + 4, b.pc);
    },
  },
  {
    key: 'external',
    schema: z
      .strictObject({
        external: z.string({ error: (iss) => (iss.input === undefined ? undefined : `expected the name of an external component, got ${show(iss.input)}`) }),
        ...resilience,
      })
      .meta({ description: 'Call a third-party API (an external component): its latency, and its errors fail the request' }),
    walk(step, path, visit) {
      visit.uses('external', step.external, [...path, 'external']);
      walkFallback(step, path, visit);
    },
    emit(scope: StepScope, step: ExternalStep, path: PathSegment[]) {
      emitCallTo(scope, step, path, { block: scope.ctx.b.block(externalCallBlock(step.external)), hop: false, component: step.external });
    },
  },
  {
    key: 'query',
    schema: z
      .strictObject({ query: queryTarget, ...resilience })
      .meta({ description: 'Run a query on a database component: wait for a core of the instance it goes to, then its service time' }),
    walk(step, path, visit) {
      visit.query(step.query, [...path, 'query']);
      walkFallback(step, path, visit);
    },
    /**
     * One-body FORK of the database's block for this type (database.ts): no hop, the caller keeps
     * its worker. With a connection pool, the FORK goes to a block of this caller's own:
     *   <db>#<type>@<caller>:  ENTER_HOME <db>.pool.<caller> <caller>; FORK <db>#<type>; LEAVE; RETURN
     * which holds a connection of the pool of the caller's replica for the whole query.
     */
    emit(scope: StepScope, step: QueryStep, path: PathSegment[]) {
      const { b } = scope.ctx;
      const t = splitTarget(step.query);
      if (!t) return;
      const db = scope.ctx.component(t.component);
      const pool = db?.kind === 'database' ? db.pool : undefined;
      const query = b.block(databaseQueryBlock(t.component, t.operation));
      if (pool === undefined) {
        emitCallTo(scope, step, path, { block: query, hop: false, component: t.component });
        return;
      }
      const { caller } = scope;
      const name = databasePoolQueryBlock(t.component, t.operation, caller.name);
      const block = b.once(`block:${name}`, () => {
        const station = b.once(`station:${poolStationName(t.component, caller.name)}`, () =>
          b.station({ name: poolStationName(t.component, caller.name), kind: 'pool', replicas: caller.replicas, workers: pool, queue: Infinity, balancer: 'roundRobin', trackWait: true }),
        );
        const id = b.block(name);
        b.defer(() => {
          b.beginBlock(id);
          b.enterHome(station, caller.station);
          b.emit(Op.FORK, 1, query);
          b.leave();
          b.ret();
        });
        return id;
      });
      emitCallTo(scope, step, path, { block, hop: false, component: t.component });
    },
  },
  {
    key: 'publish',
    schema: z
      .strictObject({
        publish: z.string({ error: (iss) => (iss.input === undefined ? undefined : `expected the name of a queue component, got ${show(iss.input)}`) }),
        // Resilience keys are recognised only to say why they do not apply.
        ...Object.fromEntries(['timeout', 'retries', 'circuitBreaker', 'bulkhead', 'fallback'].map((k) => [k, z.unknown().optional().meta({ description: 'Not for publish (asynchronous)' })])),
      })
      .superRefine((step: unknown, ctx) => {
        if (!isObject(step)) return;
        for (const key of ['timeout', 'retries', 'circuitBreaker', 'bulkhead', 'fallback']) {
          if (step[key] !== undefined) {
            ctx.addIssue({ code: 'custom', path: [key], message: `${key} does not apply to publish: a publish is asynchronous (the caller does not wait for the consumer), so there is no answer to time out, retry or fall back from`, input: step[key] });
          }
        }
      }, ALWAYS)
      .meta({ description: 'Hand a message to a queue component and go on at once (the caller pays only the publish latency); a consumer handles it later' }),
    walk: (step, path, visit) => visit.uses('queue', step.publish, [...path, 'publish']),
    emit(scope: StepScope, step: PublishStep) {
      const { b } = scope.ctx;
      b.emit(Op.FORK, 1, b.block(queuePublishBlock(step.publish)));
    },
  },
];

export const STEP_KEYS = STEP_KINDS.map((k) => k.key);

function stepUnionMessage(input: unknown): string | undefined {
  if (input === undefined) return undefined;
  const expected = `a step is a map with exactly one of: ${STEP_KEYS.join(', ')}`;
  if (!isObject(input)) return `${expected}; got ${show(input)}`;
  const keys = Object.keys(input);
  const kinds = keys.filter((k) => STEP_KEYS.includes(k));
  if (kinds.length > 1) return `${expected}; got ${kinds.join(' and ')}`;
  const unknown = keys.filter((k) => !STEP_KEYS.includes(k));
  if (kinds.length === 0 && unknown.length > 0) return `unknown step '${unknown[0]}'${didYouMean(unknown[0], STEP_KEYS)} (${expected})`;
  return expected;
}

export const stepSchema: z.ZodType<Step> = z
  .union(STEP_KINDS.map((k) => k.schema) as [z.ZodType, z.ZodType, ...z.ZodType[]], {
    error: (iss) => stepUnionMessage(iss.input),
  })
  .meta({ id: 'step', description: `One step of an operation: a map with exactly one of ${STEP_KEYS.join(', ')}` }) as z.ZodType<Step>;

/**
 * Walk raw steps (possibly invalid) to find every synchronous call and every component used
 * directly (cache, external, database queries), nested ones included.
 */
export function walkSteps(list: unknown, path: PathSegment[], found: Omit<StepVisitor, 'steps'>): void {
  if (!Array.isArray(list)) return;
  const visit: StepVisitor = { ...found, steps: (nested, nestedPath) => walkSteps(nested, nestedPath, found) };
  list.forEach((step, i) => {
    if (!isObject(step)) return;
    for (const kind of STEP_KINDS) {
      if (kind.key in step) kind.walk(step, [...path, i], visit);
    }
  });
}

/** Emit the instructions of a list of (validated) steps. */
export function emitSteps(scope: StepScope, steps: readonly Step[], path: PathSegment[]): void {
  steps.forEach((step, i) => {
    const kind = STEP_KINDS.find((k) => k.key in step);
    if (!kind) {
      scope.ctx.error([...path, i], `a step needs one of: ${STEP_KEYS.join(', ')}`);
      return;
    }
    kind.emit(scope, step as never, [...path, i]);
  });
}
