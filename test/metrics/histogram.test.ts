import { describe, expect, it } from 'vitest';
import {
  histogramBucket, histogramBucketValue, histogramCdf, histogramCreate, histogramMean, histogramMerge, histogramQuantile,
  histogramRecord, histogramReset, HISTOGRAM_BUCKETS,
} from '../../sim-core/metrics/histogram.ts';
import { deriveStream } from '../../sim-core/engine/random.ts';

function exactQuantile(sorted: Float64Array, q: number): number {
  return sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)];
}

describe('log-bucket histogram', () => {
  it('every percentile is within 1% of the exact order statistic (seed 3, lognormal over 6 decades)', () => {
    const rng = deriveStream(3, 0, 'hist');
    const h = histogramCreate();
    const values = new Float64Array(200_000);
    for (let i = 0; i < values.length; i++) {
      values[i] = Math.exp(2 + 3 * rng.nextNormal()); // spans ~1e-3 .. 1e5 ms
      histogramRecord(h, values[i]);
    }
    const sorted = values.slice().sort();
    for (const q of [0.001, 0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 0.999, 0.9999]) {
      const exact = exactQuantile(sorted, q);
      expect(Math.abs(histogramQuantile(h, q) - exact) / exact).toBeLessThan(0.01);
    }
    expect(histogramMean(h)).toBeCloseTo(values.reduce((a, b) => a + b, 0) / values.length, 6);
    expect(histogramQuantile(h, 0)).toBe(sorted[0]);
    expect(histogramQuantile(h, 1)).toBe(sorted[sorted.length - 1]);
  });

  it('bucket midpoints are within 0.4% of every value in the bucket', () => {
    for (const v of [1e-5, 0.001, 0.37, 1, 1.5, 2, 3.999, 250, 1e6, 1e9]) {
      const mid = histogramBucketValue(histogramBucket(v));
      expect(Math.abs(mid - v) / v).toBeLessThan(0.004);
    }
  });

  it('clamps values outside the range into the end buckets', () => {
    expect(histogramBucket(0)).toBe(0);
    expect(histogramBucket(-3)).toBe(0);
    expect(histogramBucket(1e-12)).toBe(0);
    expect(histogramBucket(1e30)).toBe(HISTOGRAM_BUCKETS - 1);
  });

  it('merging equals recording everything in one histogram', () => {
    const rng = deriveStream(5, 0, 'merge');
    const a = histogramCreate(), b = histogramCreate(), all = histogramCreate();
    for (let i = 0; i < 10_000; i++) {
      const v = -10 * Math.log(rng.nextUniform());
      histogramRecord(i % 2 ? a : b, v);
      histogramRecord(all, v);
    }
    histogramMerge(a, b);
    expect(a.count).toBe(all.count);
    expect(Array.from(a.counts)).toEqual(Array.from(all.counts));
    expect(a.min).toBe(all.min);
    expect(a.max).toBe(all.max);
    expect(a.sum).toBeCloseTo(all.sum, 6);
    expect(histogramCdf(a, 10)).toBeCloseTo(1 - Math.exp(-1), 1);
    histogramReset(a);
    expect(a.count).toBe(0);
    expect(Number.isNaN(histogramQuantile(a, 0.5))).toBe(true);
  });
});
