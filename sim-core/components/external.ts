import * as z from 'zod';
import type { ComponentKind } from '../model/compile-context.ts';
import { countOrUnbounded, distribution, share, shareValue } from '../model/schema-fields.ts';
import { externalCallBlock } from '../model/steps.ts';
import { CAUSE_EXTERNAL_ERROR } from '../metrics/replication-result.ts';

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
 *   <external>#call:  ENTER station; SLEEP latency; LEAVE; FAIL errors external-error; RETURN
 * The error is drawn after the latency: a failing call still takes its time.
 *
 * Streams: `<external>` for latency draws, `<external>.errors` for the error draws.
 * Not yet: a rate limit (a token bucket, which comes with the gateway component).
 */
export const externalSchema = z.strictObject({
  kind: z.literal('external'),
  latency: distribution('Response time of one call as the caller sees it (network included), e.g. lognormal(p50=120ms, p99=900ms)'),
  errors: share('Share of calls that fail with external-error, e.g. 0.5%').default(0),
  concurrency: countOrUnbounded(1, 'Calls served at once (a concurrency limit); beyond it calls wait in the queue').default('unbounded'),
  queue: countOrUnbounded(0, 'Calls that may wait for a free slot (0: fail at once when all are busy); beyond it calls are rejected').default('unbounded'),
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
    b.beginBlock(b.block(externalCallBlock(name)));
    b.enter(station);
    if (latency >= 0) b.sleep(latency, b.stream(name));
    b.leave();
    const errors = shareValue(external.errors) ?? 0;
    if (errors > 0) b.fail(errors, b.stream(`${name}.errors`), CAUSE_EXTERNAL_ERROR, station);
    b.ret();
  },
};
