import * as z from 'zod';
import type { ComponentKind } from '../model/compile-context.ts';
import { distribution } from '../model/schema-fields.ts';
import { cacheGetBlock, cacheSetBlock } from '../model/steps.ts';

/**
 * `kind: cache` — a key-value cache such as Redis, used from a service operation's steps:
 *
 *   - cache: redis
 *     hit: 0.8                      # share of lookups that find the value, at this call site
 *     miss: [ { call: db.read } ]   # run on a miss; then the value is stored
 *
 * The cache is a station with unbounded workers (a cache server answers far faster than the
 * things in front of it queue; `latency` is the round trip the caller sees, network included,
 * so no hop is added). It emits two blocks the call sites run (steps.ts, `cache` step):
 *   <cache>#get:  ENTER cache; SLEEP latency; LEAVE; RETURN    the lookup
 *   <cache>#set:  ENTER cache; SLEEP latency; LEAVE; RETURN    the store after a miss
 * so a miss costs lookup + miss steps + one more cache latency for the store, and the cache's
 * throughput in the component table counts lookups and stores: λ·(1 + (1 − hit)).
 *
 * Streams: `<cache>` for latency draws, `<cache>.hit` for the hit/miss draws of all call sites.
 * Not yet: a hit ratio derived from capacity, key space and Zipf popularity with a ttl, and
 * cold starts (`warm: false`); the strict schema rejects those keys until they exist.
 */
export const cacheSchema = z.strictObject({
  kind: z.literal('cache'),
  latency: distribution('Time of one lookup or store as the caller sees it (network included), e.g. const(0.4ms)'),
});

export type Cache = z.output<typeof cacheSchema>;

export const cacheKind: ComponentKind<Cache> = {
  kind: 'cache',
  schema: cacheSchema,
  operationNames: () => [],
  stepLists: () => [],

  compile(ctx, name, cache, path) {
    const { b } = ctx;
    const station = b.station({ name, kind: 'cache', replicas: 1, workers: Infinity, queue: Infinity, balancer: 'roundRobin' });
    const stream = b.stream(name);
    const latency = ctx.dist(cache.latency, [...path, 'latency']);
    for (const block of [cacheGetBlock(name), cacheSetBlock(name)]) {
      b.beginBlock(b.block(block));
      b.enter(station);
      if (latency >= 0) b.sleep(latency, stream);
      b.leave();
      b.ret();
    }
  },
};
