import { describe, expect, it } from 'vitest';
import { runLongHorizon } from '../../sim-core/failures/long-horizon.ts';
import { MS_PER_YEAR } from '../../sim-core/failures/year.ts';
import { replicaAvailability, zonedSeriesUnavailability } from '../exact/k-of-n.ts';
import { studentT975 } from '../helpers/student-t.ts';
import { expectUnavailability } from './agreement-of-unavailability.ts';
import { constHours, expHours, exponentialUnit } from './failure-inputs.ts';

/**
 * Zone outages, independent of replica failures: a replica serves when it is up and its zone
 * is up. Replicas MTBF 10 h / MTTR 1 h (a = 10/11); zones MTBF 50 h / MTTR 2 h (az = 25/26).
 *
 * One replica per zone, k = 2 of 3: the replicas' zones are distinct, so each replica serves
 * independently with probability p = a·az and A = p³ + 3p²(1 − p) = 3p² − 2p³.
 * Replicas sharing zones (two units in the same zones): condition on the zones that are up —
 * see zonedSeriesUnavailability in test/exact/k-of-n.ts.
 */
const { a, q } = replicaAvailability(10, 1);
const { a: az, q: qz } = replicaAvailability(50, 2);
const zones = { zones: 3, timeToFailure: expHours(50), timeToRepair: expHours(2) };

describe('zone outages', () => {
  it('3 zones, one replica each, 2 of 3 required: 1 − (3p² − 2p³) with p = a·az (seed 31, 40 × 10 years)', () => {
    const r = runLongHorizon({ units: [exponentialUnit('svc', 3, 2, 10, 1)], zones, horizonMs: 10 * MS_PER_YEAR, replications: 40, seed: 31 });
    const p = a * az;
    const exact = 1 - (3 * p * p - 2 * p ** 3);
    expect(exact).toBeCloseTo(zonedSeriesUnavailability([{ zones: [0, 1, 2], required: 2, a, q }], 3, az, qz).system, 14);
    expectUnavailability('zoned 2-of-3', r.system.availability, exact);
  });

  describe('units sharing zones: app 2-of-3, db 1-of-2 in zones 0 and 1, cache 2-of-3 failing only with its zones (seed 32, 100 × 2 years)', () => {
    const r = runLongHorizon({
      units: [
        exponentialUnit('app', 3, 2, 10, 1),
        { ...exponentialUnit('db', 2, 1, 10, 1), zones: [0, 1] },
        { name: 'cache', replicas: 3, required: 2 },
      ],
      zones,
      horizonMs: 2 * MS_PER_YEAR,
      replications: 100,
      seed: 32,
    });
    const exact = zonedSeriesUnavailability(
      [{ zones: [0, 1, 2], required: 2, a, q }, { zones: [0, 1], required: 1, a, q }, { zones: [0, 1, 2], required: 2, a: 1, q: 0 }],
      3, az, qz,
    );

    it('each unit and the system agree with the exact value conditioned on the zones', () => {
      r.units.forEach((u, i) => expectUnavailability(`${u.name} unavailability`, u.availability, exact.units[i]));
      expectUnavailability('system unavailability', r.system.availability, exact.system);
    });

    it('the shared zones correlate the units: the product of the unit availabilities is rejected', () => {
      const naive = 1 - exact.units.reduce((p, u) => p * (1 - u), 1);
      const se = r.system.availability.halfWidth / studentT975(99);
      expect(Math.abs(1 - r.system.availability.mean - naive) / se).toBeGreaterThan(5);
    });

    it('a unit without failures of its own still goes down with its zones', () => {
      expect(r.units[2].replicaFailuresPerYear.mean).toBe(0);
      expect(r.units[2].outages).toBeGreaterThan(0);
    });
  });

  it('constant zone repairs give the same availability (insensitivity; seed 33, 40 × 10 years)', () => {
    const r = runLongHorizon({
      units: [exponentialUnit('svc', 3, 2, 10, 1)],
      zones: { ...zones, timeToRepair: constHours(2) },
      horizonMs: 10 * MS_PER_YEAR, replications: 40, seed: 33,
    });
    expectUnavailability('zoned 2-of-3, const zone repair', r.system.availability, zonedSeriesUnavailability([{ zones: [0, 1, 2], required: 2, a, q }], 3, az, qz).system);
  });
});
