import { describe, expect, it } from 'vitest';
import { runLongHorizon } from '../../sim-core/failures/long-horizon.ts';
import { MS_PER_YEAR } from '../../sim-core/failures/year.ts';
import { kOfNOutageRate, kOfNUnavailability, replicaAvailability } from '../exact/k-of-n.ts';
import { expectAgreement } from '../helpers/agreement.ts';
import { expectUnavailability } from './agreement-of-unavailability.ts';
import { exponentialUnit } from './failure-inputs.ts';

/**
 * The case: 3 replicas, MTBF 720 h, MTTR 1 h. "At least 2 up" has unavailability
 * 5.77e-6 (3 minutes a year) and ~0.1 outages a year, so 40,000 simulated years (~4,000
 * outages, ~3M events) give a ±4.5% CI on it. "At least 1 up" has unavailability q³ = 2.7e-9
 * and one outage every ~14,000 years: no feasible run can estimate it with a relative
 * tolerance (4,000 outages would take 5·10⁷ years). For it we check what 40,000 years can
 * show — the number of all-down outages is Poisson with the exact mean ν·T ≈ 2.8 — and leave
 * the precise check to the MTBF 10 h case in k-of-n.test.ts, which runs the same code.
 */
const { a, q } = replicaAvailability(720, 1);
const input = (required: number) => ({
  units: [exponentialUnit('svc', 3, required, 720, 1)],
  horizonMs: 400 * MS_PER_YEAR,
  replications: 100,
  seed: 720,
});

describe('k-of-n, 3 replicas, MTBF 720 h / MTTR 1 h (seed 720, 100 × 400 years)', () => {
  it('at least 2 up: unavailability 3aq² + q³ ≈ 5.77e-6, relative tolerance from the CI', () => {
    const r = runLongHorizon(input(2));
    expectUnavailability('2-of-3 unavailability', r.system.availability, kOfNUnavailability(3, 2, a, q));
    const perYear = kOfNOutageRate(3, 2, 720, 1) * 8760;
    expectAgreement({ label: '2-of-3 outages per year', estimate: r.system.outagesPerYear.mean, ci95: r.system.outagesPerYear.halfWidth, replications: 100, exact: perYear });
  });

  it('at least 1 up: the number of all-down outages is consistent with Poisson(ν·T ≈ 2.8)', () => {
    const r = runLongHorizon(input(1));
    const years = 100 * 400;
    const expected = kOfNOutageRate(3, 1, 720, 1) * 8760 * years;
    expect(expected).toBeGreaterThan(2);
    expect(expected).toBeLessThan(4);
    // P(Poisson(2.8) ≥ 14) ≈ 2e-6: more would mean failures are not independent or not at the given rates.
    expect(r.system.outages).toBeLessThanOrEqual(13);
    // The all-down time is small accordingly: each outage lasts Exp(mean 1/3 h); 14 of them
    // sum to more than 20 h with probability < 1e-6.
    expect(r.system.downtimeMinutesPerYear.mean * years).toBeLessThan(20 * 60);
  });
});
