import * as z from 'zod';
import { Op } from './compiled.ts';
import type { StepScope } from './compile-context.ts';
import { show, type PathSegment } from './errors.ts';
import { ALWAYS, callTarget, distribution, probability } from './schema-fields.ts';
import { didYouMean } from './suggest.ts';

/**
 * The steps of a service operation. A step is an object with exactly one key naming its kind.
 * Each kind is one entry in STEP_KINDS (schema, a walker over raw data for reference and cycle
 * checks, and an emitter); adding a kind (query, cache, publish, external) is one more entry.
 */

export interface CallStep { call: string }
export interface DelayStep { delay: string }
export interface BranchOption { p: number; steps: Step[] }
export interface BranchStep { branch: BranchOption[] }
export interface ParallelStep { parallel: Step[][] }
export type Step = CallStep | DelayStep | BranchStep | ParallelStep;

/** Sync calls and nested step lists found while walking raw step data. */
export interface StepVisitor {
  call(target: unknown, path: PathSegment[]): void;
  steps(list: unknown, path: PathSegment[]): void;
}

interface StepKind {
  key: string;
  schema: z.ZodType;
  walk(value: unknown, path: PathSegment[], visit: StepVisitor): void;
  emit(scope: StepScope, step: never, path: PathSegment[]): void;
}

const stepList: z.ZodType<Step[]> = z.lazy(() => z.array(stepSchema));

/** Branch sums are checked here, not only in compile, so `validate` reports them. */
const branchOptions = z
  .array(z.strictObject({ p: probability('Probability of taking this option'), steps: stepList }))
  .min(1, { error: 'a branch needs at least one option' })
  .superRefine((options, ctx) => {
    if (!Array.isArray(options)) return;
    const sum = options.reduce((s, o) => s + (typeof o?.p === 'number' ? o.p : 0), 0);
    if (sum > 1 + 1e-9) ctx.addIssue({ code: 'custom', message: `branch probabilities sum to ${+sum.toPrecision(12)}, above 1`, input: options });
  }, ALWAYS);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export const STEP_KINDS: StepKind[] = [
  {
    key: 'call',
    schema: z.strictObject({ call: callTarget('Synchronous call: waits for the answer') }),
    walk: (value, path, visit) => visit.call(value, path),
    emit(scope: StepScope, step: CallStep) {
      scope.ctx.b.call(scope.ctx.b.block(step.call));
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
    walk(value, path, visit) {
      if (!Array.isArray(value)) return;
      value.forEach((option, i) => {
        if (isObject(option)) visit.steps(option.steps, [...path, i, 'steps']);
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
    walk(value, path, visit) {
      if (Array.isArray(value)) value.forEach((list, i) => visit.steps(list, [...path, i]));
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

/** Walk raw steps (possibly invalid) to find every synchronous call, nested ones included. */
export function walkSteps(list: unknown, path: PathSegment[], onCall: (target: unknown, path: PathSegment[]) => void): void {
  if (!Array.isArray(list)) return;
  const visit: StepVisitor = {
    call: onCall,
    steps: (nested, nestedPath) => walkSteps(nested, nestedPath, onCall),
  };
  list.forEach((step, i) => {
    if (!isObject(step)) return;
    for (const kind of STEP_KINDS) {
      if (kind.key in step) kind.walk(step[kind.key], [...path, i, kind.key], visit);
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
