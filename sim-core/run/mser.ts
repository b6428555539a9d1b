/**
 * MSER-5: where a simulation's initial transient ends, from one output series.
 *
 * MSER (Marginal Standard Error Rule; White 1997, "An effective truncation heuristic for bias
 * reduction in simulation output", Simulation 69(6)) truncates the first d observations of a
 * series Y₁…Yₙ where
 *
 *   MSER(d) = 1/(n − d)² · Σ_{i=d+1..n} (Yᵢ − Ȳ_{n,d})²
 *
 * is smallest: the squared standard error of the truncated mean (up to a constant). Dropping
 * biased early observations lowers the spread faster than the shrinking sample raises it;
 * dropping stationary ones does not. MSER-5 applies the rule to the means of non-overlapping
 * batches of 5 observations, which smooths the statistic (White, Cobb & Spratt 2000, "A
 * comparison of five steady-state truncation heuristics", WSC). As recommended there and by
 * Franklin & White 2008 ("Stationarity tests and MSER-5: exploring the intuition behind
 * mean-squared-error-reduction in warm-up period determination", WSC), d is searched over the
 * first half of the series only: near its end MSER(d) rests on a few points and can dip by
 * chance, and a transient longer than half the run means the run is too short anyway.
 */

export const MSER_BATCH_SIZE = 5;
/** Fewest whole batches MSER-5 works on: with fewer, its choice is mostly noise. */
export const MSER_MIN_BATCHES = 10;

export interface MserTruncation {
  /** Observations to discard from the start (a multiple of the batch size). */
  observations: number;
  /** Batches discarded. */
  batches: number;
  /** Whole batches in the series (a trailing partial batch is left out). */
  totalBatches: number;
  /** The minimum is the last truncation searched: the transient may be longer than half the run. */
  atSearchLimit: boolean;
}

/**
 * Means of consecutive non-overlapping batches; a trailing partial batch is dropped. Non-finite
 * values (an interval with nothing to measure, e.g. no request finished) are left out of their
 * batch's mean; a batch with no finite value has mean NaN.
 */
export function batchMeans(series: ArrayLike<number>, batchSize: number): number[] {
  const out: number[] = [];
  for (let start = 0; start + batchSize <= series.length; start += batchSize) {
    let sum = 0;
    let n = 0;
    for (let i = start; i < start + batchSize; i++) {
      const y = series[i];
      if (Number.isFinite(y)) {
        sum += y;
        n++;
      }
    }
    out.push(n > 0 ? sum / n : NaN);
  }
  return out;
}

/**
 * MSER(d) for d = 0 … maxD, computed from the end with Welford's update so that each value
 * costs O(1) and long flat series do not lose precision to cancellation.
 */
export function mserStatistics(values: readonly number[], maxD: number): Float64Array {
  const n = values.length;
  const stats = new Float64Array(maxD + 1);
  let count = 0;
  let mean = 0;
  let m2 = 0;
  for (let d = n - 1; d >= 0; d--) {
    count++;
    const delta = values[d] - mean;
    mean += delta / count;
    m2 += delta * (values[d] - mean);
    if (d <= maxD) stats[d] = m2 / (count * count);
  }
  return stats;
}

/**
 * The MSER-5 truncation of a series, or undefined when the series has fewer than
 * MSER_MIN_BATCHES whole batches or a batch with no finite value. Ties go to the smaller d.
 */
export function mser5(series: ArrayLike<number>, batchSize = MSER_BATCH_SIZE): MserTruncation | undefined {
  const means = batchMeans(series, batchSize);
  const k = means.length;
  if (k < MSER_MIN_BATCHES || means.some((m) => !Number.isFinite(m))) return undefined;
  const maxD = Math.floor(k / 2);
  const stats = mserStatistics(means, maxD);
  let best = 0;
  for (let d = 1; d <= maxD; d++) if (stats[d] < stats[best]) best = d;
  return { observations: best * batchSize, batches: best, totalBatches: k, atSearchLimit: best === maxD };
}
