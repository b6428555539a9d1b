import { describe, expect, it } from 'vitest';
import { deriveStream } from '../../sim-core/engine/random.ts';
import { batchMeans, MSER_MIN_BATCHES, mser5, mserStatistics } from '../../sim-core/run/mser.ts';

/** `offset(t)` plus standard normal noise from the stream of `seed`. */
function noisy(seed: number, n: number, offset: (t: number) => number): Float64Array {
  const s = deriveStream(seed, 0, 'mser-test');
  return Float64Array.from({ length: n }, (_, t) => offset(t) + s.nextNormal());
}

describe('MSER statistic and batches', () => {
  it('MSER(d) = Σ_{i>d} (Yᵢ − Ȳ_d)² / (n − d)², as written by White (1997)', () => {
    const y = [9, 4, 7, 1, 3, 2, 8, 5];
    const stats = mserStatistics(y, 6);
    for (let d = 0; d <= 6; d++) {
      const rest = y.slice(d);
      const mean = rest.reduce((a, b) => a + b, 0) / rest.length;
      const ss = rest.reduce((a, b) => a + (b - mean) ** 2, 0);
      expect(stats[d]).toBeCloseTo(ss / rest.length ** 2, 12);
    }
  });

  it('stays exact on a flat series with a large offset (no cancellation)', () => {
    const y = Array.from({ length: 40 }, (_, i) => 1e9 + (i % 2));
    expect(mserStatistics(y, 0)[0]).toBeCloseTo(0.25 / 40, 12);
  });

  it('batch means drop a trailing partial batch and skip non-finite values', () => {
    expect(batchMeans([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], 5)).toEqual([3, 8]);
    expect(batchMeans([1, NaN, 3, NaN, 5], 5)).toEqual([3]);
    expect(batchMeans([NaN, NaN], 2)[0]).toBeNaN();
  });

  it(`needs ${MSER_MIN_BATCHES} whole batches, and a finite mean in every batch`, () => {
    expect(mser5(new Float64Array(5 * MSER_MIN_BATCHES - 1))).toBeUndefined();
    expect(mser5(new Float64Array(5 * MSER_MIN_BATCHES))).toEqual({ observations: 0, batches: 0, totalBatches: MSER_MIN_BATCHES, atSearchLimit: false });
    const gap = new Float64Array(100);
    gap.fill(NaN, 20, 25);
    expect(mser5(gap)).toBeUndefined();
  });
});

describe('MSER-5 on synthetic series', () => {
  // Beyond the end of a transient MSER may still cut a few stationary batches where the
  // statistic dips by chance (see the stationary cases below: at most ~5% of the series).
  it.each([1, 2, 3])('a step of 10σ over the first 100 of 1000 observations is cut entirely, and little more (seed %i)', (seed) => {
    const cut = mser5(noisy(seed, 1000, (t) => (t < 100 ? 10 : 0)))!;
    expect(cut.observations).toBeGreaterThanOrEqual(100);
    expect(cut.observations).toBeLessThanOrEqual(150);
  });

  // A linear transient from 4σ down to 0 at t = 200. MSER stops a little before 200, where the
  // remaining offset is small against the noise (over 200 seeds it chose 150–270, median 175).
  it.each([2, 3, 4, 5, 6, 7, 8, 9])('a ramp ending at observation 200 is cut between 125 and 275 (seed %i)', (seed) => {
    const y = noisy(seed, 1000, (t) => (t < 200 ? 4 * (1 - t / 200) : 0));
    const cut = mser5(y)!;
    expect(cut.observations).toBeGreaterThanOrEqual(125);
    expect(cut.observations).toBeLessThanOrEqual(275);
    expect(cut.observations % 5).toBe(0);
  });

  // A stationary series has nothing to cut: over 200 seeds MSER-5 chose 0 for the median and
  // at most 45 of 1000. Its small cuts are chance dips of the statistic, bounded here by 5%.
  it.each([11, 12, 13, 14, 15, 16, 17, 18])('a stationary series is cut by at most 5% (seed %i)', (seed) => {
    const cut = mser5(noisy(seed, 1000, () => 3))!;
    expect(cut.observations).toBeLessThanOrEqual(50);
  });

  it('most stationary series are not cut at all (seeds 101–140)', () => {
    const cuts = Array.from({ length: 40 }, (_, i) => mser5(noisy(101 + i, 1000, () => 3))!.observations);
    expect(cuts.filter((c) => c === 0).length).toBeGreaterThanOrEqual(20);
  });

  it('searches the first half only, and says when the minimum lies at that limit (seed 21)', () => {
    // A transient over 80% of the run: the best cut inside the first half is its end.
    const y = noisy(21, 500, (t) => (t < 400 ? 20 * (1 - t / 400) : 0));
    expect(mser5(y)).toEqual({ observations: 250, batches: 50, totalBatches: 100, atSearchLimit: true });
  });
});
