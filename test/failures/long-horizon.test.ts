import { describe, expect, it } from 'vitest';
import { compileFailurePlan, simulateFailureReplication } from '../../sim-core/failures/failure-replication.ts';
import { runLongHorizon, summariseLongHorizon } from '../../sim-core/failures/long-horizon.ts';
import type { LongHorizonInput } from '../../sim-core/failures/long-horizon-input.ts';
import { MINUTES_PER_YEAR, MS_PER_YEAR } from '../../sim-core/failures/year.ts';
import { constHours, expHours, exponentialUnit } from './failure-inputs.ts';

/** Invariants that hold for every draw, determinism, and the stream-per-name property. */
const input: LongHorizonInput = {
  units: [
    exponentialUnit('app', 4, 2, 30, 1),
    { name: 'db', replicas: 2, required: 1, timeToFailure: expHours(50), timeToRepair: constHours(3), zones: [0, 1] },
    exponentialUnit('cache', 3, 1, 20, 2),
  ],
  zones: { zones: 3, timeToFailure: expHours(200), timeToRepair: expHours(4) },
  horizonMs: MS_PER_YEAR,
  replications: 6,
  seed: 51,
};

describe('long-horizon run (seed 51, 6 × 1 year)', () => {
  const r = runLongHorizon(input);

  it('same seed → identical result; another seed → a different one', () => {
    const again = runLongHorizon(input);
    expect({ ...again, wallMs: 0 }).toEqual({ ...r, wallMs: 0 });
    const other = runLongHorizon({ ...input, seed: 52 });
    expect(other.system.availability.mean).not.toBe(r.system.availability.mean);
  });

  it('summarising replications in any order, as workers would return them, gives the same result', () => {
    const plan = compileFailurePlan(input);
    const reps = [5, 2, 0, 4, 1, 3].map((i) => simulateFailureReplication(plan, i));
    expect({ ...summariseLongHorizon(input, reps, 0), wallMs: 0 }).toEqual({ ...r, wallMs: 0 });
  });

  it('wall time comes from the injected clock', () => {
    let now = 1000;
    const timed = runLongHorizon({ ...input, replications: 1 }, { clock: () => (now += 7) });
    expect(timed.wallMs).toBe(7);
  });

  it('state shares sum to one in every replication; down time = time in states with a unit below its requirement', () => {
    r.perReplication.forEach((rep, i) => {
      const total = r.states.reduce((s, st) => s + st.perReplication[i], 0);
      expect(total).toBeCloseTo(1, 12);
      const systemDown = r.states.filter((s) => !s.systemUp).reduce((s, st) => s + st.perReplication[i], 0);
      expect(1 - rep.systemAvailability).toBeCloseTo(systemDown, 12);
      expect(rep.downtimeMinutesPerYear).toBeCloseTo(systemDown * MINUTES_PER_YEAR, 8);
      for (const name of ['app', 'db', 'cache']) {
        const unitDown = r.states.filter((s) => s.unitsDown.includes(name)).reduce((s, st) => s + st.perReplication[i], 0);
        expect(1 - rep.unitAvailability[name]).toBeCloseTo(unitDown, 12);
      }
    });
  });

  it('states are sorted by share, labelled in input order, and their counts are in range', () => {
    for (let i = 1; i < r.states.length; i++) expect(r.states[i].share.mean).toBeLessThanOrEqual(r.states[i - 1].share.mean);
    expect(r.states[0].key).toBe('app=4,db=2,cache=3');
    for (const s of r.states) {
      expect(Object.keys(s.up)).toEqual(['app', 'db', 'cache']);
      expect(s.key).toBe(`app=${s.up.app},db=${s.up.db},cache=${s.up.cache}`);
      expect(s.up.app).toBeLessThanOrEqual(4);
      expect(s.up.db).toBeLessThanOrEqual(2);
    }
  });

  it('the system is down at least whenever a unit is, and outages are counted', () => {
    for (const u of r.units) expect(r.system.availability.mean).toBeLessThanOrEqual(u.availability.mean + 1e-15);
    expect(r.system.outages).toBeGreaterThan(0);
    expect(r.events).toBe(r.perReplication.reduce((s, p) => s + p.events, 0));
    expect(r.system.meanOutageMs.mean).toBeGreaterThan(0);
  });

  it('streams are named by unit and replica: adding a unit leaves the others\' histories unchanged', () => {
    const alone = runLongHorizon({ ...input, units: [input.units[0]], zones: input.zones });
    expect(alone.units[0].availability).toEqual(r.units[0].availability);
    expect(alone.units[0].outages).toBe(r.units[0].outages);
  });
});

describe('many units: state keys beyond 2^53 combinations (seed 53)', () => {
  it('30 units of 3 replicas run and label their states', () => {
    const units = Array.from({ length: 30 }, (_, i) => exponentialUnit(`s${i}`, 3, 2, 100, 1));
    const r = runLongHorizon({ units, horizonMs: MS_PER_YEAR / 12, replications: 2, seed: 53 });
    expect(r.states[0].key).toBe(units.map((u) => `${u.name}=3`).join(','));
    const total = r.states.reduce((s, st) => s + st.share.mean, 0);
    expect(total).toBeCloseTo(1, 12);
    expect(r.states.some((s) => s.up.s7 === 2)).toBe(true);
  });
});
