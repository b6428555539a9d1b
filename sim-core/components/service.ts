import * as z from 'zod';
import { BALANCERS, type Balancer } from '../model/compiled.ts';
import type { ComponentKind, StepList } from '../model/compile-context.ts';
import { instanceType, replicaPrice } from '../cost/price-field.ts';
import { countOrUnbounded, distribution, namedRecord, positiveInt } from '../model/schema-fields.ts';
import { emitSteps, stepSchema } from '../model/steps.ts';
import { isObject } from '../model/is-object.ts';
import { compileFailures, compileHealthCheck, failuresSchema, healthCheckSchema } from '../model/failures-schema.ts';
import { autoscaleSchema, compileAutoscale } from '../model/autoscale-schema.ts';
import { compileDeploy, deploySchema } from '../model/deploy-schema.ts';
import { resilienceDefaultsSchema } from '../model/resilience.ts';

/**
 * `kind: service` — replicas × a worker pool behind the service's own balancer, each replica
 * with a FIFO queue, and operations that use CPU and then run their steps.
 *
 * An operation compiles to the block `<service>.<operation>`:
 *   ENTER station; SLEEP cpu stream   (no SLEEP without cpu)
 *   async: LEAVE — the worker is free while the steps wait on calls (event loop)
 *   steps …
 *   blocking: LEAVE — the worker was held through the calls
 *   RETURN
 */

const operationSchema = z.strictObject({
  cpu: distribution('Time a worker is busy computing before the steps (none when absent)').optional(),
  steps: z.array(stepSchema).default([]).meta({ description: 'Then, in order: call, delay, branch, parallel' }),
});

export const serviceSchema = z.strictObject({
  kind: z.literal('service'),
  replicas: positiveInt().default(1).meta({ description: 'Replicas behind the service’s own balancer' }),
  balancer: z.enum(BALANCERS as [Balancer, ...Balancer[]]).default('roundRobin').meta({ description: 'How a request picks a replica' }),
  workers: countOrUnbounded(1, 'Concurrent requests per replica; unbounded makes a pure delay'),
  queue: countOrUnbounded(0, 'Waiting slots per replica (0: no waiting room); beyond it requests are rejected').default('unbounded'),
  threading: z.enum(['blocking', 'async']).default('blocking').meta({ description: 'blocking: a worker is held while it waits on its calls; async: freed during calls' }),
  operations: namedRecord(operationSchema, 'operation', 'Operations other components and endpoints call as <service>.<operation>'),
  instance: instanceType('Instance type of one replica, priced from the price list (e.g. m6i.large); or give price').optional(),
  price: replicaPrice('Price of one replica, e.g. $0.096/h; overrides the price list for this component').optional(),
  failures: failuresSchema.optional(),
  healthCheck: healthCheckSchema.optional(),
  autoscale: autoscaleSchema.optional(),
  deploy: deploySchema.optional(),
  resilience: resilienceDefaultsSchema.optional(),
});

export type Service = z.output<typeof serviceSchema>;

export const serviceKind: ComponentKind<Service> = {
  kind: 'service',
  schema: serviceSchema,

  operationNames(raw) {
    return isObject(raw) && isObject(raw.operations) ? Object.keys(raw.operations) : [];
  },

  stepLists(name, raw) {
    if (!isObject(raw) || !isObject(raw.operations)) return [];
    const lists: StepList[] = [];
    for (const [op, def] of Object.entries(raw.operations)) {
      if (isObject(def)) lists.push({ owner: `${name}.${op}`, path: ['components', name, 'operations', op, 'steps'], steps: def.steps });
    }
    return lists;
  },

  compile(ctx, name, service, path) {
    const { b } = ctx;
    const autoscale = service.autoscale ? compileAutoscale(ctx, service.autoscale, service.replicas, [...path, 'autoscale']) : undefined;
    // An autoscaled service allocates its max; the balancer uses the serving ones.
    const replicas = autoscale ? autoscale.max : service.replicas;
    const station = b.station({
      name,
      kind: 'service',
      replicas,
      ...(autoscale ? { autoscale } : {}),
      ...(service.deploy ? { deploy: compileDeploy(ctx, service.deploy, [...path, 'deploy'], () => b.stream(`${name}.canary`)) } : {}),
      ...(service.failures ? { failures: compileFailures(b, name, service.failures) } : {}),
      ...(service.healthCheck ? { healthCheck: compileHealthCheck(service.healthCheck) } : {}),
      workers: service.workers === 'unbounded' ? Infinity : service.workers,
      queue: service.queue === 'unbounded' ? Infinity : service.queue,
      balancer: service.balancer,
    });
    const stream = b.stream(name);
    for (const [op, def] of Object.entries(service.operations)) {
      const owner = `${name}.${op}`;
      const opPath = [...path, 'operations', op];
      b.beginBlock(b.block(owner));
      b.enter(station);
      if (def.cpu !== undefined) {
        const cpu = ctx.dist(def.cpu, [...opPath, 'cpu']);
        if (cpu >= 0) b.sleep(cpu, stream);
      }
      if (service.threading === 'async') b.leave();
      emitSteps({ ctx, stream, owner, forks: { next: 0 }, caller: { name, station, replicas } }, def.steps, [...opPath, 'steps']);
      if (service.threading === 'blocking') b.leave();
      b.ret();
      // Fork bodies follow their operation, which keeps a disassembly readable.
      b.flushDeferred();
    }
  },
};
