import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { computeCost } from '../../sim-core/cost/compute-cost.ts';
import { planCost } from '../../sim-core/cost/cost-plan.ts';
import { parsePriceList, type PriceList } from '../../sim-core/cost/price-list.ts';
import { QUEUE_REQUESTS, usageItemsOf } from '../../sim-core/cost/usage-items.ts';
import { SECONDS_PER_MONTH } from '../../sim-core/cost/money.ts';
import { simulate } from '../../sim-core/engine/simulation.ts';
import { loadModel } from '../../sim-core/model/load.ts';
import { aggregateRun } from '../../sim-core/run/aggregate.ts';
import { summariseReplication } from '../../sim-core/run/summarise.ts';

/**
 * Queues: `broker: sqs` (the default) is billed per SQS API request — the run reports them per
 * second in `usage.requests`, three per message (send, receive, delete); `broker: kafka` per
 * broker-hour of its instance type, its result's `replicas` being the broker count. Arithmetic
 * on hand-made component results, then one fixed run of each broker end to end.
 */

const bundled = (): PriceList => parsePriceList(parse(readFileSync(new URL('../../scenarios/prices/aws-us-east-1.yaml', import.meta.url), 'utf8'))).list!;

/** |x − dollars| < half a cent: "to the cent". */
const toTheCent = (x: number, dollars: number) => expect(Math.abs(x - dollars)).toBeLessThan(0.005);

describe('queue usage items', () => {
  it('sqs (and the default) bills sqs.requests on the requests counter; kafka bills no usage', () => {
    expect(QUEUE_REQUESTS).toBe('requests');
    expect(usageItemsOf({ kind: 'queue' })).toEqual([{ counter: 'requests', item: 'sqs.requests' }]);
    expect(usageItemsOf({ kind: 'queue', broker: 'sqs' })).toEqual([{ counter: 'requests', item: 'sqs.requests' }]);
    expect(usageItemsOf({ kind: 'queue', broker: 'kafka' })).toEqual([]);
  });
});

describe('SQS: billed by usage only', () => {
  it('50 messages/s = 150 requests/s = 394.2 million requests a month at $0.40/million: $157.68', () => {
    const { plan, problems } = planCost({ events: { kind: 'queue', broker: 'sqs' } }, bundled());
    expect(problems).toEqual([]);
    // Priced by usage, so not listed among the components without instance or price.
    expect(plan!.excluded).toEqual([]);
    expect(plan!.components.events).toEqual({ usage: [{ item: 'sqs.requests', counter: 'requests', price: { amount: 0.4, unit: 'million' } }] });

    const messagesPerSecond = 50;
    const cost = computeCost(plan!, { events: { replicas: 1, usage: { requests: 3 * messagesPerSecond } } });
    expect(cost.lines).toEqual([
      { component: 'events', item: 'sqs.requests', kind: 'usage', quantity: expect.any(Number), unit: 'million requests', unitPrice: 0.4, monthly: expect.any(Number) },
    ]);
    expect(cost.lines[0].quantity).toBeCloseTo(394.2, 9);
    toTheCent(cost.monthly, 157.68);
    toTheCent(cost.byComponent.events, 157.68);
  });

  it('a run that did not measure the requests leaves them out and says so', () => {
    const { plan } = planCost({ events: { kind: 'queue' } }, bundled());
    const cost = computeCost(plan!, { events: { replicas: 1 } });
    expect(cost.monthly).toBe(0);
    expect(cost.excluded[0]).toBe('events: sqs.requests (the run did not measure requests)');
  });

  it('a price list without sqs.requests leaves the queue out before the run', () => {
    const list = bundled();
    const lines = { ...list.lines };
    delete lines['sqs.requests'];
    const { plan } = planCost({ events: { kind: 'queue' } }, { ...list, lines });
    expect(plan!.components).toEqual({});
    expect(plan!.excluded).toEqual(["events: sqs.requests (not in the price list 'AWS us-east-1, on-demand')"]);
  });
});

describe('Kafka: billed per broker-hour', () => {
  it('3 brokers at kafka.m5.large: 3 × 730 × $0.21 = $459.90 a month, no usage line', () => {
    const { plan, problems } = planCost({ events: { kind: 'queue', broker: 'kafka', instance: 'kafka.m5.large' } }, bundled());
    expect(problems).toEqual([]);
    expect(plan!.components.events).toEqual({ fixed: { item: 'kafka.m5.large', hourly: 0.21 }, usage: [] });
    // The usage the run reports (if any) is not billed: MSK charges brokers, not requests.
    const cost = computeCost(plan!, { events: { replicas: 3, usage: { requests: 150 } } });
    expect(cost.lines).toEqual([
      { component: 'events', item: 'kafka.m5.large', kind: 'fixed', quantity: 2190, unit: 'replica-h', unitPrice: 0.21, monthly: expect.any(Number) },
    ]);
    toTheCent(cost.monthly, 459.9);
  });

  it('6 brokers double it: $919.80', () => {
    const { plan } = planCost({ events: { kind: 'queue', broker: 'kafka', instance: 'kafka.m5.large' } }, bundled());
    toTheCent(computeCost(plan!, { events: { replicas: 6 } }).monthly, 919.8);
  });

  it('a Kafka queue without instance or price is listed as unpriced', () => {
    const { plan } = planCost({ events: { kind: 'queue', broker: 'kafka' } }, bundled());
    expect(plan!.components).toEqual({});
    expect(plan!.excluded).toEqual(['components without instance or price: events']);
  });
});

const SEED = 9;
const queueScenario = (queue: string) => `
archsim: 1
name: queued
run: { duration: 20s, warmup: 2s, replications: 2, seed: ${SEED} }
workload: { arrivals: 50/s }
endpoints: { e: { call: app.op } }
components:
  app: { kind: service, workers: 8, operations: { op: { cpu: exp(1ms), steps: [ { publish: events } ] } } }
  mailer: { kind: service, workers: 4, operations: { send: { cpu: exp(5ms) } } }
  events: { kind: queue, consumer: mailer.send, ${queue} }
`;

function queuedRun(queue: string) {
  const { scenario, model, errors } = loadModel(queueScenario(queue));
  expect(errors).toEqual([]);
  const { plan, problems } = planCost(scenario!.components, bundled());
  expect(problems).toEqual([]);
  const replications = [0, 1].map((replication) => simulate(model!, { replication }));
  return aggregateRun(model!, replications, replications.map(summariseReplication), { seed: SEED, wallSeconds: 0, cost: plan });
}

describe(`queues on a fixed run, seed ${SEED}`, () => {
  it('sqs: 3 requests per published message, billed to the cent at $0.40/million', () => {
    const result = queuedRun('broker: sqs');
    const events = result.components.events as typeof result.components.events & { published: number };
    expect(events.published).toBeGreaterThan(0);
    expect(events.usage!.requests).toBeCloseTo(3 * events.published, 9);
    const dollars = Math.round(((events.usage!.requests * SECONDS_PER_MONTH) / 1e6) * 0.4 * 100) / 100;
    expect(result.cost.lines.filter((l) => l.component === 'events')).toEqual([
      { component: 'events', item: 'sqs.requests', kind: 'usage', quantity: expect.any(Number), unit: 'million requests', unitPrice: 0.4, monthly: expect.any(Number) },
    ]);
    toTheCent(result.cost.byComponent.events, dollars);
    // ≈ 50 messages/s × 3 = 150 requests/s: $157.68 (Poisson count over 2 × 18 s, 5 sd).
    expect(Math.abs(dollars - 157.68)).toBeLessThan(5 * Math.sqrt(50 * 36) / 36 * 3 * 2.628 * 0.4);
    expect(result.cost.excluded[0]).toBe('components without instance or price: app, mailer');
  });

  it('kafka: 3 brokers (the default) at kafka.m5.large, $459.90, no usage line', () => {
    const result = queuedRun('broker: kafka, instance: kafka.m5.large');
    expect(result.components.events.replicas).toBe(3);
    expect(result.cost.lines.filter((l) => l.component === 'events')).toEqual([
      { component: 'events', item: 'kafka.m5.large', kind: 'fixed', quantity: 2190, unit: 'replica-h', unitPrice: 0.21, monthly: expect.any(Number) },
    ]);
    toTheCent(result.cost.byComponent.events, 459.9);
  });
});
