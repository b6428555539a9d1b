import * as z from 'zod';
import type { ComponentKind } from '../model/compile-context.ts';
import { Op } from '../model/compiled.ts';
import { callTarget, distribution, positiveInt } from '../model/schema-fields.ts';
import { queueDeliverBlock, queuePublishBlock } from '../model/block-names.ts';
import { instanceType, replicaPrice } from '../cost/price-field.ts';
import { isObject } from '../model/is-object.ts';

/**
 * `kind: queue` — a message broker (SQS- or Kafka-like). Publishers hand messages over and go on;
 * a consumer group takes them one by one:
 *
 *   events:
 *     kind: queue
 *     consumer: notifications.send   # the service operation that handles each message
 *     partitions: 6                  # optional: at most this many messages consumed at once
 *     latency: const(2ms)            # optional: what a publish costs the publisher
 *     broker: sqs                    # sqs (billed per request) | kafka (billed per broker)
 *   …
 *   - publish: events
 *
 * The consumer group is the consuming service's replicas × workers: the broker delivers at most
 * that many messages at once (fewer with `partitions`, which limit parallel consumption as Kafka
 * partitions do), FIFO; the others wait in the broker — the backlog. A delivered message is a
 * call to the consumer operation (a network hop each way); the slot is free again when it returns.
 * Give the consumer `balancer: leastConnections` when it has several replicas, so a message goes
 * to a replica with a free worker; if the consumer also serves synchronous requests, messages may
 * also wait in its own queue (and fail if that queue is bounded and full).
 *
 * Compiles to the station `<queue>` (workers = min(partitions, consumers), unbounded FIFO, waits
 * tracked) and two blocks:
 *   <queue>#publish:  [SLEEP latency]; PUBLISH queue <queue>#deliver; RETURN   (call sites FORK it)
 *   <queue>#deliver:  ENTER <queue>; CALL consumer; LEAVE; RETURN              (a detached frame per message)
 * Metrics (component row): published, consumed and failed messages per second, the backlog
 * (mean messages waiting, and the `queueLength` series), the consumer lag (time a message waits in
 * the broker: `wait`), and the end-to-end latency from publish to consumed (`endToEnd`).
 *
 * Billing: `broker: sqs` reports `usage.requests` (3 SQS requests a message: send, receive,
 * delete; no batching); `broker: kafka` is billed per broker (`brokers`, default 3) at `instance`.
 */
export const queueSchema = z.strictObject({
  kind: z.literal('queue'),
  consumer: callTarget('The service operation that consumes each message, e.g. notifications.send'),
  partitions: positiveInt().optional().meta({ description: 'At most this many messages are consumed at once (Kafka partitions); default: one per consumer worker' }),
  latency: distribution('Time a publish costs the publisher (the broker’s acknowledgement), e.g. const(2ms)').optional(),
  broker: z.enum(['sqs', 'kafka']).default('sqs').meta({ description: 'sqs: billed per request (3 per message); kafka: billed per broker instance' }),
  brokers: positiveInt().optional().meta({ description: 'Broker instances billed (kafka; default 3)' }),
  instance: instanceType('Instance type of one broker, priced from the price list (e.g. kafka.m5.large)').optional(),
  price: replicaPrice('Price of one broker, e.g. $0.21/h; overrides the price list').optional(),
});

export type Queue = z.output<typeof queueSchema>;

export const queueKind: ComponentKind<Queue> = {
  kind: 'queue',
  schema: queueSchema,
  operationNames: () => [],
  stepLists: () => [],

  // Delivery calls the consumer, so reference checks resolve it like any call.
  calls(name, raw) {
    if (!isObject(raw) || raw.consumer === undefined) return [];
    return [{ owner: queueDeliverBlock(name), target: raw.consumer, path: ['components', name, 'consumer'] }];
  },

  compile(ctx, name, queue, path) {
    const { b } = ctx;
    const [service] = queue.consumer.split('.');
    const consumer = ctx.component(service);
    // An autoscaled consumer may grow to its max: the broker then delivers to that many at most.
    const consumerReplicas = consumer?.kind === 'service' ? (consumer.autoscale?.max ?? consumer.replicas) : 0;
    const consumers = consumer?.kind === 'service' ? consumerReplicas * (consumer.workers === 'unbounded' ? Infinity : consumer.workers) : Infinity;
    const kafka = queue.broker === 'kafka';
    const station = b.station({
      name,
      kind: 'queue',
      replicas: 1,
      workers: Math.min(queue.partitions ?? Infinity, consumers),
      queue: Infinity,
      balancer: 'roundRobin',
      trackWait: true,
      billedInstances: queue.brokers ?? (kafka ? 3 : 1),
    });
    const id = b.queue({ name, requestsPerMessage: kafka ? 0 : 3 });
    const deliver = b.block(queueDeliverBlock(name));
    b.beginBlock(b.block(queuePublishBlock(name)));
    if (queue.latency !== undefined) {
      const latency = ctx.dist(queue.latency, [...path, 'latency']);
      if (latency >= 0) b.sleep(latency, b.stream(name));
    }
    b.emit(Op.PUBLISH, id, deliver);
    b.ret();
    b.beginBlock(deliver);
    b.enter(station);
    b.call(b.block(queue.consumer));
    b.leave();
    b.ret();
  },
};
