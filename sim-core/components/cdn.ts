import * as z from 'zod';
import type { ComponentKind } from '../model/compile-context.ts';
import { Op } from '../model/compiled.ts';

import { callTarget, distribution, share, shareValue } from '../model/schema-fields.ts';
import { isObject } from '../model/is-object.ts';

/**
 * `kind: cdn` — an edge cache in front of an origin operation:
 *
 *   edge: { kind: cdn, hit: 0.9, latency: const(5ms), origin: app.getPage }
 *   endpoints: { page: { call: edge.get } }
 *
 * A cdn has one operation, `get`, called like any operation (`call: edge.get` from an endpoint
 * or a step). It compiles to the block `<cdn>.get`:
 *   ENTER edge; SLEEP latency; BRANCH <cdn>.hit [1 − hit] → CALL origin; LEAVE; RETURN
 * The edge is a station with unbounded workers that holds its worker while it fetches from the
 * origin, so its busy count is the requests in flight at the edge. The origin is a normal
 * synchronous call (with the network hop both ways); if it fails, the request fails.
 *
 * Streams: `<cdn>` for latency draws, `<cdn>.hit` for the hit/miss draws.
 */
export const CDN_OPERATION = 'get';

export const cdnSchema = z.strictObject({
  kind: z.literal('cdn'),
  hit: share('Share of requests the edge answers itself: 0.9 or 90%'),
  latency: distribution('Edge response time (the whole time of a hit), e.g. const(5ms)'),
  origin: callTarget('Operation a miss is fetched from: component.operation'),
});

export type Cdn = z.output<typeof cdnSchema>;

export const cdnKind: ComponentKind<Cdn> = {
  kind: 'cdn',
  schema: cdnSchema,
  operationNames: () => [CDN_OPERATION],
  stepLists: () => [],
  /** The origin call, for the reference and cycle checks. */
  calls: (name, raw) =>
    isObject(raw) && raw.origin !== undefined ? [{ owner: `${name}.${CDN_OPERATION}`, target: raw.origin, path: ['components', name, 'origin'] }] : [],

  compile(ctx, name, cdn, path) {
    const { b } = ctx;
    const station = b.station({ name, kind: 'cdn', replicas: 1, workers: Infinity, queue: Infinity, balancer: 'roundRobin' });
    const latency = ctx.dist(cdn.latency, [...path, 'latency']);
    const hit = shareValue(cdn.hit) ?? 1;
    b.beginBlock(b.block(`${name}.${CDN_OPERATION}`));
    b.enter(station);
    if (latency >= 0) b.sleep(latency, b.stream(name));
    if (hit < 1) {
      // u < 1 − hit: the miss, which falls through to the end; otherwise skip it.
      const at = hit > 0 ? b.emit(Op.BRANCH, b.stream(`${name}.hit`), 1, b.constants([1 - hit]), -1, -1) : -1;
      if (at >= 0) b.patch(at + 4, b.pc);
      b.call(b.block(cdn.origin));
      if (at >= 0) b.patch(at + 5, b.pc);
    }
    b.leave();
    b.ret();
  },
};
