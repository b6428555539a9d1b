import { describe, expect, it } from 'vitest';
import { createCacheHitModel, stayLookups, ttlOnlyAbsent } from '../../sim-core/components/cache-hit-model.ts';
import type { CacheHitModel } from '../../sim-core/components/cache-hit-model.ts';
import { simulateColdStart, simulateSteadyHitRatio } from '../helpers/lru-simulation.ts';
import type { LruScenario, WindowEstimate } from '../helpers/lru-simulation.ts';

/**
 * The cache hit-ratio model (Che's approximation with ttl and cold start) against exact
 * formulas, a per-key reference, and a direct LRU simulation. More cases, with longer runs, are
 * in cache-hit-model.slow.test.ts; the measured errors are in docs/decisions/0009-cache-hit-ratio.md.
 *
 * Tolerance against the simulation: |model − simulated| ≤ bias + 4.5·se, where se is the
 * simulation's standard error (batch means, or the spread of independent cold starts) and bias
 * is the model's own, deterministic error, bounded from the measurements in the decision record:
 */
/** Steady state with or without ttl: measured ≤ 0.0021 over 57 cases and two seeds (N = 10^4, C = 100..5,000). */
const STEADY_BIAS = 0.003;
/** Cold start without ttl, or with a ttl that keeps the cache from filling: no error beyond the
 * simulation's noise (|z| ≤ 2.9 over 120 windows); an allowance for Che near the moment of filling. */
const COLD_BIAS = 0.005;
/** Cold start with a ttl, once the LRU evicts and entries expire: measured ≤ 0.009 (windows ≥ τ/16). */
const COLD_TTL_FILLED_BIAS = 0.012;
const Z = 4.5;

const KEYS = 10_000;

describe('cache hit model: exact cases', () => {
  it('holds every key when the capacity covers the key space: hit ratio 1 in steady state', () => {
    for (const zipf of [0, 0.8, 1, 1.5]) {
      expect(createCacheHitModel({ keys: 1000, zipf, capacity: 1000 }).hitRatio(1)).toBe(1);
      expect(createCacheHitModel({ keys: 1000, zipf, capacity: 5000 }).hitRatio(0.01)).toBe(1);
    }
  });

  it('hits nothing with capacity 0, with or without ttl, warm or cold', () => {
    for (const ttlMs of [undefined, 1000]) {
      const m = createCacheHitModel({ keys: 1000, zipf: 0.9, capacity: 0, ttlMs });
      expect(m.hitRatio(1)).toBe(0);
      expect(m.hitRatio(1, 5000)).toBe(0);
    }
  });

  it('gives C/N for uniform popularity (zipf 0) without ttl, whatever N', () => {
    for (const [keys, capacity] of [[1000, 250], [10_000_000, 123_456], [50, 49.5]]) {
      expect(createCacheHitModel({ keys, zipf: 0, capacity }).hitRatio(1)).toBeCloseTo(capacity / keys, 8);
    }
  });

  it('is the ttl-only renewal result Σ p_i·λ_iτ/(1 + λ_iτ) when the cache never fills (to the rank groups\' 1e-4)', () => {
    const keys = 2000;
    for (const zipf of [0, 0.7, 1.3]) {
      const p = zipfProbabilities(keys, zipf);
      const m = createCacheHitModel({ keys, zipf, capacity: keys, ttlMs: 500 });
      for (const rate of [0.01, 1, 30]) {
        const exact = p.reduce((sum, pi) => sum + (pi * pi * rate * 500) / (1 + pi * rate * 500), 0);
        expect(Math.abs(m.hitRatio(rate) - exact), `s=${zipf} λ=${rate}`).toBeLessThan(zipf === 0 ? 1e-12 : 1e-4);
      }
    }
  });

  it('works in lookups: without ttl the steady hit ratio does not depend on the rate', () => {
    const m = createCacheHitModel({ keys: 10_000, zipf: 1.1, capacity: 300 });
    expect(m.rateDependent).toBe(false);
    expect(m.hitRatio(0.001)).toBe(m.hitRatio(1000));
    expect(createCacheHitModel({ keys: 10_000, zipf: 1.1, capacity: 300, ttlMs: 60_000 }).rateDependent).toBe(true);
  });

  it('rises with the rate under a ttl, towards the LRU value without ttl', () => {
    const noTtl = createCacheHitModel({ keys: 100_000, zipf: 0.9, capacity: 1000 }).hitRatio(1);
    const m = createCacheHitModel({ keys: 100_000, zipf: 0.9, capacity: 1000, ttlMs: 1000 });
    let previous = 0;
    for (const rate of [0.001, 0.01, 0.1, 1, 10, 100, 1e4, 1e6]) {
      const h = m.hitRatio(rate);
      expect(h).toBeGreaterThan(previous);
      expect(h).toBeLessThanOrEqual(noTtl + 1e-12);
      previous = h;
    }
    expect(previous).toBeCloseTo(noTtl, 7); // misses ∝ 1/(λτ): 4e-9 at λτ = 10^9
  });

  it('matches a sum over every key (no rank groups) to 1e-4, Zipf exponents below and above 1', () => {
    const keys = 30_000; // ranks beyond 1,000 use the Euler–Maclaurin group sums
    for (const [zipf, capacity, ttlMs] of [[0.7, 2000, undefined], [1.2, 500, undefined], [0.9, 3000, 2e4], [1.5, 100, 300]] as const) {
      const reference = perKeyReference(zipfProbabilities(keys, zipf), capacity, ttlMs === undefined ? Infinity : ttlMs);
      const m = createCacheHitModel({ keys, zipf, capacity, ttlMs });
      expect(Math.abs(m.hitRatio(1) - reference), `s=${zipf} C=${capacity} ttl=${ttlMs}`).toBeLessThan(1e-4);
    }
  });

  it('starts cold at 0 and, without ttl, reaches the steady value once λt lookups fill the cache', () => {
    const m = createCacheHitModel({ keys: 10_000, zipf: 0.8, capacity: 1000 });
    const steady = m.hitRatio(1);
    expect(m.hitRatio(1, 0)).toBe(0);
    let previous = 0;
    for (const t of [10, 100, 500, 1000, 1400]) {
      const h = m.hitRatio(1, t);
      expect(h).toBeGreaterThan(previous);
      expect(h).toBeLessThan(steady);
      previous = h;
    }
    expect(m.hitRatio(1, 2000)).toBe(steady); // x0 ≈ 1472 lookups
    expect(m.hitRatio(2, 1000)).toBe(steady); // same lookups, twice the rate
  });

  it('rejects programmer errors with clear messages', () => {
    expect(() => createCacheHitModel({ keys: 0, zipf: 1, capacity: 1 })).toThrow(/keys must be an integer ≥ 1/);
    expect(() => createCacheHitModel({ keys: 10.5, zipf: 1, capacity: 1 })).toThrow(/keys/);
    expect(() => createCacheHitModel({ keys: 10, zipf: -1, capacity: 1 })).toThrow(/zipf must be finite and ≥ 0/);
    expect(() => createCacheHitModel({ keys: 10, zipf: 1, capacity: NaN })).toThrow(/capacity/);
    expect(() => createCacheHitModel({ keys: 10, zipf: 1, capacity: 1, ttlMs: 0 })).toThrow(/ttlMs must be finite and > 0/);
    const m = createCacheHitModel({ keys: 10, zipf: 1, capacity: 1 });
    expect(() => m.hitRatio(-1)).toThrow(/ratePerMs/);
    expect(() => m.hitRatio(1, NaN)).toThrow(/elapsedMs/);
  });
});

describe('cache hit model: formulas', () => {
  it('stay: τ when τ ≤ T; the LRU-only stay (e^u − 1)/λ as τ → ∞; continuous at τ = T', () => {
    for (const u of [1e-6, 0.01, 0.5, 3, 30]) {
      expect(stayLookups(u, u / 2)).toBe(u / 2);
      const lruOnly = Math.expm1(u); // λ·E[D] = e^u − 1
      expect(stayLookups(u, u + 1e6 * lruOnly) / lruOnly).toBeCloseTo(1, 9);
      expect(stayLookups(u, u * (1 + 1e-9)) / u).toBeCloseTo(1, 6);
    }
  });

  it('ttl-only cold start: the windowed Poisson sum equals the full sum Σ_j Poisson(j; a − jb)', () => {
    for (const b of [0.003, 0.1, 0.5, 1, 3, 20, 300]) {
      for (const ratio of [0.5, 1, 1.001, 1.5, 2.7, 10, 40, 300]) {
        const a = b * ratio;
        if (a / b > 5000) continue;
        expect(Math.abs(ttlOnlyAbsent(a, b) - fullPoissonSum(a, b)), `a=${a} b=${b}`).toBeLessThan(1e-12);
      }
    }
    // the long-run limit: absent a share 1/(1 + λτ) of the time
    expect(ttlOnlyAbsent(1e6, 2)).toBeCloseTo(1 / 3, 12);
  });
});

describe('cache hit model against a direct LRU simulation', () => {
  it('steady LRU without ttl, N=10^4 C=1000 s=0.8 (seed 1)', () => {
    const sc = { keys: KEYS, zipf: 0.8, capacity: 1000, ratePerMs: 1, seed: 1 };
    expectSteady(sc, createCacheHitModel(sc));
  });

  // λτ = 700, 4700, 23,500 lookups against T_C ≈ 2,352 lookups; the middle one at 4 lookups/ms
  for (const [label, ttlMs, ratePerMs] of [['short (never fills)', 700, 1], ['comparable', 1175, 4], ['long', 23_500, 1]] as const) {
    it(`steady LRU with a ${label} ttl λτ=${ttlMs * ratePerMs} lookups, N=10^4 C=1000 s=1 (seed 2)`, () => {
      const sc = { keys: KEYS, zipf: 1, capacity: 1000, ttlMs, ratePerMs, seed: 2 };
      expectSteady(sc, createCacheHitModel(sc));
    });
  }

  it('cold start without ttl: hit ratio over time windows, N=10^4 C=1000 s=0.8 (seed 3)', () => {
    const sc = { keys: KEYS, zipf: 0.8, capacity: 1000, ratePerMs: 1, seed: 3 };
    const windows = simulateColdStart(sc, range(0, 3000, 12), 150);
    expectWindows(windows, createCacheHitModel(sc), 1, () => COLD_BIAS);
  });

  it('cold start with a ttl that keeps the cache from filling: expiry waves at τ, 2τ (seed 4)', () => {
    const sc = { keys: KEYS, zipf: 1, capacity: 1000, ttlMs: 700, ratePerMs: 1, seed: 4 };
    const windows = simulateColdStart(sc, range(0, 2800, 16), 200);
    expectWindows(windows, createCacheHitModel(sc), 1, () => COLD_BIAS);
  });

  it('cold start with a ttl longer than T_C: fills, then expiry waves (seed 5)', () => {
    const sc = { keys: KEYS, zipf: 1, capacity: 1000, ttlMs: 4700, ratePerMs: 1, seed: 5 };
    const windows = simulateColdStart(sc, range(0, 14_100, 12), 80);
    expectWindows(windows, createCacheHitModel(sc), 1, (w) => (w.endMs > 4700 ? COLD_TTL_FILLED_BIAS : COLD_BIAS));
  });
});

function expectSteady(sc: LruScenario, model: CacheHitModel): void {
  const exact = model.hitRatio(sc.ratePerMs);
  // batches of ≥ 5 characteristic times and ≥ 5 ttls, so that batch means are independent
  const scale = Math.max(5 * sc.capacity, sc.ttlMs === undefined ? 0 : sc.ttlMs * sc.ratePerMs);
  const batchRequests = Math.max(20_000, Math.ceil(5 * scale));
  const sim = simulateSteadyHitRatio(sc, { warmupRequests: 2 * batchRequests, batches: 20, batchRequests });
  const detail = `model ${exact.toFixed(4)}, simulated ${sim.hitRatio.toFixed(4)} ± ${sim.standardError.toFixed(4)} (se)`;
  expect(sim.standardError, `simulation too noisy to test: ${detail}`).toBeLessThan(0.002);
  expect(Math.abs(exact - sim.hitRatio), detail).toBeLessThanOrEqual(STEADY_BIAS + Z * sim.standardError);
}

/** Compares each window's simulated hit ratio with the model averaged over the window. */
function expectWindows(windows: WindowEstimate[], model: CacheHitModel, ratePerMs: number, bias: (w: WindowEstimate) => number): void {
  for (const w of windows) {
    const points = 32;
    let sum = 0;
    for (let i = 0; i < points; i++) sum += model.hitRatio(ratePerMs, w.startMs + ((i + 0.5) * (w.endMs - w.startMs)) / points);
    const exact = sum / points;
    const detail = `[${w.startMs}, ${w.endMs}) ms: model ${exact.toFixed(4)}, simulated ${w.hitRatio.toFixed(4)} ± ${w.standardError.toFixed(4)} (se)`;
    expect(w.standardError, `simulation too noisy to test: ${detail}`).toBeLessThan(0.006);
    expect(Math.abs(exact - w.hitRatio), detail).toBeLessThanOrEqual(bias(w) + Z * w.standardError);
  }
}

function range(from: number, to: number, steps: number): number[] {
  return Array.from({ length: steps + 1 }, (_, i) => from + ((to - from) * i) / steps);
}

function zipfProbabilities(keys: number, zipf: number): Float64Array {
  const p = new Float64Array(keys);
  let sum = 0;
  for (let i = 0; i < keys; i++) sum += p[i] = Math.pow(i + 1, -zipf);
  for (let i = 0; i < keys; i++) p[i] /= sum;
  return p;
}

/** The same formulas summed key by key, characteristic time by plain bisection. */
function perKeyReference(p: Float64Array, capacity: number, ttl: number): number {
  const share = (pi: number, x: number): number => {
    if (ttl === Infinity) return -Math.expm1(-pi * x);
    const h = stayLookups(pi * x, pi * ttl);
    return h / (1 + h);
  };
  const occupancy = (x: number): number => p.reduce((sum, pi) => sum + share(pi, x), 0);
  let x = Infinity;
  if (occupancy(Infinity) > capacity) {
    let lo = 0;
    let hi = capacity;
    while (occupancy(hi) < capacity) hi *= 2;
    for (let i = 0; i < 60; i++) {
      const mid = (lo + hi) / 2;
      if (occupancy(mid) < capacity) lo = mid;
      else hi = mid;
    }
    x = (lo + hi) / 2;
  }
  return p.reduce((sum, pi) => sum + pi * share(pi, x), 0);
}

/** Σ_{j=0}^{⌊a/b⌋} Poisson(j; a − jb), every term, in logs. */
function fullPoissonSum(a: number, b: number): number {
  let sum = 0;
  let lnFactorial = 0;
  for (let j = 0; j * b <= a; j++) {
    if (j > 0) lnFactorial += Math.log(j);
    const mu = a - j * b;
    if (mu > 0) sum += Math.exp(j * Math.log(mu) - mu - lnFactorial);
    else if (j === 0) sum += 1;
  }
  return sum;
}
