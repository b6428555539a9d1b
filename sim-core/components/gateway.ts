import * as z from 'zod';
import type { ComponentKind } from '../model/compile-context.ts';
import { callTarget, distribution, namedRecord, positiveInt } from '../model/schema-fields.ts';
import { Op } from '../model/compiled.ts';
import { rateLimiter, rateLimitSchema } from '../model/rate-limit.ts';
import { isObject } from '../model/is-object.ts';

/**
 * `kind: gateway` — the entry in front of the services: every request pays its latency, passes
 * its rate limit (a token bucket: `rate` refills, `burst` is the bucket's size, full at the start;
 * a request that finds it empty fails with `rate-limited`) and is routed to a service operation.
 *
 *   api:
 *     kind: gateway
 *     api: rest                      # billed as a REST API; default http (cost/usage-items.ts)
 *     latency: const(2ms)
 *     rateLimit: { rate: 1000/s, burst: 200 }
 *     routes: { balance: accounts.getBalance, transfer: payments.transfer }
 *
 * Endpoints call `api.balance`. A route compiles to the block `<gateway>.<route>`:
 *   ENTER station; LIMIT bucket; SLEEP latency; LEAVE; CALL target; RETURN
 * The station has unbounded workers: the gateway's latency is a delay, and its table row shows
 * the requests in it and those it rate-limited (errorsByCause). One bucket per gateway, shared by
 * its routes, as API Gateway's account/stage throttle is.
 *
 * Cost: no instance; each admitted request (rate-limited ones are not billed) at the price of
 * its `api` product — `apigateway.http.requests` or `apigateway.rest.requests` in the price list.
 */
export const gatewaySchema = z.strictObject({
  kind: z.literal('gateway'),
  api: z
    .enum(['rest', 'http'])
    .default('http')
    .meta({ description: 'The API Gateway product it is billed as: http (HTTP API, apigateway.http.requests) or rest (REST API, apigateway.rest.requests)' }),
  latency: distribution('Time each request spends in the gateway').optional(),
  rateLimit: rateLimitSchema('Token bucket; requests that find it empty fail as rate-limited').optional(),
  shed: z
    .strictObject({ maxInFlight: positiveInt().meta({ description: 'Requests in flight (entered, not yet answered) beyond which new ones are rejected at once' }) })
    .optional()
    .meta({ description: 'Load shedding: reject new requests while this many are in flight (row <gateway>.inflight)' }),
  routes: namedRecord(callTarget('The service operation this route forwards to'), 'route', 'Operations the gateway exposes as <gateway>.<route>'),
});

export type Gateway = z.output<typeof gatewaySchema>;

export const gatewayKind: ComponentKind<Gateway> = {
  kind: 'gateway',
  schema: gatewaySchema,

  operationNames(raw) {
    return isObject(raw) && isObject(raw.routes) ? Object.keys(raw.routes) : [];
  },

  stepLists() {
    return [];
  },

  // A route is a call, so reference and cycle checks treat it like one.
  calls(name, raw) {
    if (!isObject(raw) || !isObject(raw.routes)) return [];
    return Object.entries(raw.routes).map(([route, target]) => ({ owner: `${name}.${route}`, target, path: ['components', name, 'routes', route] }));
  },

  compile(ctx, name, gateway, path) {
    const { b } = ctx;
    const station = b.station({ name, kind: 'gateway', replicas: 1, workers: Infinity, queue: Infinity, balancer: 'roundRobin' });
    const stream = b.stream(name);
    const latency = gateway.latency === undefined ? -1 : ctx.dist(gateway.latency, [...path, 'latency']);
    const limiter = rateLimiter(b, name, gateway.rateLimit);
    // Load shedding: a station of maxInFlight slots and no waiting room, held from entry to answer.
    const shed = gateway.shed
      ? b.station({ name: `${name}.inflight`, kind: 'shedding', replicas: 1, workers: gateway.shed.maxInFlight, queue: 0, balancer: 'roundRobin' })
      : -1;
    for (const [route, target] of Object.entries(gateway.routes)) {
      const routeBlock = b.block(`${name}.${route}`);
      const body = shed >= 0 ? b.block(`${name}.${route}#admitted`) : routeBlock;
      if (shed >= 0) {
        b.beginBlock(routeBlock);
        b.enter(shed);
        b.emit(Op.FORK, 1, body);
        b.leave();
        b.ret();
      }
      b.beginBlock(body);
      b.enter(station);
      if (limiter >= 0) b.limit(limiter, station);
      if (latency >= 0) b.sleep(latency, stream);
      b.leave();
      b.call(b.block(target));
      b.ret();
    }
  },
};
