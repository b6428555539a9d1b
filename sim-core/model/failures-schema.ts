import * as z from 'zod';
import { parseDistribution } from './distribution-text.ts';
import { duration, positiveInt, share } from './schema-fields.ts';
import type { ModelBuilder } from './builder.ts';
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

export const healthCheckSchema = z
  .strictObject({
    every: duration('Time between checks').default('10s'),
    unhealthyAfter: positiveInt().default(2).meta({ description: 'Failed checks in a row before the balancer takes a replica out' }),
    healthyAfter: positiveInt().default(2).meta({ description: 'Good checks in a row before it puts it back' }),
  })
  .meta({ description: 'How the balancer notices dead replicas (default: every 10 s, out after 2 failed checks, back after 2 good ones)' });

/** The engine's health check of a component, or undefined for the default. */
export function compileHealthCheck(h: z.output<typeof healthCheckSchema> | undefined): { everyMs: number; unhealthyAfter: number; healthyAfter: number } | undefined {
  if (!h) return undefined;
  const every = parseDuration(h.every);
  return { everyMs: every.ok && every.value > 0 ? every.value : 10_000, unhealthyAfter: h.unhealthyAfter, healthyAfter: h.healthyAfter };
}

/** The engine's random failures of a component's replicas (dist ids), from validated text. */
export function compileFailures(b: ModelBuilder, name: string, f: Failures): { timeToFailure: number; timeToRepair: number; stream: number } {
  const dist = (text: string) => {
    const spec = timeSpec(text);
    if (typeof spec === 'string') throw new Error(`internal: '${text}' passed validation but does not parse: ${spec}`);
    return b.dist(spec);
  };
  return { timeToFailure: dist(f.mtbf), timeToRepair: dist(f.mttr), stream: b.stream(`${name}.failures`) };
}

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
