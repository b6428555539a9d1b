import * as z from 'zod';
import type { AutoscaleDef } from './compiled.ts';
import type { CompileContext } from './compile-context.ts';
import type { PathSegment } from './errors.ts';
import { duration, positiveInt, positiveNumber, shareValue } from './schema-fields.ts';
import { parseDuration, parsePercent } from './units.ts';

/**
 * `autoscale:` on a service — target tracking, as Kubernetes' HorizontalPodAutoscaler:
 *
 *   autoscale: { min: 5, max: 50, metric: utilisation, target: 60%, every: 15s, provision: 60s, cooldown: 2m }
 *
 * Every `every` the metric measured since the last evaluation — utilisation of the serving
 * replicas; waiting requests per serving replica (`metric: queueLength`, a number as target); or
 * the 95th percentile of the service's visits, from arrival to leaving, its calls included
 * (`metric: p95`, a duration as target) — sets desired = ⌈replicas × metric ÷ target⌉ within
 * [min, max] (replicas averaged over the last period; no change while the metric is within 10%
 * of the target). That proportional rule is what an HPA does with a custom metric; latency is not
 * proportional to 1/replicas, so with p95 the count may take a few evaluations to settle. New
 * replicas serve after `provision` (billed from the decision); scale-down waits `cooldown` after
 * the last decision. `replicas` is the count at the start, raised to min or lowered to max. The
 * replica count is a series (`series.replicas`) and cost follows its time-weighted mean.
 */
export const autoscaleSchema = z
  .strictObject({
    min: positiveInt().meta({ description: 'Fewest replicas' }),
    max: positiveInt().meta({ description: 'Most replicas' }),
    metric: z.enum(['utilisation', 'queueLength', 'p95']).default('utilisation').meta({ description: 'What is tracked' }),
    target: z
      .union([positiveNumber('queueLength: waiting requests per replica'), z.string().meta({ description: 'utilisation: a percentage such as 60%; p95: a duration such as 200ms' })])
      .meta({ description: 'The value the metric is kept at: 60% (utilisation), a count per replica (queueLength) or a duration (p95)' }),
    every: duration('How often the metric is evaluated').default('15s'),
    provision: duration('Delay before a new replica serves').default('60s'),
    cooldown: duration('No scale-down sooner than this after the last decision').default('2m'),
  })
  .superRefine((a, ctx) => {
    if (typeof a.min === 'number' && typeof a.max === 'number' && a.min > a.max) {
      ctx.addIssue({ code: 'custom', path: ['min'], message: `min (${a.min}) is above max (${a.max})`, input: a.min });
    }
    if (a.metric === 'utilisation' && !(typeof a.target === 'string' && parsePercent(a.target).ok) && !(typeof a.target === 'number' && a.target <= 1)) {
      ctx.addIssue({ code: 'custom', path: ['target'], message: `a utilisation target is a percentage such as 60%, got ${JSON.stringify(a.target)}`, input: a.target });
    }
    if (a.metric === 'p95' && !(typeof a.target === 'string' && parseDuration(a.target).ok)) {
      ctx.addIssue({ code: 'custom', path: ['target'], message: `a p95 target is a duration such as 200ms, got ${JSON.stringify(a.target)}`, input: a.target });
    }
    if (a.metric === 'queueLength' && typeof a.target !== 'number') {
      ctx.addIssue({ code: 'custom', path: ['target'], message: `a queueLength target is a number of waiting requests per replica, got ${JSON.stringify(a.target)}`, input: a.target });
    }
  })
  .meta({ description: 'Target-tracking autoscaling of the replicas' });

export type Autoscale = z.output<typeof autoscaleSchema>;

/** The engine's AutoscaleDef; it starts at `replicas` brought within [min, max]. */
export function compileAutoscale(ctx: CompileContext, a: Autoscale, replicas: number, path: PathSegment[]): AutoscaleDef | undefined {
  const ms = (text: string, key: string) => {
    const d = parseDuration(text);
    if (!d.ok) ctx.error([...path, key], d.message);
    return d.ok ? d.value : 0;
  };
  const target = a.metric === 'p95' ? ms(String(a.target), 'target') : typeof a.target === 'number' ? a.target : (shareValue(a.target) ?? NaN);
  if (!(target > 0)) {
    ctx.error([...path, 'target'], `the target must be positive, got ${JSON.stringify(a.target)}`);
    return undefined;
  }
  return {
    min: a.min,
    max: a.max,
    initial: Math.min(a.max, Math.max(a.min, replicas)),
    metric: a.metric,
    target,
    everyMs: Math.max(1, ms(a.every, 'every')),
    provisionMs: ms(a.provision, 'provision'),
    cooldownMs: ms(a.cooldown, 'cooldown'),
  };
}
