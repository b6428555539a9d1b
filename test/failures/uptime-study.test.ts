import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../sim-core/model/load.ts';
import { inThreadExecutor } from '../../sim-core/run/in-thread-executor.ts';
import { runScenario } from '../../sim-core/run/run-scenario.ts';
import { runUptimeStudy, type UptimeStudy } from '../../sim-core/run/uptime-study.ts';

/**
 * The two time scales end to end. A service of 2 replicas, each failing with MTBF 10 h and
 * repaired with MTTR 1 h (a = 10/11 per replica), needing 1 up.
 * - Roomy: one replica carries the load, so the success ratio is 1 with 2 or 1 up and 0 with
 *   none: availability = uptime = 1 − (1/11)² = 0.991736.
 * - Tight: one replica cannot carry it (a bounded queue rejects most requests), so the 1-up state
 *   counts as down: uptime = (10/11)² = 0.826446, and availability = (10/11)² + 2·(10/11)(1/11)·s₁.
 */
const scenario = (workers: number) => `
archsim: 1
name: uptime two replicas
run: { duration: 20s, warmup: 2s, replications: 3, seed: 61 }
workload: { arrivals: 400/s }
endpoints: { get: { call: app.get } }
components:
  app:
    kind: service
    replicas: 2
    workers: ${workers}
    queue: 10
    failures: { mtbf: 10h, mttr: 1h }
    operations: { get: { cpu: exp(10ms) } }
uptime: { horizon: 365d, replications: 400 }
`;

async function study(text: string): Promise<UptimeStudy> {
  const s = loadScenario(text).scenario!;
  const executor = inThreadExecutor();
  const nominal = await runScenario(s, { executor });
  return (await runUptimeStudy(s, nominal, { executor }))!;
}

const within = (x: { mean: number; halfWidth: number }, exact: number) => {
  expect(Number.isFinite(x.halfWidth)).toBe(true);
  expect(Math.abs(x.mean - exact)).toBeLessThanOrEqual(x.halfWidth * 1.3); // 95% CI, with margin for 2 estimated sources
};

describe('uptime study: 1 of 2 replicas, MTBF 10 h, MTTR 1 h (seed 61)', () => {
  it('roomy: availability and uptime 1 − (1/11)²', async () => {
    const u = await study(scenario(8)); // 8 workers × 100/s = 800/s per replica
    within(u.availability, 1 - (1 / 11) ** 2);
    within(u.uptime, 1 - (1 / 11) ** 2);
    expect(u.states.map((s) => [s.key, s.source])).toEqual([['app=2', 'nominal run'], ['app=1', 'request-level run'], ['app=0', 'down']]);
    expect(u.states[1].successRatio).toBeGreaterThan(0.999); // a rare rejection from the bounded queue
  });

  it('tight: the 1-up state is down by the threshold; availability counts its partial success', async () => {
    const u = await study(scenario(3)); // 3 workers: 300/s per replica, 400/s offered
    const one = u.states.find((s) => s.key === 'app=1')!;
    expect(one.countsAsUp).toBe(false);
    expect(one.successRatio!).toBeGreaterThan(0.6); // about 300 of the 400/s
    expect(one.successRatio!).toBeLessThan(0.9);
    within(u.uptime, (10 / 11) ** 2);
    const two = u.states.find((s) => s.key === 'app=2')!;
    within(u.availability, (10 / 11) ** 2 * two.successRatio! + 2 * (10 / 11) * (1 / 11) * one.successRatio!);
  });
});

describe('bad input: failures', () => {
  it('mttr ≤ 0, required above the replicas, zone failures without zones', async () => {
    const { errorsOf } = await import('../helpers/errors-of.ts');
    expect(errorsOf(scenario(8).replace('mttr: 1h', 'mttr: 0s'))).toEqual(["13:34 components.app.failures.mttr: mean time to repair one replica: must be positive, got '0s'"]);
    expect(errorsOf(scenario(8).replace('mttr: 1h }', 'mttr: 1h, required: 3 }'))).toEqual(['13:48 components.app.failures.required: required is 3 but the service has 2 replicas: it could never be up']);
    expect(errorsOf(`${scenario(8)}zoneFailures: { mtbf: 1000h, mttr: 2h }\n`)).toEqual(['16:15 zoneFailures: zone failures need zones: give zones: 3 (the replicas are spread over them)']);
  });
});

describe('database failover', () => {
  it('with read replicas and failover: 30s, the primary is down for the failover, not the repair', async () => {
    const { failureInput } = await import('../../sim-core/failures/failure-units.ts');
    const s = loadScenario(`
archsim: 1
name: failover
workload: { arrivals: 10/s }
endpoints: { r: { call: app.r } }
components:
  app: { kind: service, workers: 4, operations: { r: { steps: [ { query: pg.read } ] } } }
  pg: { kind: database, cores: 2, readReplicas: 1, failover: 30s, failures: { mtbf: 100h, mttr: 2h }, queries: { read: exp(1ms) } }
`).scenario!;
    const unit = failureInput(s)!.units.find((u) => u.name === 'pg')!;
    expect(unit.timeToRepair).toEqual({ kind: 'const', value: 30_000 });
    expect(unit.timeToFailure).toEqual({ kind: 'exp', mean: 100 * 3600e3 });
  });
});
