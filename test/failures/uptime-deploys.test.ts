import { describe, expect, it } from 'vitest';
import { deployShares, DeployClock, type DeployWindows } from '../../sim-core/failures/deploy-windows.ts';
import { failureInput } from '../../sim-core/failures/failure-units.ts';
import { runLongHorizon, type LongHorizonResult } from '../../sim-core/failures/long-horizon.ts';
import type { LongHorizonInput } from '../../sim-core/failures/long-horizon-input.ts';
import { MINUTES_PER_YEAR, MS_PER_YEAR } from '../../sim-core/failures/year.ts';
import { loadScenario } from '../../sim-core/model/load.ts';
import { inThreadExecutor } from '../../sim-core/run/in-thread-executor.ts';
import { runScenario } from '../../sim-core/run/run-scenario.ts';
import { runUptimeStudy } from '../../sim-core/run/uptime-study.ts';
import { expectAgreement } from '../helpers/agreement.ts';
import { exponentialUnit } from './failure-inputs.ts';

/**
 * Deployments in the failure-only simulation (docs/uptime-method.md, "Deploys"): deterministic
 * windows that take replicas out, combined with failures by count. Without failures the results
 * are exact; with them, the deploy phases are independent of the (stationary) failures, so the
 * expectation is a time-weighted mix of binomials.
 */
const MIN = 60e3, DAY = 86400e3, WEEK = 7 * DAY;

const share = (r: LongHorizonResult, key: string) => r.states.find((s) => s.key === key)?.share.mean ?? 0;

function deployOnly(replicas: number, required: number, deploy: DeployWindows, horizonMs: number, replications: number): LongHorizonInput {
  return { units: [{ name: 'app', replicas, required, deploy }], horizonMs, replications, seed: 71 };
}

describe('deploy windows without failures (exact, seed 71)', () => {
  const weekly: DeployWindows = { atMs: WEEK, everyMs: WEEK, batchMs: 10 * MIN, batch: 1 };

  it('a single replica restarted every week for 10 min is down 10/(7·24·60) of the time', () => {
    // 7 replications of 365 days are 365 whole weeks: the periodic share exactly.
    const r = runLongHorizon(deployOnly(1, 1, weekly, MS_PER_YEAR, 7));
    expect(share(r, 'app=0')).toBeCloseTo(10 / (7 * 24 * 60), 15);
    expect(r.system.downtimeMinutesPerYear.mean).toBeCloseTo((10 / 10080) * MINUTES_PER_YEAR, 9);
    expect(r.deploys!.windowShare.mean).toBeCloseTo(10 / 10080, 15);
    expect(r.deploys!.downtimeMinutesPerYear.mean).toBeCloseTo((10 / 10080) * MINUTES_PER_YEAR, 9);
    expect(r.units[0].deployWindowShare!.mean).toBeCloseTo(10 / 10080, 15);
    // 365 windows over the 7 years; the first, at t = 0, starts down and is no up→down transition.
    expect(r.system.outagesPerYear.mean).toBeCloseTo(364 / 7, 9);
    // A horizon of one week: every replication holds exactly one window.
    const w = runLongHorizon(deployOnly(1, 1, weekly, WEEK, 5));
    expect(w.perReplication.map((p) => p.downtimeMinutesPerYear)).toEqual(Array(5).fill((10 / 10080) * MINUTES_PER_YEAR));
  });

  it('replications are consecutive years: with any count the share is within one window of exact', () => {
    const r = runLongHorizon(deployOnly(1, 1, weekly, MS_PER_YEAR, 200));
    expect(Math.abs(share(r, 'app=0') - 10 / 10080)).toBeLessThanOrEqual((10 * MIN) / (200 * MS_PER_YEAR));
    // Years hold 52 or 53 windows (365 days = 52 weeks + 1 day).
    const perYear = r.perReplication.map((p) => Math.round(p.downtimeMinutesPerYear / 10));
    expect(new Set(perYear)).toEqual(new Set([52, 53]));
  });

  it('the phase (`at`) does not change the yearly share', () => {
    for (const atMs of [0, 5 * MIN, 3 * DAY + 7 * MIN, 40 * WEEK]) {
      const r = runLongHorizon(deployOnly(1, 1, { ...weekly, atMs }, MS_PER_YEAR, 7));
      expect(share(r, 'app=0')).toBeCloseTo(10 / 10080, 15);
    }
  });

  it('rolling on 3 replicas, batch 1, 20 min a batch, daily: 2 of 3 up for 60 min a day', () => {
    const rolling: DeployWindows = { atMs: 2 * 3600e3, everyMs: DAY, batchMs: 20 * MIN, batch: 1 };
    const r = runLongHorizon(deployOnly(3, 2, rolling, DAY, 4));
    expect(share(r, 'app=2')).toBeCloseTo(60 / 1440, 15);
    expect(share(r, 'app=3')).toBeCloseTo(1 - 60 / 1440, 15);
    expect(r.system.availability.mean).toBe(1); // 2 required: the deploy degrades, never takes it down
    expect(r.deploys!.downtimeMinutesPerYear.mean).toBe(0);
    // Requiring all 3, the same deploy is down time.
    const strict = runLongHorizon(deployOnly(3, 3, rolling, DAY, 4));
    expect(strict.system.downtimeMinutesPerYear.mean).toBeCloseTo((60 / 1440) * MINUTES_PER_YEAR, 8);
    expect(strict.system.outagesPerYear.mean).toBeCloseTo(365, 9); // one outage a day (its three batches are back to back)
  });

  it('rolling with batch 2 on 3 replicas: 1 up for one batch, 2 up for the last', () => {
    const r = runLongHorizon(deployOnly(3, 1, { atMs: 0, everyMs: DAY, batchMs: 20 * MIN, batch: 2 }, DAY, 3));
    expect(share(r, 'app=1')).toBeCloseTo(20 / 1440, 15);
    expect(share(r, 'app=2')).toBeCloseTo(20 / 1440, 15);
    expect(deployShares({ atMs: 0, everyMs: DAY, batchMs: 20 * MIN, batch: 2 }, 3)).toEqual({ windowShare: 40 / 1440, meanOut: (2 * 20 + 20) / 1440 });
  });

  it('a deployment longer than the period is cut off by the next one', () => {
    // 4 batches of 30 min, every hour: batches 0 and 1 run, then the next deployment starts over.
    const d: DeployWindows = { atMs: 0, everyMs: 3600e3, batchMs: 30 * MIN, batch: 1 };
    const clock = new DeployClock(d, 4, 0, DAY);
    const seen: Array<[number, number]> = [[0, clock.out]];
    while (clock.next < 2 * 3600e3) {
      const t = clock.next;
      clock.advance();
      seen.push([t / MIN, clock.out]);
    }
    expect(seen).toEqual([[0, 1], [30, 1], [60, 1], [90, 1]]);
    const r = runLongHorizon(deployOnly(4, 4, d, DAY, 2));
    expect(r.system.availability.mean).toBe(0);
  });
});

describe('deploys combined with failures: 2 of 3, MTBF 10 h, MTTR 1 h, rolling 30 min a batch daily (seed 72)', () => {
  // Outside the windows the serving replicas S ~ Binomial(3, a): up iff S ≥ 2. In a window one
  // replica is out (up = S − 1): up iff S = 3. Windows cover 3·30 min of each day = 1/16.
  const a = 10 / 11, q = 1 / 11, w = 90 / 1440;
  const input: LongHorizonInput = {
    units: [{ ...exponentialUnit('app', 3, 2, 10, 1), deploy: { atMs: 0, everyMs: DAY, batchMs: 30 * MIN, batch: 1 } }],
    horizonMs: MS_PER_YEAR,
    replications: 60,
    seed: 72,
  };
  const r = runLongHorizon(input);
  const reps = r.replications;

  it('availability = (1 − w)·(a³ + 3a²q) + w·a³', () => {
    const exact = (1 - w) * (a ** 3 + 3 * a * a * q) + w * a ** 3;
    expectAgreement({ label: 'system availability', estimate: r.system.availability.mean, ci95: r.system.availability.halfWidth, replications: reps, exact });
  });

  it('down only because of deploys: w·3a²q of the time; the state shares mix binomials', () => {
    const deployDown = w * 3 * a * a * q;
    const d = r.deploys!.downtimeMinutesPerYear;
    expectAgreement({ label: 'deploy downtime', estimate: d.mean, ci95: d.halfWidth, replications: reps, exact: deployDown * MINUTES_PER_YEAR });
    const two = r.states.find((s) => s.key === 'app=2')!;
    expectAgreement({ label: 'share of app=2', estimate: two.share.mean, ci95: two.share.halfWidth, replications: reps, exact: (1 - w) * 3 * a * a * q + w * a ** 3 });
    expect(r.deploys!.windowShare.mean).toBeCloseTo(w, 12); // 365 whole days a year
  });

  it('the failures are those of the same seed without deploys (deploys draw no random numbers)', () => {
    const bare = runLongHorizon({ ...input, units: [exponentialUnit('app', 3, 2, 10, 1)] });
    expect(bare.units[0].replicaFailuresPerYear).toEqual(r.units[0].replicaFailuresPerYear);
    // Paired: the deploy downtime is exactly the difference of the two downtimes, replication by replication.
    const diff = r.perReplication.map((p, i) => p.downtimeMinutesPerYear - bare.perReplication[i].downtimeMinutesPerYear);
    expect(diff.reduce((s, x) => s + x, 0) / reps).toBeCloseTo(r.deploys!.downtimeMinutesPerYear.mean, 6);
  });
});

const monolith = (deploy: string, failures = '') => `
archsim: 1
name: weekly restart
run: { duration: 20s, warmup: 2s, replications: 3, seed: 73 }
workload: { arrivals: 100/s }
endpoints: { get: { call: app.get } }
components:
  app:
    kind: service
    replicas: 1
    workers: 8
    operations: { get: { cpu: exp(10ms) } }
    deploy: ${deploy}${failures}
uptime: { horizon: 365d, replications: 7 }
`;

describe('scenario → failure units: deploys', () => {
  it('restart, rolling, once, blue-green', () => {
    const unit = (deploy: string) => failureInput(loadScenario(monolith(deploy)).scenario!)?.units[0];
    expect(unit('{ every: 1w, strategy: restart, duration: 10m }')).toEqual({ name: 'app', replicas: 1, required: 1, deploy: { atMs: WEEK, everyMs: WEEK, batchMs: 10 * MIN, batch: 1 } });
    expect(unit('{ at: 5s, every: 1d, strategy: rolling, duration: 90s, batch: 1 }')!.deploy).toEqual({ atMs: 5e3, everyMs: DAY, batchMs: 90e3, batch: 1 });
    // Once (no every): counted once a year.
    expect(unit('{ at: 5m, strategy: restart, duration: 2m }')!.deploy).toEqual({ atMs: 5 * MIN, everyMs: MS_PER_YEAR, batchMs: 2 * MIN, batch: 1 });
    // Blue-green takes no capacity: no unit, and without failures no uptime study.
    expect(failureInput(loadScenario(monolith('{ every: 1w, strategy: blueGreen, duration: 10m }')).scenario!)).toBeNull();
  });

  it('a deployment that happens once costs its window once a year', () => {
    const r = runLongHorizon(failureInput(loadScenario(monolith('{ at: 5m, strategy: restart, duration: 2m }')).scenario!)!);
    expect(r.system.downtimeMinutesPerYear.mean).toBeCloseTo(2, 9);
    expect(r.perReplication.every((p) => Math.abs(p.downtimeMinutesPerYear - 2) < 1e-9)).toBe(true);
  });
});

describe('uptime study: a monolith restarted every week for 10 min (seed 73)', () => {
  it('runs without failures; the state runs do not deploy; the downtime is the deploy windows', async () => {
    // The deploy starts 5 s into every request-level run: if the state runs kept it, the 1-up
    // state would be mostly down for its 10 minutes.
    const s = loadScenario(monolith('{ at: 5s, every: 1w, strategy: restart, duration: 10m }')).scenario!;
    const executor = inThreadExecutor();
    const nominal = await runScenario(s, { executor });
    expect(nominal.overall.sloShare).toBeLessThan(0.5); // the scenario's own run does deploy
    const u = (await runUptimeStudy(s, nominal, { executor }))!;
    expect(u).toBeDefined();
    expect(u.states.map((x) => [x.key, x.source])).toEqual([['app=1', 'nominal run'], ['app=0', 'down']]);
    const up = u.states[0];
    expect(up.successRatio!).toBeGreaterThan(0.999);
    const down = 10 / 10080;
    expect(u.states[1].share).toBeCloseTo(down, 15);
    expect(u.uptime.mean).toBeCloseTo(1 - down, 12);
    expect(u.uptimeDowntimeMinutesPerYear.mean).toBeCloseTo(down * MINUTES_PER_YEAR, 6);
    expect(u.availability.mean).toBeCloseTo((1 - down) * up.successRatio!, 12);
    // Deploys are the whole downtime here.
    expect(u.deploys!.windowShare.mean).toBeCloseTo(down, 15);
    expect(u.deploys!.uptimeDowntimeMinutesPerYear.mean).toBeCloseTo(down * MINUTES_PER_YEAR, 6);
    expect(u.deploys!.downtimeMinutesPerYear.mean).toBeCloseTo(down * up.successRatio! * MINUTES_PER_YEAR, 6);
    expect(u.deploys!.components).toEqual({ app: { windowShare: expect.closeTo(down, 15) as number } });
  });
});

describe('bad input: deploy windows', () => {
  it('every, batch length and batch are checked with their paths', () => {
    const bad = (deploy: DeployWindows) => () => runLongHorizon(deployOnly(2, 1, deploy, DAY, 1));
    expect(bad({ atMs: 0, everyMs: 0, batchMs: MIN, batch: 1 })).toThrow('long-horizon input: units[0].deploy.everyMs: must be a finite number > 0, got 0');
    expect(bad({ atMs: 0, everyMs: Infinity, batchMs: MIN, batch: 1 })).toThrow('units[0].deploy.everyMs');
    expect(bad({ atMs: 0, everyMs: DAY, batchMs: 0, batch: 1 })).toThrow('units[0].deploy.batchMs: must be a finite number > 0, got 0');
    expect(bad({ atMs: 0, everyMs: DAY, batchMs: MIN, batch: 0 })).toThrow('units[0].deploy.batch: must be an integer ≥ 1, got 0');
  });
});
