/**
 * Inverts a continuous, non-decreasing CDF on [0, ∞) by bisection: the t with F(t) = p.
 * Used for response-time percentiles whose CDF has a closed form but no closed-form inverse.
 * The upper bracket doubles from `scale` until F(hi) ≥ p; then 200 halvings (far more than a
 * double's 52 bits need — the loop stops early once the bracket stops shrinking).
 */
export function invertCdf(cdf: (t: number) => number, p: number, scale = 1): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`invertCdf: p must be in (0, 1), got ${p}`);
  let lo = 0;
  let hi = scale;
  while (cdf(hi) < p) {
    lo = hi;
    hi *= 2;
    if (!Number.isFinite(hi)) throw new RangeError('invertCdf: CDF never reaches p');
  }
  for (let i = 0; i < 200; i++) {
    const mid = 0.5 * (lo + hi);
    if (mid <= lo || mid >= hi) break;
    if (cdf(mid) < p) lo = mid;
    else hi = mid;
  }
  return 0.5 * (lo + hi);
}
