import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { computeCost } from '../../sim-core/cost/compute-cost.ts';
import { planCost } from '../../sim-core/cost/cost-plan.ts';
import { SECONDS_PER_MONTH } from '../../sim-core/cost/money.ts';
import { parsePriceList, type PriceList } from '../../sim-core/cost/price-list.ts';
import { simulate } from '../../sim-core/engine/simulation.ts';
import { CAUSE_RATE_LIMITED } from '../../sim-core/metrics/replication-result.ts';
import { loadModel } from '../../sim-core/model/load.ts';
import { aggregateRun } from '../../sim-core/run/aggregate.ts';
import { summariseReplication } from '../../sim-core/run/summarise.ts';

/**
 * A gateway's usage line: the requests it admitted per second (rate-limited ones are not billed:
 * API Gateway does not charge for throttled 429s) × SECONDS_PER_MONTH ÷ 10⁶ × the price per million.
 */

const bundled = (): PriceList => parsePriceList(parse(readFileSync(new URL('../../scenarios/prices/aws-us-east-1.yaml', import.meta.url), 'utf8'))).list!;

/** |x − dollars| < half a cent: "to the cent". */
const toTheCent = (x: number, dollars: number) => expect(Math.abs(x - dollars)).toBeLessThan(0.005);

describe('gateway usage arithmetic', () => {
  it('100 admitted requests/s is 262.8 million requests a month: $262.80 as an HTTP API, $919.80 as a REST API', () => {
    expect(SECONDS_PER_MONTH).toBe(2_628_000);
    for (const [api, item, dollars] of [
      ['http', 'apigateway.http.requests', 262.8],
      ['rest', 'apigateway.rest.requests', 919.8],
    ] as const) {
      const { plan, problems } = planCost({ gw: { kind: 'gateway', api } }, bundled());
      expect(problems).toEqual([]);
      const cost = computeCost(plan!, { gw: { replicas: 1, usage: { requests: 100 } } });
      expect(cost.lines).toEqual([
        { component: 'gw', item, kind: 'usage', quantity: expect.any(Number), unit: 'million requests', unitPrice: expect.any(Number), monthly: expect.any(Number) },
      ]);
      expect(cost.lines[0].quantity).toBeCloseTo(262.8, 9);
      toTheCent(cost.monthly, dollars);
    }
  });

  it('a gateway has no fixed line: with no instance or price it is billed by usage alone', () => {
    const { plan } = planCost({ gw: { kind: 'gateway' } }, bundled());
    expect(plan!.components.gw.fixed).toBeUndefined();
    // It is priced (by usage), so it is not listed among the unpriced components.
    expect(plan!.excluded.some((e) => e.includes('gw'))).toBe(false);
    expect(plan!.components.gw.usage.length).toBeGreaterThan(0);
  });
});

const SEED = 7;
const OFFERED = 200; // Poisson arrivals per second
const LIMIT = 100; // token refill rate per second: half the requests are throttled
const scenario = (rateLimit: string) => `
archsim: 1
name: gateway usage
run: { duration: 60s, warmup: 5s, replications: 2, seed: ${SEED} }
workload: { arrivals: ${OFFERED}/s }
endpoints: { e: { call: gw.op } }
components:
  gw: { kind: gateway, latency: const(1ms), ${rateLimit} routes: { op: app.op } }
  app: { kind: service, workers: 8, instance: m6i.large, operations: { op: { cpu: exp(2ms) } } }
`;

function plannedRun(text: string) {
  const { scenario: parsed, model, errors } = loadModel(text);
  expect(errors).toEqual([]);
  const { plan, problems } = planCost(parsed!.components, bundled());
  expect(problems).toEqual([]);
  const replications = [0, 1].map((replication) => simulate(model!, { replication }));
  const result = aggregateRun(model!, replications, replications.map(summariseReplication), { seed: SEED, wallSeconds: 0, cost: plan });
  // The admitted rate straight from the raw tallies, averaged over the replications.
  const rates = replications.map((r) => {
    const gw = r.stations.find((s) => s.name === 'gw')!;
    return { reached: gw.completed / (r.measuredMs / 1000), admitted: (gw.completed - gw.failedByCause[CAUSE_RATE_LIMITED]) / (r.measuredMs / 1000) };
  });
  const mean = (pick: (x: (typeof rates)[number]) => number) => rates.reduce((s, x) => s + pick(x), 0) / rates.length;
  return { result, reached: mean((x) => x.reached), admitted: mean((x) => x.admitted), measuredSeconds: replications[0].measuredMs / 1000 };
}

describe(`gateway usage on a fixed run, seed ${SEED}`, () => {
  it(`${OFFERED}/s offered, limit ${LIMIT}/s: only admitted requests are billed, to the cent, at $1.00/million`, () => {
    const { result, reached, admitted, measuredSeconds } = plannedRun(scenario(`rateLimit: { rate: ${LIMIT}/s, burst: 10 },`));
    const gw = result.components.gw;
    expect(gw.usage!.requests).toBeCloseTo(admitted, 9);
    // The station counts every request that reached it; the rate-limited ones are not billed.
    expect(gw.throughput).toBeCloseTo(reached, 9);
    expect(gw.usage!.requests).toBeCloseTo(gw.throughput - gw.errorsByCause['rate-limited'], 9);
    expect(gw.errorsByCause['rate-limited']).toBeGreaterThan(0.4 * OFFERED);

    // Offered load far above the limit keeps the bucket empty: admitted ≈ the limit. Its count
    // over the window varies at most like a Poisson count, sd √(λT), so z = 5 over 2 replications.
    const tolerance = (5 * Math.sqrt(LIMIT * measuredSeconds)) / measuredSeconds / Math.sqrt(2);
    expect(Math.abs(admitted - LIMIT)).toBeLessThan(tolerance);

    const line = result.cost.lines.find((l) => l.component === 'gw')!;
    expect(line).toMatchObject({ item: 'apigateway.http.requests', kind: 'usage', unit: 'million requests', unitPrice: 1 });
    const dollars = Math.round(admitted * SECONDS_PER_MONTH / 1e6 * 100) / 100;
    toTheCent(line.monthly, dollars);
    toTheCent(result.cost.byComponent.gw, dollars);
    // ≈ $262.80 for 100/s; the whole bill adds one m6i.large: 0.096 × 730 = $70.08.
    expect(Math.abs(dollars - 262.8)).toBeLessThan(tolerance * 2.628 + 0.01);
    toTheCent(result.cost.monthly, dollars + 70.08);
  });

  it(`without a rate limit every request that reached the gateway is billed (≈ ${OFFERED}/s)`, () => {
    const { result, reached, measuredSeconds } = plannedRun(scenario(''));
    const gw = result.components.gw;
    expect(gw.errorsByCause['rate-limited']).toBe(0);
    expect(gw.usage!.requests).toBeCloseTo(reached, 9);
    const tolerance = (5 * Math.sqrt(OFFERED * measuredSeconds)) / measuredSeconds / Math.sqrt(2);
    expect(Math.abs(reached - OFFERED)).toBeLessThan(tolerance);
    toTheCent(result.cost.byComponent.gw, Math.round(reached * SECONDS_PER_MONTH / 1e6 * 100) / 100);
  });
});
