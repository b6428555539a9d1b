import * as z from 'zod';
import type { ComponentKind } from '../model/compile-context.ts';
import { ALWAYS, callTarget, distribution, namedRecord, positiveInt } from '../model/schema-fields.ts';
import { Op } from '../model/compiled.ts';
import { rateLimiter, rateLimitSchema } from '../model/rate-limit.ts';
import { isObject } from '../model/is-object.ts';
import { show } from '../model/errors.ts';
import { emitSplitCall, routeSplitStream, splitField, splitTargetsOf, type Split } from '../model/split.ts';

/** `{ call, split }`: a route that sends shares of its requests elsewhere. */
export interface SplitRoute {
  call: string;
  split?: Split;
}

/*
 * `call` is required by the refinement, not the shape: with a required key, a map that lacks it
 * fails both forms of the union alike and the user hears "expected 'component.operation', got a
 * map" instead of "missing call". The JSON Schema still lists it as required.
 */
const splitRouteSchema = z
  .strictObject({
    call: callTarget('The service operation this route forwards to (the requests the split does not send elsewhere)').optional(),
    split: splitField().optional(),
  })
  .superRefine((route, ctx) => {
    if (isObject(route) && route.call === undefined) {
      ctx.addIssue({ code: 'custom', path: ['call'], message: `missing required key 'call': the operation that gets the requests the split does not send elsewhere`, input: undefined });
    }
  }, ALWAYS)
  .meta({ required: ['call'] }) as unknown as z.ZodType<SplitRoute>;

/** A route: its target, or `{ call, split }`. */
const routeSchema = z
  .union([callTarget('The service operation this route forwards to'), splitRouteSchema], {
    error: (iss) => {
      const input = iss.input;
      if (input === undefined) return undefined;
      if (isObject(input) && input.call !== undefined && typeof input.call !== 'string') return `expected call: 'component.operation', got ${show(input.call)}`;
      return `expected 'component.operation' or { call: component.operation, split: { … } }, got ${show(input)}`;
    },
  })
  .meta({ description: 'The operation this route forwards to, or { call, split } to send shares of its requests elsewhere' });

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
 *     routes:
 *       balance: accounts.getBalance
 *       transfer: { call: monolith.transfer, split: { payments.transfer: 2% } }   # strangler fig
 *
 * Endpoints call `api.balance`. A route compiles to the block `<gateway>.<route>`:
 *   ENTER station; LIMIT bucket; SLEEP latency; LEAVE; CALL target; RETURN
 * The station has unbounded workers: the gateway's latency is a delay, and its table row shows
 * the requests in it and those it rate-limited (errorsByCause). One bucket per gateway, shared by
 * its routes, as API Gateway's account/stage throttle is.
 *
 * A route with `split` (model/split.ts) sends those shares of its requests to other targets: its
 * CALL becomes a BRANCH, drawn from the stream `components.<gateway>.routes.<route>.split`, to
 * one `CALL target; RETURN` per target. Split targets are calls for reference and cycle checks.
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
  routes: namedRecord(routeSchema, 'route', 'Operations the gateway exposes as <gateway>.<route>'),
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

  // A route is a call (its split targets too), so reference and cycle checks treat it like one.
  calls(name, raw) {
    if (!isObject(raw) || !isObject(raw.routes)) return [];
    return Object.entries(raw.routes).flatMap(([route, def]) => {
      const owner = `${name}.${route}`;
      const path = ['components', name, 'routes', route];
      if (!isObject(def)) return [{ owner, target: def, path }];
      return [{ owner, target: def.call, path: [...path, 'call'] }, ...splitTargetsOf(def.split, [...path, 'split']).map((t) => ({ owner, ...t }))];
    });
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
    for (const [route, def] of Object.entries(gateway.routes)) {
      const { call, split } = typeof def === 'string' ? { call: def, split: undefined } : def;
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
      emitSplitCall(b, routeSplitStream(name, route), call, split);
    }
  },
};
