import * as z from 'zod';
import type { DeployDef } from './compiled.ts';
import type { CompileContext } from './compile-context.ts';
import type { PathSegment } from './errors.ts';
import { duration, positiveInt, share, shareValue } from './schema-fields.ts';
import { parseDuration } from './units.ts';

/**
 * `deploy:` on a service — deployments inside a run:
 *
 *   deploy: { at: 5m, every: 1w, strategy: rolling, duration: 90s, batch: 1 }
 *   deploy: { at: 5m, strategy: canary, share: 10%, errors: 4%, rollbackAbove: 2%, duration: 10m }
 *
 * restart: all replicas restart together for `duration` (a monolith's deploy: arrivals fail as
 * unavailable); rolling: `batch` replicas at a time are out for `duration` each, the others carry
 * the load; blueGreen: a second fleet as large as the first runs (and is billed) for `duration`,
 * then traffic switches with no dip. canary: `share` of the arrivals go to the new release for
 * `duration`, on canary replicas billed beside the fleet (⌈share × replicas⌉; the canary is sized
 * to its share, so the fleet's capacity per request is unchanged). The new release fails `errors`
 * of its requests (bad-release); once the canary has served `minRequests` and its observed error
 * rate exceeds `rollbackAbove`, it is rolled back at once. Otherwise it is promoted after
 * `duration`: from then on every request runs the new release, with its error rate, until the
 * next deployment (whose canary again carries `errors`). `at` is the first deployment (default:
 * `every`), `every` repeats it (default: once).
 */
export const deploySchema = z
  .strictObject({
    strategy: z.enum(['restart', 'rolling', 'blueGreen', 'canary']).meta({ description: 'restart | rolling | blueGreen | canary' }),
    at: duration('When the first deployment starts (default: every)').optional(),
    every: duration('Time between deployments (default: only one)').optional(),
    duration: duration('restart: how long every replica is out; rolling: per batch; blueGreen: how long the second fleet runs; canary: how long the canary runs before promotion').default('60s'),
    batch: positiveInt().default(1).meta({ description: 'rolling: replicas replaced at a time' }),
    share: share('canary: share of the traffic sent to the new release (default 10%)').optional(),
    errors: share('canary: the new release’s error rate (default 0)').optional(),
    rollbackAbove: share('canary: roll back when the canary’s error rate exceeds this (default 1%)').optional(),
    minRequests: positiveInt().optional().meta({ description: 'canary: requests it must have served before its error rate is judged (default 100)' }),
  })
  .superRefine((d, ctx) => {
    if (d.at === undefined && d.every === undefined) ctx.addIssue({ code: 'custom', path: ['at'], message: 'give at (the first deployment) or every (how often), or both', input: undefined });
    if (d.strategy !== 'canary') {
      for (const key of ['share', 'errors', 'rollbackAbove', 'minRequests'] as const) {
        if (d[key] !== undefined) ctx.addIssue({ code: 'custom', path: [key], message: `${key} is for strategy: canary (this deploy is ${d.strategy})`, input: d[key] });
      }
    }
    const length = parseDuration(d.duration);
    const every = d.every === undefined ? undefined : parseDuration(d.every);
    if (length.ok && every?.ok && length.value >= every.value) {
      ctx.addIssue({ code: 'custom', path: ['duration'], message: `a deployment (${d.duration}) must be shorter than the time between deployments (every: ${d.every})`, input: d.duration });
    }
    if (d.strategy === 'canary' && d.share !== undefined && !((shareValue(d.share) ?? 0) > 0)) {
      ctx.addIssue({ code: 'custom', path: ['share'], message: 'a canary needs a share of the traffic above 0', input: d.share });
    }
  })
  .meta({ description: 'Deployments: restart, rolling, blue-green or canary' });

export type Deploy = z.output<typeof deploySchema>;

const CANARY_DEFAULTS = { share: 0.1, errorRate: 0, rollbackAbove: 0.01, minRequests: 100 };

export function compileDeploy(ctx: CompileContext, d: Deploy, path: PathSegment[], stream: () => number): DeployDef | undefined {
  const ms = (text: string | undefined, key: string): number | undefined => {
    if (text === undefined) return undefined;
    const r = parseDuration(text);
    if (!r.ok) ctx.error([...path, key], r.message);
    return r.ok ? r.value : undefined;
  };
  const every = ms(d.every, 'every');
  if (every !== undefined && every <= 0) {
    ctx.error([...path, 'every'], `every must be positive, got '${d.every}'`);
    return undefined;
  }
  const at = ms(d.at, 'at') ?? every;
  if (at === undefined) return undefined;
  const def: DeployDef = { atMs: at, everyMs: every ?? Infinity, strategy: d.strategy, durationMs: ms(d.duration, 'duration') ?? 60_000, batch: d.batch };
  if (d.strategy === 'canary') {
    def.canary = {
      share: shareValue(d.share) ?? CANARY_DEFAULTS.share,
      errorRate: shareValue(d.errors) ?? CANARY_DEFAULTS.errorRate,
      rollbackAbove: shareValue(d.rollbackAbove) ?? CANARY_DEFAULTS.rollbackAbove,
      minRequests: d.minRequests ?? CANARY_DEFAULTS.minRequests,
      stream: stream(),
    };
  }
  return def;
}
