/**
 * Fixed-memory, mergeable latency histogram with log buckets (HDR-style).
 *
 * A value's bucket is read straight from its IEEE-754 bits: the exponent and the top 7 bits of
 * the mantissa, i.e. 128 buckets per power of two. A bucket spans at most 1/128 of its lower
 * bound and quantiles are interpolated inside their bucket, so any percentile is within 0.8% of
 * the truth (the issue asks ≤ 1%). The range is 2^-20 ms (≈1 ns) to 2^40 ms (≈35 years); values
 * outside are clamped into the end buckets, and the exact min, max and sum are kept beside.
 * Recording is a few integer operations, no Math.log. Counts are float64 so merged histograms
 * of long runs never overflow. We wrote this rather than use hdr-histogram-js: that library
 * allocates per record in its JS build and needs WASM for speed; this is ~100 lines and exact
 * about its error.
 */
const SUB_BITS = 7;
const SUB = 1 << SUB_BITS;
const MIN_EXP = -20;
const MAX_EXP = 40;
const BIASED_MIN = 1023 + MIN_EXP;
export const HISTOGRAM_BUCKETS = (MAX_EXP - MIN_EXP) * SUB;

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
const HI = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0; // little-endian: high word second

export interface Histogram {
  counts: Float64Array;
  count: number;
  sum: number;
  min: number;
  max: number;
}

export function histogramCreate(): Histogram {
  return { counts: new Float64Array(HISTOGRAM_BUCKETS), count: 0, sum: 0, min: Infinity, max: -Infinity };
}

export function histogramBucket(value: number): number {
  f64[0] = value;
  const hi = u32[HI];
  const idx = ((((hi >>> 20) & 0x7ff) - BIASED_MIN) << SUB_BITS) | ((hi >>> (20 - SUB_BITS)) & (SUB - 1));
  if (idx < 0 || value <= 0) return 0;
  return idx >= HISTOGRAM_BUCKETS ? HISTOGRAM_BUCKETS - 1 : idx;
}

/** Midpoint of a bucket. */
export function histogramBucketValue(bucket: number): number {
  const octave = bucket >> SUB_BITS;
  const sub = bucket & (SUB - 1);
  return Math.pow(2, octave + MIN_EXP) * (1 + (sub + 0.5) / SUB);
}

export function histogramRecord(h: Histogram, value: number): void {
  h.counts[histogramBucket(value)]++;
  h.count++;
  h.sum += value;
  if (value < h.min) h.min = value;
  if (value > h.max) h.max = value;
}

export function histogramMean(h: Histogram): number {
  return h.count > 0 ? h.sum / h.count : NaN;
}

/** Lower edge of a bucket (the upper edge is the next bucket's lower edge). */
export function histogramBucketLower(bucket: number): number {
  const octave = bucket >> SUB_BITS;
  const sub = bucket & (SUB - 1);
  return Math.pow(2, octave + MIN_EXP) * (1 + sub / SUB);
}

/**
 * The q-quantile (0 ≤ q ≤ 1) of the recorded values. The rank is located in its bucket and
 * interpolated linearly inside it (values spread evenly over the bucket), so estimates move
 * continuously with the data — replications that differ a little give percentiles that differ
 * a little, and their confidence interval is honest — while staying inside the bucket, within
 * 0.8% of the true order statistic.
 */
export function histogramQuantile(h: Histogram, q: number): number {
  if (h.count === 0) return NaN;
  if (q <= 0) return h.min;
  if (q >= 1) return h.max;
  const rank = q * h.count;
  const counts = h.counts;
  let cumulative = 0;
  for (let b = 0; b < counts.length; b++) {
    const c = counts[b];
    if (cumulative + c >= rank && c > 0) {
      // The first bucket also holds zeros (a wait that did not happen): its values are ≤ 1 ns,
      // so report its least value rather than interpolating up from 1 ns.
      if (b === 0) return h.min;
      const lower = histogramBucketLower(b);
      const upper = b + 1 < counts.length ? histogramBucketLower(b + 1) : lower * 2;
      const v = lower + ((upper - lower) * (rank - cumulative)) / c;
      return Math.min(h.max, Math.max(h.min, v));
    }
    cumulative += c;
  }
  return h.max;
}

/** Fraction of recorded values ≤ x (bucket resolution). */
export function histogramCdf(h: Histogram, x: number): number {
  if (h.count === 0) return NaN;
  const last = histogramBucket(x);
  let below = 0;
  for (let b = 0; b <= last; b++) below += h.counts[b];
  return below / h.count;
}

export function histogramMerge(into: Histogram, from: Histogram): void {
  const a = into.counts, b = from.counts;
  for (let i = 0; i < a.length; i++) a[i] += b[i];
  into.count += from.count;
  into.sum += from.sum;
  if (from.min < into.min) into.min = from.min;
  if (from.max > into.max) into.max = from.max;
}

export function histogramReset(h: Histogram): void {
  h.counts.fill(0);
  h.count = 0;
  h.sum = 0;
  h.min = Infinity;
  h.max = -Infinity;
}
