import * as z from 'zod';
import type { ModelBuilder } from './builder.ts';
import { positiveInt, rate } from './schema-fields.ts';
import { parseRate } from './units.ts';

/**
 * `rateLimit: { rate: 1000/s, burst: 200 }` — a token bucket (gateways, external APIs): `rate`
 * refills it, `burst` is its size, full at the start; a request that finds it empty fails with
 * `rate-limited` (LIMIT in the step program).
 */
export const rateLimitSchema = (description: string) =>
  z
    .strictObject({
      rate: rate('Requests admitted per unit of time, sustained (token refill rate)'),
      burst: positiveInt().meta({ description: 'Bucket size: requests admitted at once after a quiet period' }),
    })
    .meta({ description });

export type RateLimit = z.output<ReturnType<typeof rateLimitSchema>>;

/** The limiter id of a component's rate limit, or -1 without one (or with an invalid rate, which the schema reported). */
export function rateLimiter(b: ModelBuilder, name: string, limit: RateLimit | undefined): number {
  if (!limit) return -1;
  const r = parseRate(limit.rate);
  return r.ok ? b.limiter({ name, ratePerMs: r.value, burst: limit.burst }) : -1;
}
