import { studentTQuantile, type Estimate } from '../run/stats.ts';

/**
 * The ratio estimator R = ΣYᵢ / ΣXᵢ over replications (e.g. mean outage duration = total
 * downtime / number of outages) with a 95% delta-method half-width:
 *   se² = Σ (Yᵢ − R·Xᵢ)² / (n(n − 1)·X̄²),   half-width = t_{0.975, n−1}·se
 * (Cochran, Sampling Techniques, §6.4). Pooling is what makes it honest: the mean of
 * per-replication ratios would drop replications without outages and weight a replication with
 * one outage like one with fifty. NaN when ΣX = 0; half-width NaN with fewer than two replications.
 */
export function ratioEstimate(numerators: readonly number[], denominators: readonly number[]): Estimate {
  const n = numerators.length;
  let sy = 0, sx = 0;
  for (let i = 0; i < n; i++) {
    sy += numerators[i];
    sx += denominators[i];
  }
  if (!(sx > 0)) return { mean: NaN, halfWidth: NaN, n };
  const r = sy / sx;
  if (n < 2) return { mean: r, halfWidth: NaN, n };
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (numerators[i] - r * denominators[i]) ** 2;
  const xbar = sx / n;
  const se = Math.sqrt(ss / (n * (n - 1))) / xbar;
  return { mean: r, halfWidth: studentTQuantile(0.975, n - 1) * se, n };
}
