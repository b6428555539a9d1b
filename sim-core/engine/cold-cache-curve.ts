import type { CacheHitModel } from '../components/cache-hit-model.ts';

/** Grid points per doubling of the lookup count: neighbours 4.4% apart, interpolation error < 1e-4. */
const STEPS_PER_DOUBLING = 16;
/** The curve is tabulated up to 2^MAX_DOUBLINGS lookups (far past any cache's fill point). */
const MAX_DOUBLINGS = 48;

/**
 * The hit ratio of a lookup that finds a (no-ttl) cache after z earlier lookups since it started
 * empty, h(z) — Che's cold start (cache-hit-model.ts; exact before the cache first fills, then its
 * steady ratio). Evaluating the model costs ~150 exponentials, too much per lookup, so h is
 * tabulated on a geometric grid z = 2^(k/16) until it reaches the steady ratio, and interpolated
 * linearly in between.
 */
export class ColdCacheCurve {
  private readonly values: Float64Array;
  private readonly steady: number;

  constructor(model: CacheHitModel) {
    this.steady = model.hitRatio(1);
    const values: number[] = [];
    for (let k = 0; k <= MAX_DOUBLINGS * STEPS_PER_DOUBLING; k++) {
      // At 1 lookup per ms, z lookups take z ms.
      const h = model.hitRatio(1, Math.pow(2, k / STEPS_PER_DOUBLING));
      values.push(h);
      if (h >= this.steady - 1e-12) break;
    }
    this.values = Float64Array.from(values);
  }

  /** h(z) for z ≥ 0 earlier lookups. */
  at(z: number): number {
    if (z < 1) return z <= 0 ? 0 : z * this.values[0]; // h(0) = 0: an empty cache
    const x = Math.log2(z) * STEPS_PER_DOUBLING;
    const k = Math.floor(x);
    if (k + 1 >= this.values.length) return this.steady;
    return this.values[k] + (this.values[k + 1] - this.values[k]) * (x - k);
  }
}
