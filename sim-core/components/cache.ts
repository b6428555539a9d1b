import * as z from 'zod';
import type { ComponentKind } from '../model/compile-context.ts';
import { ALWAYS, distribution, duration, nonNegativeInt, nonNegativeNumber, positiveInt } from '../model/schema-fields.ts';
import { cacheGetBlock, cacheIdKey, cacheSetBlock } from '../model/block-names.ts';
import { parseDuration } from '../model/units.ts';
import { instanceType, replicaPrice } from '../cost/price-field.ts';

/**
 * `kind: cache` — a key-value cache such as Redis, used from a service operation's steps:
 *
 *   - cache: redis
 *     hit: 0.8                      # share of lookups that find the value, at this call site
 *     miss: [ { call: db.read } ]   # run on a miss; then the value is stored
 *
 * or, with the hit ratio derived from the cache's size and the popularity of the keys:
 *
 *   redis: { kind: cache, latency: const(0.4ms), capacity: 100000, keys: 2000000, zipf: 0.9, ttl: 5m, warm: false }
 *   - cache: redis
 *     miss: [ { query: pg.read } ]
 *
 * Derived hit ratio: an LRU cache of `capacity` entries over `keys` keys whose popularity follows
 * Zipf's law with exponent `zipf` (the i-th most popular key is asked for ∝ 1/i^zipf), entries
 * expiring `ttl` after they were stored. Che's approximation (docs/decisions/0009), evaluated by the
 * engine from the lookup rate it measures (with a ttl the ratio depends on it) and, for a cold
 * cache (`warm: false`: empty at t = 0), from the time since the start: the hit ratio rises as it
 * fills (series `cacheHitRatio`). A call site's own `hit:` overrides the model there.
 *
 * The cache is a station with unbounded workers (a cache server answers far faster than the
 * things in front of it queue; `latency` is the round trip the caller sees, network included,
 * so no hop is added). It emits two blocks the call sites run (steps.ts, `cache` step):
 *   <cache>#get:  ENTER cache; SLEEP latency; LEAVE; RETURN    the lookup
 *   <cache>#set:  ENTER cache; SLEEP latency; LEAVE; RETURN    the store after a miss
 * so a miss costs lookup + miss steps + one more cache latency for the store, and the cache's
 * throughput in the component table counts lookups and stores: λ·(1 + (1 − hit)). The row also
 * reports `lookups` and `hits` per second — the hits are the load the cache removes from what is
 * behind it — and `hitRatio`.
 *
 * `local: true` makes it an in-process cache (Caffeine, a Map) in each replica of the services
 * that use it: `capacity` is per replica and the hit ratio of a replica's lookup follows that
 * replica's own warm-up — Che's cold start evaluated at the lookups it has made since it started
 * (exact for the independent reference model). A replica that joins — scaled out, repaired after a
 * failure or a zone outage, replaced by a deploy — starts empty; `warm` says whether the replicas
 * running at t = 0 start full. Its `latency` is the in-process lookup time. No ttl (not modelled).
 *
 * Streams: `<cache>` for latency draws, `<cache>.hit` for the hit/miss draws of all call sites.
 */
export const cacheSchema = z
  .strictObject({
    kind: z.literal('cache'),
    latency: distribution('Time of one lookup or store as the caller sees it (network included), e.g. const(0.4ms)'),
    capacity: nonNegativeInt().optional().meta({ description: 'Entries the cache holds (LRU eviction); with keys and zipf, the hit ratio is derived' }),
    keys: positiveInt().optional().meta({ description: 'Distinct keys asked for (the key space)' }),
    zipf: nonNegativeNumber('Popularity skew: the i-th most popular key is asked for in proportion to 1/i^zipf (0: all alike; 0.6–1.2 is typical of web workloads)').optional(),
    ttl: duration('Entries expire this long after they were stored (not refreshed by hits)').optional(),
    warm: z.boolean().default(true).meta({ description: 'false: the cache starts empty and warms up over the run' }),
    local: z.boolean().default(false).meta({ description: 'An in-process cache in each replica of its callers: capacity per replica; a replica that joins (scaled out, repaired, redeployed) starts with it empty' }),
    instance: instanceType('Instance type of one cache node, priced from the price list (e.g. cache.m6g.large)').optional(),
    price: replicaPrice('Price of one cache node, e.g. $0.149/h; overrides the price list').optional(),
  })
  .superRefine((cache, ctx) => {
    if (typeof cache !== 'object' || cache === null) return;
    const model = ['capacity', 'keys', 'zipf'] as const;
    const given = model.filter((k) => cache[k] !== undefined);
    if (given.length > 0 && given.length < model.length) {
      for (const k of model.filter((m) => cache[m] === undefined)) {
        ctx.addIssue({ code: 'custom', path: [k], message: `a derived hit ratio needs capacity, keys and zipf together; ${k} is missing`, input: undefined });
      }
    }
    if (cache.local && cache.ttl !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['ttl'], message: 'a ttl on a local cache is not modelled: drop ttl, or make the cache shared (local: false)', input: cache.ttl });
    }
    for (const k of ['ttl', 'warm'] as const) {
      if (given.length === 0 && cache[k] !== undefined && !(k === 'warm' && cache.warm === true)) {
        ctx.addIssue({ code: 'custom', path: [k], message: `${k} shapes a derived hit ratio: give capacity, keys and zipf too (or drop ${k} and set hit: at the call sites)`, input: cache[k] });
      }
    }
  }, ALWAYS)
  .meta({ description: 'A key-value cache (e.g. Redis): lookups and stores with a latency; hit ratio per call site or derived from capacity, keys, zipf and ttl' });

export type Cache = z.output<typeof cacheSchema>;

export const cacheKind: ComponentKind<Cache> = {
  kind: 'cache',
  schema: cacheSchema,
  operationNames: () => [],
  stepLists: () => [],

  compile(ctx, name, cache, path) {
    const { b } = ctx;
    const station = b.station({ name, kind: 'cache', replicas: 1, workers: Infinity, queue: Infinity, balancer: 'roundRobin', ...(cache.local ? { zoneless: true } : {}) });
    const stream = b.stream(name);
    const latency = ctx.dist(cache.latency, [...path, 'latency']);
    for (const block of [cacheGetBlock(name), cacheSetBlock(name)]) {
      b.beginBlock(b.block(block));
      b.enter(station);
      if (latency >= 0) b.sleep(latency, stream);
      b.leave();
      b.ret();
    }
    // Call sites may have registered the cache already (they compile first when listed first).
    const id = b.once(cacheIdKey(name), () => b.cache({ name, model: null }));
    if (cache.local) b.caches[id].local = true;
    if (cache.capacity !== undefined && cache.keys !== undefined && cache.zipf !== undefined) {
      let ttlMs: number | undefined;
      if (cache.ttl !== undefined) {
        const t = parseDuration(cache.ttl);
        if (t.ok) ttlMs = t.value;
        else ctx.error([...path, 'ttl'], t.message);
      }
      b.caches[id].model = { keys: cache.keys, zipf: cache.zipf, capacity: cache.capacity, warm: cache.warm, ...(ttlMs !== undefined ? { ttlMs } : {}) };
    }
  },
};
