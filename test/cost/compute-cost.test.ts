import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { computeCost, usageLine, withCost } from '../../sim-core/cost/compute-cost.ts';
import { planCost, type CostPlan } from '../../sim-core/cost/cost-plan.ts';
import { applyPriceOverrides, parsePriceList, type PriceList } from '../../sim-core/cost/price-list.ts';
import { simulate } from '../../sim-core/engine/simulation.ts';
import { formatPath } from '../../sim-core/model/errors.ts';
import { loadModel } from '../../sim-core/model/load.ts';
import { aggregateRun } from '../../sim-core/run/aggregate.ts';
import { summariseReplication } from '../../sim-core/run/summarise.ts';

const bundled = (): PriceList => parsePriceList(parse(readFileSync(new URL('../../scenarios/prices/aws-us-east-1.yaml', import.meta.url), 'utf8'))).list!;

/** |x − cents| < half a cent: "to the cent". */
const toTheCent = (x: number, dollars: number) => expect(Math.abs(x - dollars)).toBeLessThan(0.005);

const SEED = 3;
const scenario = (appExtra: string) => `
archsim: 1
name: priced
run: { duration: 20s, warmup: 2s, replications: 2, seed: ${SEED} }
workload: { arrivals: 200/s }
endpoints: { e: { call: app.op } }
components:
  app: { kind: service, replicas: 3, workers: 4, ${appExtra} operations: { op: { cpu: exp(2ms), steps: [ { call: db.q } ] } } }
  db: { kind: service, workers: 8, operations: { q: { cpu: exp(1ms) } } }
`;

function plannedRun(text: string, list: PriceList) {
  const { scenario, model, errors } = loadModel(text);
  expect(errors).toEqual([]);
  const { plan, problems } = planCost(scenario!.components, list);
  expect(problems).toEqual([]);
  const results = [0, 1].map((replication) => simulate(model!, { replication }));
  return { plan: plan!, result: aggregateRun(model!, results, results.map(summariseReplication), { seed: SEED, wallSeconds: 0, cost: plan }) };
}

describe(`cost of a fixed run, seed ${SEED}`, () => {
  it('3 × m6i.large for the whole run is 3 × $0.096 × 730 = $210.24 a month', () => {
    const { result } = plannedRun(scenario('instance: m6i.large,'), bundled());
    toTheCent(result.cost.monthly, 210.24);
    toTheCent(result.cost.byComponent.app, 210.24);
    expect(result.cost.lines).toEqual([
      { component: 'app', item: 'm6i.large', kind: 'fixed', quantity: 3 * 730, unit: 'replica-h', unitPrice: 0.096, monthly: expect.any(Number) },
    ]);
    expect(result.cost.priceList).toEqual({ name: 'AWS us-east-1, on-demand', date: '2026-11' });
    expect(result.cost.excluded[0]).toBe('components without instance or price: db');
    expect(result.cost.excluded).toContain('storage (EBS volumes, database storage and I/O, backups, snapshots)');
  });

  it('an inline price per replica bills instead of the list: 3 × $50/month = $150', () => {
    const { result } = plannedRun(scenario("price: $50/month,"), bundled());
    toTheCent(result.cost.monthly, 150);
    expect(result.cost.lines[0]).toMatchObject({ item: 'price per replica', quantity: 2190 });
  });

  it('an inline override of the list (prices: { m6i.large: $0.09/h }) moves the bill to 3 × 0.09 × 730 = $197.10', () => {
    const { list } = applyPriceOverrides(bundled(), { 'm6i.large': '$0.09/h' });
    const { result } = plannedRun(scenario('instance: m6i.large,'), list);
    toTheCent(result.cost.monthly, 197.1);
  });

  it('the bill follows the time-weighted replica count, and withCost equals aggregating with the plan', () => {
    const { plan, result } = plannedRun(scenario('instance: m6i.large,'), bundled());
    const scaled = { ...result, components: { ...result.components, app: { ...result.components.app, replicas: 2.5 } } };
    toTheCent(withCost(scaled, plan).cost.monthly, 2.5 * 0.096 * 730);
    expect(withCost(result, plan).cost).toEqual(result.cost);
  });

  it('without a plan, the result says nothing was priced', () => {
    const { model } = loadModel(scenario('instance: m6i.large,'));
    const r = simulate(model!, { replication: 0 });
    const result = aggregateRun(model!, [r], [summariseReplication(r)], { seed: SEED, wallSeconds: 0 });
    expect(result.cost).toEqual({ monthly: 0, byComponent: {}, lines: [], excluded: ['everything: no price list was given'], priceList: null });
  });
});

describe('planCost problems carry their path', () => {
  const problemsOf = (components: Record<string, { kind: string; instance?: unknown; price?: unknown }>) =>
    planCost(components, bundled()).problems.map((p) => `${formatPath(p.segments)}: ${p.message}`);

  it('an unknown instance type, with the nearest known one', () => {
    expect(problemsOf({ app: { kind: 'service', instance: 'm6i.larg' } })).toEqual([
      "components.app.instance: unknown instance type 'm6i.larg' in the price list 'AWS us-east-1, on-demand'; did you mean 'm6i.large'?",
    ]);
  });

  it('an instance type priced per request, and a replica price per GB', () => {
    expect(problemsOf({ a: { kind: 'service', instance: 'sqs.requests' }, b: { kind: 'service', price: '$0.085/GB' } })).toEqual([
      "components.a.instance: 'sqs.requests' is priced $0.40/million in 'AWS us-east-1, on-demand'; a price per replica must be per hour or per month (e.g. $0.096/h), got $0.40/million (per million)",
      'components.b.price: a price per replica must be per hour or per month (e.g. $0.096/h), got $0.085/GB (per GB)',
    ]);
  });

  it('instance and price together: the instance names the line, the price bills it', () => {
    const { plan } = planCost({ app: { kind: 'service', instance: 'm6i.large', price: '$0.05/h' } }, bundled());
    expect(plan!.components.app.fixed).toEqual({ item: 'm6i.large', hourly: 0.05 });
  });
});

describe('usage lines (synthetic inputs)', () => {
  const sqs = { item: 'sqs.requests', counter: 'requests', price: { amount: 0.4, unit: 'million' } } as const;

  it('100 requests/s at $0.40/million is 262.8 million requests = $105.12 a month', () => {
    const line = usageLine('events', sqs as never, 100);
    expect(line).toMatchObject({ kind: 'usage', unit: 'million requests', unitPrice: 0.4 });
    expect(line.quantity).toBeCloseTo(262.8, 9);
    toTheCent(line.monthly, 105.12);
  });

  it('1 MB/s out at $0.09/GB is 2,628 GB = $236.52 a month', () => {
    const line = usageLine('cdn', { item: 'internet.egress', counter: 'bytesOut', price: { amount: 0.09, unit: 'GB' } } as never, 1e6);
    expect(line.quantity).toBeCloseTo(2628, 9);
    toTheCent(line.monthly, 236.52);
  });

  it('a plan with fixed and usage items adds both per component; an unmeasured counter is excluded', () => {
    const plan: CostPlan = {
      priceList: { name: 'test', date: '2026-11' },
      components: {
        events: { fixed: { item: 'kafka.m5.large', hourly: 0.21 }, usage: [sqs as never] },
        gw: { usage: [{ item: 'apigateway.http.requests', counter: 'requests', price: { amount: 1 as never, unit: 'million' } }] },
      },
      excluded: [],
    };
    const cost = computeCost(plan, { events: { replicas: 2, usage: { requests: 100 } }, gw: { replicas: 1 } });
    toTheCent(cost.byComponent.events, 2 * 0.21 * 730 + 105.12);
    toTheCent(cost.monthly, 306.6 + 105.12);
    expect(cost.lines.map((l) => `${l.component} ${l.kind} ${l.item}`)).toEqual(['events fixed kafka.m5.large', 'events usage sqs.requests']);
    expect(cost.excluded[0]).toBe('gw: apigateway.http.requests (the run did not measure requests)');
    expect(cost.byComponent.gw).toBeUndefined();
  });
});
