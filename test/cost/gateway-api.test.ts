import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { planCost } from '../../sim-core/cost/cost-plan.ts';
import { SECONDS_PER_MONTH } from '../../sim-core/cost/money.ts';
import { parsePriceList, type PriceList } from '../../sim-core/cost/price-list.ts';
import { usageItemsOf } from '../../sim-core/cost/usage-items.ts';
import { simulate } from '../../sim-core/engine/simulation.ts';
import { CAUSE_RATE_LIMITED } from '../../sim-core/metrics/replication-result.ts';
import { loadModel } from '../../sim-core/model/load.ts';
import { aggregateRun } from '../../sim-core/run/aggregate.ts';
import { summariseReplication } from '../../sim-core/run/summarise.ts';
import { errorsOf } from '../helpers/errors-of.ts';

/**
 * A gateway is billed per admitted request at the price of its API product: `api: http` (the
 * default) at apigateway.http.requests, `api: rest` at apigateway.rest.requests.
 */

const bundled = (): PriceList => parsePriceList(parse(readFileSync(new URL('../../scenarios/prices/aws-us-east-1.yaml', import.meta.url), 'utf8'))).list!;

/** |x − dollars| < half a cent: "to the cent". */
const toTheCent = (x: number, dollars: number) => expect(Math.abs(x - dollars)).toBeLessThan(0.005);

describe('usageItemsOf picks the item from the gateway’s api', () => {
  it('http by default, rest when asked', () => {
    expect(usageItemsOf({ kind: 'gateway' })).toEqual([{ counter: 'requests', item: 'apigateway.http.requests' }]);
    expect(usageItemsOf({ kind: 'gateway', api: 'http' })).toEqual([{ counter: 'requests', item: 'apigateway.http.requests' }]);
    expect(usageItemsOf({ kind: 'gateway', api: 'rest' })).toEqual([{ counter: 'requests', item: 'apigateway.rest.requests' }]);
    expect(usageItemsOf({ kind: 'service', api: 'rest' })).toEqual([]);
  });

  it('the plan prices each at its own line: $1.00 and $3.50 per million', () => {
    const { plan, problems } = planCost({ h: { kind: 'gateway', api: 'http' }, r: { kind: 'gateway', api: 'rest' } }, bundled());
    expect(problems).toEqual([]);
    expect(plan!.components).toEqual({
      h: { usage: [{ item: 'apigateway.http.requests', counter: 'requests', price: { amount: 1, unit: 'million' } }] },
      r: { usage: [{ item: 'apigateway.rest.requests', counter: 'requests', price: { amount: 3.5, unit: 'million' } }] },
    });
    expect(plan!.excluded).toEqual([]);
  });
});

describe('the api field', () => {
  const text = (api: string) => `archsim: 1
name: gw
workload: { arrivals: 10/s }
endpoints: { e: { call: gw.op } }
components:
  gw: { kind: gateway, ${api} routes: { op: app.op } }
  app: { kind: service, workers: 2, operations: { op: { cpu: exp(1ms) } } }
`;

  it('defaults to http', () => {
    const { scenario, errors } = loadModel(text(''));
    expect(errors).toEqual([]);
    expect(scenario!.components.gw).toMatchObject({ api: 'http' });
  });

  it('anything but rest or http is an error at its path', () => {
    const errors = errorsOf(text('api: soap,'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^6:\d+ components\.gw\.api: .*'soap'/);
    expect(errors[0]).toContain('rest');
  });
});

const SEED = 11;
const OFFERED = 150; // Poisson arrivals per second
const LIMIT = 100; // token refill rate per second
const scenario = (api: string) => `
archsim: 1
name: gateway ${api}
run: { duration: 40s, warmup: 5s, replications: 2, seed: ${SEED} }
workload: { arrivals: ${OFFERED}/s }
endpoints: { e: { call: gw.op } }
components:
  gw: { kind: gateway, api: ${api}, latency: const(1ms), rateLimit: { rate: ${LIMIT}/s, burst: 10 }, routes: { op: app.op } }
  app: { kind: service, workers: 8, instance: m6i.large, operations: { op: { cpu: exp(2ms) } } }
`;

function plannedRun(api: 'rest' | 'http') {
  const { scenario: parsed, model, errors } = loadModel(scenario(api));
  expect(errors).toEqual([]);
  const { plan, problems } = planCost(parsed!.components, bundled());
  expect(problems).toEqual([]);
  const replications = [0, 1].map((replication) => simulate(model!, { replication }));
  const result = aggregateRun(model!, replications, replications.map(summariseReplication), { seed: SEED, wallSeconds: 0, cost: plan });
  // Admitted requests per second straight from the raw tallies, averaged over the replications.
  const admitted = replications.reduce((sum, r) => {
    const gw = r.stations.find((s) => s.name === 'gw')!;
    return sum + (gw.completed - gw.failedByCause[CAUSE_RATE_LIMITED]) / (r.measuredMs / 1000);
  }, 0) / replications.length;
  return { result, admitted };
}

describe(`REST vs HTTP gateway on a fixed run, seed ${SEED}`, () => {
  it('the same admitted requests, billed at $3.50 and $1.00 per million, to the cent', () => {
    const rest = plannedRun('rest');
    const http = plannedRun('http');
    // The api is a billing choice only: the runs are the same request for request.
    expect(rest.admitted).toBe(http.admitted);
    expect(rest.result.components.gw.usage).toEqual(http.result.components.gw.usage);
    expect(rest.admitted).toBeGreaterThan(0);

    const millions = (rest.admitted * SECONDS_PER_MONTH) / 1e6;
    const cents = (dollars: number) => Math.round(dollars * 100) / 100;
    for (const [run, item, price] of [[rest, 'apigateway.rest.requests', 3.5], [http, 'apigateway.http.requests', 1]] as const) {
      const line = run.result.cost.lines.find((l) => l.component === 'gw')!;
      expect(line).toMatchObject({ item, kind: 'usage', unit: 'million requests', unitPrice: price });
      expect(line.quantity).toBeCloseTo(millions, 9);
      toTheCent(line.monthly, cents(millions * price));
      toTheCent(run.result.cost.byComponent.gw, cents(millions * price));
      // Plus one m6i.large for the month: 0.096 × 730 = $70.08.
      toTheCent(run.result.cost.monthly, cents(millions * price) + 70.08);
    }
    toTheCent(rest.result.cost.monthly - http.result.cost.monthly, cents(millions * 2.5));
  });
});
