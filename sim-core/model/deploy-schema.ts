import * as z from 'zod';
import type { DeployDef } from './compiled.ts';
import type { CompileContext } from './compile-context.ts';
import type { PathSegment } from './errors.ts';
import { duration, positiveInt } from './schema-fields.ts';
import { parseDuration } from './units.ts';

/**
 * `deploy:` on a service — deployments inside a run:
 *
 *   deploy: { at: 5m, every: 1w, strategy: rolling, duration: 90s, batch: 1 }
 *
 * restart: all replicas restart together for `duration` (a monolith's deploy: arrivals fail as
 * unavailable); rolling: `batch` replicas at a time are out for `duration` each, the others carry
 * the load; blueGreen: a second fleet as large as the first runs (and is billed) for `duration`,
 * then traffic switches with no dip. `at` is the first deployment (default: `every`), `every`
 * repeats it (default: once). Canary releases are not modelled yet.
 */
export const deploySchema = z
  .strictObject({
    strategy: z.enum(['restart', 'rolling', 'blueGreen']).meta({ description: 'restart | rolling | blueGreen' }),
    at: duration('When the first deployment starts (default: every)').optional(),
    every: duration('Time between deployments (default: only one)').optional(),
    duration: duration('restart: how long every replica is out; rolling: per batch; blueGreen: how long the second fleet runs').default('60s'),
    batch: positiveInt().default(1).meta({ description: 'rolling: replicas replaced at a time' }),
  })
  .superRefine((d, ctx) => {
    if (d.at === undefined && d.every === undefined) ctx.addIssue({ code: 'custom', path: ['at'], message: 'give at (the first deployment) or every (how often), or both', input: undefined });
  })
  .meta({ description: 'Deployments: restart, rolling or blue-green' });

export type Deploy = z.output<typeof deploySchema>;

export function compileDeploy(ctx: CompileContext, d: Deploy, path: PathSegment[]): DeployDef | undefined {
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
  return { atMs: at, everyMs: every ?? Infinity, strategy: d.strategy, durationMs: ms(d.duration, 'duration') ?? 60_000, batch: d.batch };
}
