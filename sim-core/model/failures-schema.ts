import * as z from 'zod';
import { parseDistribution } from './distribution-text.ts';
import { positiveInt, share } from './schema-fields.ts';
import { parseDuration } from './units.ts';
import type { DistSpec } from '../engine/distributions.ts';

/**
 * Failure settings (issue 5, docs/uptime-method.md):
 *
 *   components:
 *     app:
 *       kind: service
 *       replicas: 3
 *       failures: { mtbf: 720h, mttr: 30m, required: 2 }   # per replica; the service needs 2 up
 *   zones: 3                                               # replicas spread round-robin over zones
 *   zoneFailures: { mtbf: 8760h, mttr: 2h }                # a zone outage takes all its replicas
 *   uptime: { horizon: 365d, replications: 200, threshold: 99% }
 *
 * `mtbf`/`mttr` are means of exponential times, or any distribution (`mttr: const(30m)`,
 * `mttr: lognormal(p50=20m, p99=3h)`); both must be positive.
 */
const positiveTime = (what: string) =>
  z
    .string()
    .superRefine((text, ctx) => {
      const spec = timeSpec(text);
      if (typeof spec === 'string') ctx.addIssue({ code: 'custom', message: `${what}: ${spec}`, input: text });
    })
    .meta({ description: `${what}: a positive duration (the mean of an exponential time, e.g. 720h) or a distribution (const(30m))` });

/** Text → a time distribution with a positive mean, or the message saying why not. */
export function timeSpec(text: string): DistSpec | string {
  const d = parseDuration(text);
  if (d.ok) return d.value > 0 ? { kind: 'exp', mean: d.value } : `must be positive, got '${text}'`;
  const dist = parseDistribution(text);
  if (!dist.ok) return dist.message;
  return dist.value;
}

export const failuresSchema = z
  .strictObject({
    mtbf: positiveTime('mean time between failures of one replica'),
    mttr: positiveTime('mean time to repair one replica'),
    required: positiveInt().optional().meta({ description: 'Replicas that must be up for the component to serve (default 1)' }),
  })
  .meta({ description: 'Independent failures and repairs of each replica, for availability and uptime (docs/uptime-method.md)' });

export type Failures = z.output<typeof failuresSchema>;

export const zoneFailuresSchema = z
  .strictObject({
    mtbf: positiveTime('mean time between outages of one zone'),
    mttr: positiveTime('mean time to repair a zone'),
  })
  .meta({ description: 'Zone outages: every replica in the zone goes down at once' });

export const uptimeSchema = z
  .strictObject({
    horizon: z.string().default('365d').meta({ description: 'Length of each failure-only replication (default a year)' }),
    replications: positiveInt().default(200).meta({ description: 'Failure-only replications (cheap: ~1 ms a simulated year)' }),
    threshold: share('A state (and a minute in it) counts as down when fewer than this share of its requests succeed within the SLO; default 99%').default(0.99),
  })
  .meta({ description: 'The two-time-scale availability study (docs/uptime-method.md)' });
