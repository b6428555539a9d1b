import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { billedResultsOf } from '../../sim-core/cost/billed-results.ts';
import { computeCost } from '../../sim-core/cost/compute-cost.ts';
import { planCost } from '../../sim-core/cost/cost-plan.ts';
import { parsePriceList, type PriceList } from '../../sim-core/cost/price-list.ts';
import { simulate } from '../../sim-core/engine/simulation.ts';
import { loadModel } from '../../sim-core/model/load.ts';
import { aggregateRun } from '../../sim-core/run/aggregate.ts';
import { summariseReplication } from '../../sim-core/run/summarise.ts';

/**
 * A database is billed per instance: the primary (result `<db>`, 1 replica) and its read
 * replicas (result `<db>.replicas`, readReplicas replicas), all at the component's price, in one
 * fixed line whose quantity is the instance-hours of both.
 */

const bundled = (): PriceList => parsePriceList(parse(readFileSync(new URL('../../scenarios/prices/aws-us-east-1.yaml', import.meta.url), 'utf8'))).list!;

/** |x − dollars| < half a cent: "to the cent". */
const toTheCent = (x: number, dollars: number) => expect(Math.abs(x - dollars)).toBeLessThan(0.005);

describe('which results a fixed price bills', () => {
  it('a database with read replicas bills the primary and the replicas; everything else its own result', () => {
    expect(billedResultsOf('pg', { kind: 'database', readReplicas: 2 })).toEqual(['pg', 'pg.replicas']);
    expect(billedResultsOf('pg', { kind: 'database', readReplicas: 0 })).toEqual(['pg']);
    expect(billedResultsOf('pg', { kind: 'database' })).toEqual(['pg']);
    expect(billedResultsOf('app', { kind: 'service', readReplicas: 2 })).toEqual(['app']);
  });

  it('the plan names the results only when they are not the component alone', () => {
    const { plan, problems } = planCost({
      pg: { kind: 'database', readReplicas: 2, instance: 'db.m6g.large' },
      solo: { kind: 'database', readReplicas: 0, instance: 'db.m6g.large' },
    }, bundled());
    expect(problems).toEqual([]);
    expect(plan!.components.pg.fixed).toEqual({ item: 'db.m6g.large', hourly: 0.159, results: ['pg', 'pg.replicas'] });
    expect(plan!.components.solo.fixed).toEqual({ item: 'db.m6g.large', hourly: 0.159 });
  });
});

describe('database arithmetic (hand-made results)', () => {
  const plan = () => planCost({ pg: { kind: 'database', readReplicas: 2, instance: 'db.m6g.large' } }, bundled()).plan!;

  it('a primary and 2 read replicas at db.m6g.large: 3 × 730 × $0.159 = $348.21 a month', () => {
    const cost = computeCost(plan(), { pg: { replicas: 1 }, 'pg.replicas': { replicas: 2 } });
    expect(cost.lines).toEqual([
      { component: 'pg', item: 'db.m6g.large', kind: 'fixed', quantity: 3 * 730, unit: 'replica-h', unitPrice: 0.159, monthly: expect.any(Number) },
    ]);
    toTheCent(cost.monthly, 348.21);
    toTheCent(cost.byComponent.pg, 348.21);
    expect(Object.keys(cost.byComponent)).toEqual(['pg']);
  });

  it('the replicas are time-weighted like any replica count: 1 + 1.25 replicas is 1,642.5 instance-hours, $261.16', () => {
    const cost = computeCost(plan(), { pg: { replicas: 1 }, 'pg.replicas': { replicas: 1.25 } });
    expect(cost.lines[0].quantity).toBe(1642.5);
    toTheCent(cost.monthly, 261.16); // 1642.5 × 0.159 = 261.1575
  });

  it('a missing replicas result bills the primary alone and says so', () => {
    const cost = computeCost(plan(), { pg: { replicas: 1 } });
    toTheCent(cost.monthly, 116.07);
    expect(cost.excluded[0]).toBe("pg: the instances of pg.replicas (not in the run's results)");
  });
});

const SEED = 5;
const text = `
archsim: 1
name: priced database
run: { duration: 10s, warmup: 1s, replications: 2, seed: ${SEED} }
workload: { arrivals: 100/s }
endpoints: { e: { call: app.op } }
components:
  app: { kind: service, workers: 16, operations: { op: { steps: [ { query: pg.read } ] } } }
  pg: { kind: database, cores: 4, readReplicas: 2, instance: db.m6g.large, queries: { read: exp(2ms), write: exp(5ms) } }
`;

describe(`a database with 2 read replicas on a fixed run, seed ${SEED}`, () => {
  it('the run reports pg (1 instance) and pg.replicas (2), and the bill counts all 3: $348.21', () => {
    const { scenario, model, errors } = loadModel(text);
    expect(errors).toEqual([]);
    const { plan, problems } = planCost(scenario!.components, bundled());
    expect(problems).toEqual([]);
    const replications = [0, 1].map((replication) => simulate(model!, { replication }));
    const result = aggregateRun(model!, replications, replications.map(summariseReplication), { seed: SEED, wallSeconds: 0, cost: plan });
    expect(result.components.pg.replicas).toBe(1);
    expect(result.components['pg.replicas'].replicas).toBe(2);
    expect(result.cost.lines.filter((l) => l.component === 'pg')).toEqual([
      { component: 'pg', item: 'db.m6g.large', kind: 'fixed', quantity: 2190, unit: 'replica-h', unitPrice: 0.159, monthly: expect.any(Number) },
    ]);
    toTheCent(result.cost.byComponent.pg, 348.21);
    expect(result.cost.byComponent['pg.replicas']).toBeUndefined();
    expect(result.cost.excluded[0]).toBe('components without instance or price: app');
  });
});
