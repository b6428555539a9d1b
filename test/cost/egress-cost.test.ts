import { describe, expect, it } from 'vitest';
import { loadCostPlan } from '../../sim-core/cli/load-cost-plan.ts';
import { withCost } from '../../sim-core/cost/compute-cost.ts';
import { loadScenario } from '../../sim-core/model/load.ts';
import { runReplications } from '../../sim-core/run/run-replications.ts';
import { compileScenario } from '../helpers/scenario.ts';
import { errorsOf } from '../helpers/errors-of.ts';

/**
 * Data out to users: an endpoint's `responseSize` × its successful requests per second, billed at
 * the component it enters through — CloudFront ($0.085/GB) for a cdn, internet egress ($0.09/GB)
 * for a gateway or a service. GB = 10⁹ bytes; a month is 2,628,000 s.
 */
const text = `
archsim: 1
name: egress
run: { duration: 20s, warmup: 5s, replications: 2, seed: 12 }
workload: { arrivals: 1000/s, mix: { page: 1, api: 1, internal: 1 } }
endpoints:
  page:     { call: edge.get, responseSize: 100KB }
  api:      { call: gw.balance, responseSize: 2KB }
  internal: { call: app.balance }
components:
  edge: { kind: cdn, hit: 0.9, latency: const(5ms), origin: app.page }
  gw:   { kind: gateway, routes: { balance: app.balance } }
  app:  { kind: service, workers: unbounded, operations: { page: { cpu: exp(3ms) }, balance: { cpu: exp(1ms) } } }
`;

const toTheCent = (x: number, dollars: number) => expect(Math.abs(x - dollars)).toBeLessThan(0.005);

describe('data out billed from responseSize (seed 12)', () => {
  const scenario = loadScenario(text).scenario!;
  const plan = loadCostPlan('egress.yaml', scenario);
  const r = withCost(runReplications(compileScenario(text)), plan);

  it('the cdn bills CloudFront for the page bytes, to the cent', () => {
    const bytesPerSecond = r.endpoints.page.throughput * 100e3;
    expect(r.components.edge.usage!.bytesOut).toBeCloseTo(bytesPerSecond, 6);
    const line = r.cost.lines.find((l) => l.component === 'edge' && l.item === 'cloudfront.egress')!;
    toTheCent(line.monthly, ((bytesPerSecond * 2_628_000) / 1e9) * 0.085);
    expect(line.unit).toBe('GB');
  });

  it('the gateway bills internet egress beside its requests; an endpoint without a size bills nothing', () => {
    const bytesPerSecond = r.endpoints.api.throughput * 2e3;
    const line = r.cost.lines.find((l) => l.component === 'gw' && l.item === 'internet.egress')!;
    toTheCent(line.monthly, ((bytesPerSecond * 2_628_000) / 1e9) * 0.09);
    expect(r.cost.lines.filter((l) => l.component === 'app')).toEqual([]);
    expect(r.components.app.usage).toBeUndefined();
  });

  it('a size without a unit, or an unknown unit, is an error with its path', () => {
    expect(errorsOf(text.replace('responseSize: 2KB', 'responseSize: 2'))).toEqual(['8:47 endpoints.api.responseSize: a size needs a unit: write 2KB or 2B']);
    expect(errorsOf(text.replace('responseSize: 2KB', 'responseSize: 2kib'))).toEqual(["8:47 endpoints.api.responseSize: unknown unit 'kib' (valid units: B, KB, MB, GB)"]);
  });
});
