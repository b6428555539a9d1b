import { describe, expect, it } from 'vitest';
import { createCacheHitModel, stayLookups } from '../../sim-core/components/cache-hit-model.ts';
import { deriveStream } from '../../sim-core/engine/random.ts';
import { simulateColdStart, simulateSteadyHitRatio } from '../helpers/lru-simulation.ts';
import type { LruScenario } from '../helpers/lru-simulation.ts';

/**
 * The cache hit-ratio model against a direct LRU simulation over a grid of capacities, Zipf
 * exponents and ttls (N = 10^4 keys), and its ttl stay formula against a single-key simulation.
 * Tolerances as in cache-hit-model.test.ts: the model's measured deterministic error (bias) plus
 * 4.5 standard errors of the simulation. The table of measured errors is in
 * docs/decisions/0009-cache-hit-ratio.md.
 */
const STEADY_BIAS = 0.003;
const COLD_BIAS = 0.005;
const COLD_TTL_FILLED_BIAS = 0.012;
const Z = 4.5;
const KEYS = 10_000;

describe('cache hit model against a direct LRU simulation (slow)', () => {
  for (const capacity of [100, 1000, 5000]) {
    for (const zipf of [0.6, 0.8, 1.0, 1.2]) {
      it(`steady LRU without ttl, C=${capacity} s=${zipf} (seed 11)`, () => {
        expectSteady({ keys: KEYS, zipf, capacity, ratePerMs: 1, seed: 11 });
      });
    }
  }

  // ttl from 0.3 to 10 characteristic times: the cache never fills below ~1.5·T_C
  for (const capacity of [100, 1000, 5000]) {
    for (const zipf of [0.6, 1.0, 1.2]) {
      it(`steady LRU with ttl λτ = 0.3, 1, 2, 10 × T_C, C=${capacity} s=${zipf} (seed 12)`, () => {
        const x0 = characteristicLookups(KEYS, zipf, capacity);
        for (const f of [0.3, 1, 2, 10]) {
          expectSteady({ keys: KEYS, zipf, capacity, ttlMs: Math.round(f * x0), ratePerMs: 1, seed: 12 });
        }
      });
    }
  }

  for (const [capacity, zipf, f] of [[5000, 0.6, 2], [100, 1.2, 3], [1000, 0.8, 5]] as const) {
    it(`cold start with ttl λτ = ${f}·T_C, C=${capacity} s=${zipf}: the cache fills before the first expiry (seed 13)`, () => {
      const x0 = characteristicLookups(KEYS, zipf, capacity);
      const ttlMs = Math.round(f * x0);
      const sc = { keys: KEYS, zipf, capacity, ttlMs, ratePerMs: 1, seed: 13 };
      const model = createCacheHitModel(sc);
      const end = 4 * ttlMs;
      const boundaries = Array.from({ length: 33 }, (_, i) => (end * i) / 32);
      for (const w of simulateColdStart(sc, boundaries, 120)) {
        let sum = 0;
        for (let i = 0; i < 32; i++) sum += model.hitRatio(1, w.startMs + ((i + 0.5) * (w.endMs - w.startMs)) / 32);
        const exact = sum / 32;
        const bias = w.endMs > ttlMs ? COLD_TTL_FILLED_BIAS : COLD_BIAS;
        const detail = `[${w.startMs}, ${w.endMs}): model ${exact.toFixed(4)}, simulated ${w.hitRatio.toFixed(4)} ± ${w.standardError.toFixed(4)} (se)`;
        expect(w.standardError, detail).toBeLessThan(0.006);
        expect(Math.abs(exact - w.hitRatio), detail).toBeLessThanOrEqual(bias + Z * w.standardError);
      }
    });
  }

  it('stay formula: λE[min(τ, D)] of one key within 2.5% of a single-key simulation (seed 14)', () => {
    // One key, λ = 1: it is stored at 0; the LRU drops it T after the last lookup of a run of
    // gaps ≤ T, the ttl at τ. Measured worst error of the exponential-S approximation: 1.9%.
    const stream = deriveStream(14, 0, 'stay');
    const n = 200_000;
    for (const u of [0.1, 0.5, 1, 2, 4]) {
      for (const v of [0.2, 1, 3, 8, 20]) {
        if (v <= u) continue;
        let sum = 0;
        let sumSq = 0;
        for (let i = 0; i < n; i++) {
          let last = 0;
          for (;;) {
            const gap = -Math.log(stream.nextUniform());
            if (gap > u) break;
            last += gap;
            if (last + u >= v) break; // the ttl ends the stay
          }
          const stay = Math.min(v, last + u);
          sum += stay;
          sumSq += stay * stay;
        }
        const mean = sum / n;
        const se = Math.sqrt((sumSq / n - mean * mean) / n);
        const model = stayLookups(u, v);
        expect(Math.abs(model - mean), `u=${u} v=${v}: model ${model}, simulated ${mean} ± ${se}`).toBeLessThanOrEqual(0.025 * mean + Z * se);
      }
    }
  });
});

function expectSteady(sc: LruScenario): void {
  const model = createCacheHitModel(sc);
  const exact = model.hitRatio(sc.ratePerMs);
  const x0 = characteristicLookups(sc.keys, sc.zipf, sc.capacity);
  // batches of ≥ 5 characteristic times and ≥ 3 ttls, so that batch means are independent
  const batchRequests = Math.ceil(Math.max(20_000, 5 * x0, 3 * (sc.ttlMs ?? 0) * sc.ratePerMs));
  const sim = simulateSteadyHitRatio(sc, { warmupRequests: 2 * batchRequests, batches: 20, batchRequests });
  const detail = `C=${sc.capacity} s=${sc.zipf} λτ=${(sc.ttlMs ?? Infinity) * sc.ratePerMs}: model ${exact.toFixed(4)}, ` +
    `simulated ${sim.hitRatio.toFixed(4)} ± ${sim.standardError.toFixed(4)} (se)`;
  expect(sim.standardError, `simulation too noisy to test: ${detail}`).toBeLessThan(0.002);
  expect(Math.abs(exact - sim.hitRatio), detail).toBeLessThanOrEqual(STEADY_BIAS + Z * sim.standardError);
}

/** Che's characteristic time in lookups, key by key, by bisection (sets run lengths only). */
function characteristicLookups(keys: number, zipf: number, capacity: number): number {
  const p: number[] = [];
  let total = 0;
  for (let i = 1; i <= keys; i++) total += p[p.length] = Math.pow(i, -zipf);
  const occupancy = (x: number): number => p.reduce((s, w) => s - Math.expm1((-w / total) * x), 0);
  let lo = 0;
  let hi = capacity;
  while (occupancy(hi) < capacity) hi *= 2;
  for (let i = 0; i < 50; i++) {
    const mid = (lo + hi) / 2;
    if (occupancy(mid) < capacity) lo = mid;
    else hi = mid;
  }
  return hi;
}
