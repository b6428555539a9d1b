import { describe, expect, it } from 'vitest';
import { runLongHorizon } from '../../sim-core/failures/long-horizon.ts';
import { MS_PER_YEAR } from '../../sim-core/failures/year.ts';
import { binomialStateProbabilities, kOfNOutageRate, kOfNUnavailability, replicaAvailability } from '../exact/k-of-n.ts';
import { expectAgreement } from '../helpers/agreement.ts';
import { expectUnavailability } from './agreement-of-unavailability.ts';
import { HOUR, exponentialUnit } from './failure-inputs.ts';

/**
 * The long-horizon simulation against the binomial law of independent replicas (test/exact/k-of-n.ts),
 * with MTBF 10 h and MTTR 1 h so that even the all-down state (q³ = 7.5e-4) is visited ~20 times a
 * year and every CI is tight. The MTBF 720 h case is in k-of-n-720h.slow.test.ts.
 */
const { a, q } = replicaAvailability(10, 1);
const YEARS = 10;
const REPS = 40;

describe('k-of-n, 3 replicas, exponential MTBF 10 h / MTTR 1 h (seed 11, 40 × 10 years)', () => {
  const run = (required: number) =>
    runLongHorizon({ units: [exponentialUnit('svc', 3, required, 10, 1)], horizonMs: YEARS * MS_PER_YEAR, replications: REPS, seed: 11 });
  const k1 = run(1);
  const k2 = run(2);

  it('at least 1 up: unavailability q³', () => {
    expectUnavailability('1-of-3 unavailability', k1.system.availability, kOfNUnavailability(3, 1, a, q));
  });

  it('at least 2 up: unavailability 3aq² + q³', () => {
    expectUnavailability('2-of-3 unavailability', k2.system.availability, kOfNUnavailability(3, 2, a, q));
    expectUnavailability('2-of-3 unit unavailability', k2.units[0].availability, kOfNUnavailability(3, 2, a, q));
  });

  it('state time shares are Binomial(3, a)', () => {
    const exact = binomialStateProbabilities(3, a, q);
    expect(k2.states.map((s) => s.key)).toEqual(['svc=3', 'svc=2', 'svc=1', 'svc=0']);
    for (const s of k2.states) {
      const j = s.up.svc;
      expectAgreement({ label: `share of ${s.key}`, estimate: s.share.mean, ci95: s.share.halfWidth, replications: REPS, exact: exact[j] });
      expect(s.systemUp).toBe(j >= 2);
      expect(s.unitsDown).toEqual(j >= 2 ? [] : ['svc']);
    }
  });

  it('outages per year and mean outage duration: ν = n·f·C(n−1, k−1)·a^{k−1}·q^{n−k}, mean = (1 − A)/ν', () => {
    for (const [k, r] of [[1, k1], [2, k2]] as const) {
      const perHour = kOfNOutageRate(3, k, 10, 1);
      expectAgreement({ label: `${k}-of-3 outages per year`, estimate: r.system.outagesPerYear.mean, ci95: r.system.outagesPerYear.halfWidth, replications: REPS, exact: perHour * 8760 });
      const meanOutageHours = kOfNUnavailability(3, k, a, q) / perHour;
      expectAgreement({ label: `${k}-of-3 mean outage (ms)`, estimate: r.system.meanOutageMs.mean, ci95: r.system.meanOutageMs.halfWidth, replications: REPS, exact: meanOutageHours * HOUR });
    }
  });

  it('same streams whatever k: the 1-of-3 downtime is the time in svc=0 of the 2-of-3 run, replication by replication', () => {
    const allDown = k2.states.find((s) => s.key === 'svc=0')!;
    k1.perReplication.forEach((r, i) => expect(1 - r.systemAvailability).toBeCloseTo(allDown.perReplication[i], 12));
  });
});

describe('three 2-of-3 services in series (seed 12, 40 × 5 years)', () => {
  const r = runLongHorizon({
    units: ['web', 'orders', 'payments'].map((n) => exponentialUnit(n, 3, 2, 10, 1)),
    horizonMs: 5 * MS_PER_YEAR,
    replications: REPS,
    seed: 12,
  });
  const unitDown = kOfNUnavailability(3, 2, a, q);

  it('system availability is the product of the three', () => {
    expectUnavailability('series unavailability', r.system.availability, 1 - (1 - unitDown) ** 3);
  });

  it('each unit has the 2-of-3 availability, and the state shares are products of binomials', () => {
    r.units.forEach((u) => expectUnavailability(`${u.name} unavailability`, u.availability, unitDown));
    const b = binomialStateProbabilities(3, a, q);
    const allUp = r.states[0];
    expect(allUp.key).toBe('web=3,orders=3,payments=3');
    expectAgreement({ label: 'share all up', estimate: allUp.share.mean, ci95: allUp.share.halfWidth, replications: REPS, exact: b[3] ** 3 });
    const oneDegraded = r.states.find((s) => s.key === 'web=3,orders=2,payments=3')!;
    expectAgreement({ label: 'share orders=2', estimate: oneDegraded.share.mean, ci95: oneDegraded.share.halfWidth, replications: REPS, exact: b[3] * b[2] * b[3] });
  });
});
