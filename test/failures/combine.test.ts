import { describe, expect, it } from 'vitest';
import { UNLISTED_STATES_KEY, combineAvailability, type StateTimeShares } from '../../sim-core/failures/combine.ts';
import { runLongHorizon } from '../../sim-core/failures/long-horizon.ts';
import { LUMPED_STATES_KEY, groupRareStates } from '../../sim-core/failures/rare-states.ts';
import { MINUTES_PER_YEAR, MS_PER_YEAR } from '../../sim-core/failures/year.ts';
import { studentTQuantile } from '../../sim-core/run/stats.ts';
import { exponentialUnit } from './failure-inputs.ts';

/**
 * Hand-made input: three states over four long-horizon replications.
 *   a=2: shares 0.90 0.80 0.85 0.95 (mean 0.875),   success 0.999 ± 0.0005 from 5 request-level replications
 *   a=1: shares 0.08 0.15 0.10 0.04 (mean 0.0925),  success 0.95 ± 0.01 (replications not given: normal)
 *   a=0: shares 0.02 0.05 0.05 0.01 (mean 0.0325),  not run at request level
 * Per replication aᵢ = 0.999·π(a=2) + 0.95·π(a=1) = 0.9751, 0.9417, 0.94415, 0.98705; mean 0.962.
 */
const shares: StateTimeShares[] = [
  { key: 'a=2', perReplication: [0.9, 0.8, 0.85, 0.95] },
  { key: 'a=1', perReplication: [0.08, 0.15, 0.1, 0.04] },
  { key: 'a=0', perReplication: [0.02, 0.05, 0.05, 0.01] },
];
const successes = [
  { state: 'a=2', successRatio: 0.999, halfWidth: 0.0005, replications: 5 },
  { state: 'a=1', successRatio: 0.95, halfWidth: 0.01 },
];

describe('combineAvailability on hand-made input', () => {
  const c = combineAvailability(shares, successes);

  it('availability Σ πₛ·pₛ = 0.962, unrun state counted as failing', () => {
    expect(c.availability.mean).toBeCloseTo(0.962, 14);
    expect(c.downtimeMinutesPerYear.mean).toBeCloseTo(0.038 * MINUTES_PER_YEAR, 8);
    expect(c.availabilityRange.low).toBeCloseTo(0.962, 14);
    expect(c.availabilityRange.high).toBeCloseTo(0.962 + 0.0325, 14);
    expect(c.unrun.states).toEqual(['a=0']);
    expect(c.unrun.share.mean).toBeCloseTo(0.0325, 14);
  });

  it('variance = s²(aᵢ)/n + Σ πₛ²σₛ², half-width with Welch–Satterthwaite df', () => {
    const a = [0.9751, 0.9417, 0.94415, 0.98705];
    const vShares = a.reduce((s, x) => s + (x - 0.962) ** 2, 0) / 3 / 4;
    const sigma2 = 0.0005 / studentTQuantile(0.975, 4);
    const sigma1 = 0.01 / 1.959963984540054;
    const v2 = 0.875 ** 2 * sigma2 ** 2, v1 = 0.0925 ** 2 * sigma1 ** 2;
    const v = vShares + v2 + v1;
    const df = v ** 2 / (vShares ** 2 / 3 + v2 ** 2 / 4);
    expect(vShares).toBeCloseTo(1.274854166666668e-4, 15);
    expect(c.availability.df).toBeCloseTo(df, 10);
    expect(c.availability.df).toBeCloseTo(3.0117, 4);
    expect(c.availability.halfWidth).toBeCloseTo(studentTQuantile(0.975, df) * Math.sqrt(v), 12);
    expect(c.downtimeMinutesPerYear.halfWidth).toBeCloseTo(c.availability.halfWidth * MINUTES_PER_YEAR, 6);
  });

  it('time-based uptime at X = 0.99: only a=2 counts as up', () => {
    expect(c.uptimeThreshold).toBe(0.99);
    expect(c.uptime.mean).toBeCloseTo(0.875, 14);
    expect(c.uptimeDowntimeMinutesPerYear.mean).toBeCloseTo(0.125 * MINUTES_PER_YEAR, 8);
    expect(c.states.map((s) => [s.key, s.countsAsUp])).toEqual([['a=2', true], ['a=1', false], ['a=0', false]]);
    expect(c.borderline).toEqual([]);
    expect(c.uptimeRange).toEqual({ low: c.uptime.mean, high: c.uptime.mean + c.unrun.share.mean });
  });

  it('a state whose success CI contains X is borderline: the uptime range counts it both ways', () => {
    const b = combineAvailability(shares, successes, { uptimeThreshold: 0.955 });
    expect(b.borderline).toEqual(['a=1']);
    expect(b.uptime.mean).toBeCloseTo(0.875, 14);
    expect(b.uptimeRange.low).toBeCloseTo(0.875, 14);
    expect(b.uptimeRange.high).toBeCloseTo(1, 14);
    const up = combineAvailability(shares, successes, { uptimeThreshold: 0.945 });
    expect(up.uptime.mean).toBeCloseTo(0.9675, 14);
    expect(up.uptimeRange.low).toBeCloseTo(0.875, 14);
  });

  it('time the list does not cover is an unrun state of its own', () => {
    const partial = combineAvailability(shares.slice(0, 2), successes);
    expect(partial.unrun.states).toEqual([UNLISTED_STATES_KEY]);
    expect(partial.availability.mean).toBeCloseTo(c.availability.mean, 14);
    expect(partial.availability.halfWidth).toBeCloseTo(c.availability.halfWidth, 14);
    expect(partial.availabilityRange.high).toBeCloseTo(c.availabilityRange.high, 14);
  });

  it('exact inputs give a zero half-width', () => {
    const z = combineAvailability(
      [{ key: 'up', perReplication: [0.99, 0.99] }, { key: 'down', perReplication: [0.01, 0.01] }],
      [{ state: 'up', successRatio: 1, halfWidth: 0 }, { state: 'down', successRatio: 0, halfWidth: 0 }],
    );
    expect(z.availability.mean).toBeCloseTo(0.99, 14);
    expect(z.availability.halfWidth).toBe(0);
    expect(z.unrun.states).toEqual([]);
  });

  it('rejects inconsistent input', () => {
    expect(() => combineAvailability(shares, [{ state: 'a=9', successRatio: 1, halfWidth: 0 }])).toThrow(/'a=9', which has no time share/);
    expect(() => combineAvailability(shares, [{ state: 'a=2', successRatio: 1, halfWidth: NaN }])).toThrow(/halfWidth/);
    expect(() => combineAvailability(shares, [{ state: 'a=2', successRatio: 1.2, halfWidth: 0 }])).toThrow(/successRatio/);
    expect(() => combineAvailability([...shares, { key: 'x', perReplication: [1] }], [])).toThrow(/replications/);
    expect(() => combineAvailability(shares, successes, { uptimeThreshold: 99 })).toThrow(/uptimeThreshold/);
  });
});

describe('long-horizon → groupRareStates → combine (seed 61, 20 × 1 year)', () => {
  // With success 1 in every state where the system is up and 0 where it is down, request-based
  // availability and time-based uptime must both equal the long-horizon system availability,
  // replication by replication; lumped states (counted as down) only lower them by their share.
  const r = runLongHorizon({
    units: [exponentialUnit('app', 3, 2, 10, 1), exponentialUnit('db', 2, 1, 20, 2)],
    horizonMs: MS_PER_YEAR, replications: 20, seed: 61,
  });
  const ideal = (keys: readonly { key: string; systemUp: boolean }[]) =>
    keys.map((s) => ({ state: s.key, successRatio: s.systemUp ? 1 : 0, halfWidth: 0 }));

  it('every state run: equals the system availability, with its CI', () => {
    const c = combineAvailability(r.states, ideal(r.states));
    expect(c.availability.mean).toBeCloseTo(r.system.availability.mean, 12);
    expect(c.availability.halfWidth).toBeCloseTo(r.system.availability.halfWidth, 12);
    expect(c.uptime.mean).toBeCloseTo(r.system.availability.mean, 12);
    expect(c.unrun.states).toEqual([]);
  });

  it('rare states lumped: lower by the lumped share of up states, and the range brackets the truth', () => {
    const g = groupRareStates(r.states, { coverage: 0.99 });
    expect(g.other).not.toBeNull();
    const c = combineAvailability([...g.kept, g.other!], ideal(g.kept));
    const lumpedUp = r.states.filter((s) => g.other!.states.includes(s.key) && s.systemUp).reduce((s, st) => s + st.share.mean, 0);
    expect(c.availability.mean).toBeCloseTo(r.system.availability.mean - lumpedUp, 12);
    expect(c.availabilityRange.low).toBeLessThanOrEqual(r.system.availability.mean);
    expect(c.availabilityRange.high).toBeGreaterThanOrEqual(r.system.availability.mean);
    expect(c.unrun.states).toEqual([LUMPED_STATES_KEY]);
  });
});
