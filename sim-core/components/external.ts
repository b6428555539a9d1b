import * as z from 'zod';
import type { ComponentKind } from '../model/compile-context.ts';
import { countOrUnbounded, distribution, share, shareValue } from '../model/schema-fields.ts';
import { externalCallBlock } from '../model/steps.ts';
import { CAUSE_EXTERNAL_ERROR } from '../metrics/replication-result.ts';
import { rateLimiter, rateLimitSchema } from '../model/rate-limit.ts';
import { resilienceDefaultsSchema } from '../model/resilience.ts';

/**
 * `kind: external` — a third-party API, used from a service operation's steps:
 *
 *   bank-api: { kind: external, latency: lognormal(p50=120ms, p99=900ms), errors: 0.5%, concurrency: 50, queue: 0 }
 *   …
 *   - external: bank-api
 *
 * A station with `concurrency` workers (unbounded by default: the API is someone else's
 * capacity) and `queue` waiting slots (unbounded by default; with a finite queue a call that
 * finds every slot taken fails as `rejected`, counted at this component). One block the call
 * sites run as a one-body FORK (no network hop: `latency` is the round trip the caller sees):
 *   <external>#call:  [LIMIT bucket]; ENTER station; SLEEP latency; LEAVE; FAIL errors external-error; RETURN
 * The error is drawn after the latency: a failing call still takes its time. With `rateLimit`
 * (a token bucket: rate + burst, as the provider's quota), a call that finds the bucket empty
 * fails at once with `rate-limited` (an HTTP 429), counted at this component, before it takes a
 * concurrency slot.
 *
 * Streams: `<external>` for latency draws, `<external>.errors` for the error draws.
 */
export const externalSchema = z.strictObject({
  kind: z.literal('external'),
  latency: distribution('Response time of one call as the caller sees it (network included), e.g. lognormal(p50=120ms, p99=900ms)'),
  errors: share('Share of calls that fail with external-error, e.g. 0.5%').default(0),
  concurrency: countOrUnbounded(1, 'Calls served at once (a concurrency limit); beyond it calls wait in the queue').default('unbounded'),
  queue: countOrUnbounded(0, 'Calls that may wait for a free slot (0: fail at once when all are busy); beyond it calls are rejected').default('unbounded'),
  rateLimit: rateLimitSchema('The provider’s quota as a token bucket; calls that find it empty fail as rate-limited').optional(),
  resilience: resilienceDefaultsSchema.optional(),
});

export type External = z.output<typeof externalSchema>;

export const externalKind: ComponentKind<External> = {
  kind: 'external',
  schema: externalSchema,
  operationNames: () => [],
  stepLists: () => [],

  compile(ctx, name, external, path) {
    const { b } = ctx;
    const station = b.station({
      name,
      kind: 'external',
      replicas: 1,
      workers: external.concurrency === 'unbounded' ? Infinity : external.concurrency,
      queue: external.queue === 'unbounded' ? Infinity : external.queue,
      balancer: 'roundRobin',
    });
    const latency = ctx.dist(external.latency, [...path, 'latency']);
    const limiter = rateLimiter(b, name, external.rateLimit);
    b.beginBlock(b.block(externalCallBlock(name)));
    if (limiter >= 0) b.limit(limiter, station);
    b.enter(station);
    if (latency >= 0) b.sleep(latency, b.stream(name));
    b.leave();
    const errors = shareValue(external.errors) ?? 0;
    if (errors > 0) b.fail(errors, b.stream(`${name}.errors`), CAUSE_EXTERNAL_ERROR, station);
    b.ret();
  },
};
