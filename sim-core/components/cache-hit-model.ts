/**
 * The hit ratio of an LRU cache derived from its capacity, key space, Zipf popularity and ttl —
 * Che's approximation, extended to a hard ttl and to a cold start. Derivation, assumptions and
 * measured error against a direct LRU simulation: docs/decisions/0009-cache-hit-ratio.md.
 *
 * Lookups form a Poisson stream of rate λ; each asks for key i (rank i = 1..N) with probability
 * p_i ∝ 1/i^s, independently (the independent reference model), so key i sees rate λ_i = λ·p_i.
 * Che: an LRU behaves as if each entry were dropped T_C after its last lookup, with the
 * characteristic time T_C set so that the expected number of entries equals the capacity.
 * Everything is computed in lookups rather than ms (x = λ·T_C, y = λ·τ, z = λ·t): without a ttl
 * the steady hit ratio does not depend on λ at all.
 *
 * Cost: keys are grouped by rank (ranks 1..16 alone, then groups [a, 1.1·a]: 153 groups for
 * N = 10^7), so an evaluation is a few hundred exponentials per step of a root finder: at
 * N = 10^7, ≤ 0.1 ms with a ttl, ≤ 0.35 ms for a cold start with a ttl, a few µs without.
 */

export interface CacheHitParams {
  /** Key-space size N: keys of rank 1..N. */
  keys: number;
  /** Zipf exponent s ≥ 0: the key of rank i is requested with probability ∝ 1/i^s (0: uniform). */
  zipf: number;
  /** Entries the cache holds. */
  capacity: number;
  /** An entry expires ttlMs after it was stored; hits do not refresh it (Redis `SET … EX`). */
  ttlMs?: number;
}

export interface CacheHitModel {
  /**
   * Steady-state hit ratio when the cache receives ratePerMs lookups per ms; with elapsedMs,
   * the hit ratio of a lookup arriving elapsedMs after a cold start (an empty cache at time 0)
   * at that constant rate.
   */
  hitRatio(ratePerMs: number, elapsedMs?: number): number;
  /**
   * Whether the steady-state hitRatio depends on ratePerMs: true only with a ttl. A cold-start
   * evaluation (elapsedMs given) always depends on the rate until the cache has filled.
   */
  readonly rateDependent: boolean;
}

export function createCacheHitModel(p: CacheHitParams): CacheHitModel {
  validateParams(p);
  const groups = buildRankGroups(p.keys, p.zipf);
  const capacity = p.capacity;
  const x0 = lruCharacteristicLookups(groups, p.keys, capacity);
  const steadyWithoutTtl = capacity <= 0 ? 0 : x0 === Infinity ? 1 : lruHitRatio(groups, x0);
  const ttl = p.ttlMs;
  const outAfterColdStart = new Float64Array(groups.count.length);

  return {
    rateDependent: ttl !== undefined,
    hitRatio(ratePerMs: number, elapsedMs?: number): number {
      if (!(ratePerMs >= 0 && ratePerMs < Infinity)) throw new RangeError(`cache hit model: ratePerMs must be finite and ≥ 0, got ${ratePerMs}`);
      if (elapsedMs !== undefined && !(elapsedMs >= 0 && elapsedMs < Infinity)) {
        throw new RangeError(`cache hit model: elapsedMs must be finite and ≥ 0, got ${elapsedMs}`);
      }
      if (capacity <= 0) return 0;
      const z = elapsedMs === undefined ? Infinity : ratePerMs * elapsedMs; // lookups since the cold start
      if (ttl === undefined) {
        // Before the cache first fills nothing has been evicted: a key is present iff looked up
        // since the start, 1 − e^{−λ_i t}; from then on Che's steady state (Σ occupancy = C at λt = x0).
        return z >= x0 ? steadyWithoutTtl : lruHitRatio(groups, z);
      }
      const y = ratePerMs * ttl;
      if (z === Infinity) return ttlSteadyHitRatio(groups, capacity, x0, y);
      // Before the first expiry the ttl has not acted: the cold LRU above.
      if (z <= y) return z >= x0 ? steadyWithoutTtl : lruHitRatio(groups, z);
      return ttlColdHitRatio(groups, capacity, x0, y, z, outAfterColdStart);
    },
  };
}

function validateParams(p: CacheHitParams): void {
  if (!(Number.isInteger(p.keys) && p.keys >= 1)) throw new RangeError(`cache hit model: keys must be an integer ≥ 1, got ${p.keys}`);
  if (!(p.zipf >= 0 && p.zipf < Infinity)) throw new RangeError(`cache hit model: zipf must be finite and ≥ 0, got ${p.zipf}`);
  if (!(p.capacity >= 0 && p.capacity < Infinity)) throw new RangeError(`cache hit model: capacity must be finite and ≥ 0, got ${p.capacity}`);
  if (p.ttlMs !== undefined && !(p.ttlMs > 0 && p.ttlMs < Infinity)) {
    throw new RangeError(`cache hit model: ttlMs must be finite and > 0 when given, got ${p.ttlMs}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Keys grouped by rank

/** Ranks up to here are their own group (popularity changes fast between them). */
const SINGLE_RANKS = 16;
/**
 * Beyond, a group spans ranks [a, ⌊a·GROUP_RATIO⌋]: p varies by ≤ 10%·s inside it. Against a
 * sum over every key (N = 2·10^5, s ≤ 1.5, with and without ttl, cold and warm) the groups move
 * the hit ratio by < 6·10^−5; ratio 1.04 would give < 10^−5 at 2.3 times the cost.
 */
const GROUP_RATIO = 1.1;

/**
 * Keys grouped by rank: group k holds count[k] keys, each looked up with probability prob[k]
 * (the group's mean, so its share mass[k] = count·prob is exact). Replacing the keys of a group
 * by their mean changes a sum of smooth functions of p only to second order in their spread.
 */
interface RankGroups {
  count: Float64Array;
  prob: Float64Array;
  mass: Float64Array;
}

function buildRankGroups(keys: number, zipf: number): RankGroups {
  const starts: number[] = [];
  const ends: number[] = [];
  for (let a = 1; a <= keys;) {
    const b = a <= SINGLE_RANKS ? a : Math.min(keys, Math.floor(a * GROUP_RATIO));
    starts.push(a);
    ends.push(b);
    a = b + 1;
  }
  const n = starts.length;
  const count = new Float64Array(n);
  const mass = new Float64Array(n);
  let total = 0;
  for (let k = 0; k < n; k++) {
    count[k] = ends[k] - starts[k] + 1;
    mass[k] = zipfSum(starts[k], ends[k], zipf);
    total += mass[k];
  }
  const prob = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    mass[k] /= total;
    prob[k] = mass[k] / count[k];
  }
  return { count, prob, mass };
}

/** Σ_{i=a}^{b} i^−s: directly for small ranks, by Euler–Maclaurin beyond (relative error ~a^−4). */
function zipfSum(a: number, b: number, s: number): number {
  if (a < 1000) {
    let sum = 0;
    for (let i = a; i <= b; i++) sum += Math.pow(i, -s);
    return sum;
  }
  const la = Math.log(a);
  const lb = Math.log(b);
  // ∫_a^b x^−s dx, written to stay accurate through s = 1
  const integral = Math.abs(1 - s) < 1e-12 ? lb - la : (Math.exp((1 - s) * la) * Math.expm1((1 - s) * (lb - la))) / (1 - s);
  const fa = Math.exp(-s * la);
  const fb = Math.exp(-s * lb);
  return integral + (fa + fb) / 2 + (s / 12) * (fa / a - fb / b) - ((s * (s + 1) * (s + 2)) / 720) * (fa / (a * a * a) - fb / (b * b * b));
}

// ---------------------------------------------------------------------------------------------
// LRU without ttl (Che)

/** Σ_i (1 − e^{−p_i·x}): the expected number of entries with characteristic time x lookups. */
function lruOccupancy(g: RankGroups, x: number): number {
  let sum = 0;
  for (let k = 0; k < g.count.length; k++) sum -= g.count[k] * Math.expm1(-g.prob[k] * x);
  return sum;
}

/** Σ_i p_i·(1 − e^{−p_i·x}): a lookup of key i hits iff key i was looked up in the last x lookups. */
function lruHitRatio(g: RankGroups, x: number): number {
  let sum = 0;
  for (let k = 0; k < g.count.length; k++) sum -= g.mass[k] * Math.expm1(-g.prob[k] * x);
  return sum;
}

/** Che's characteristic time in lookups, x0 = λ·T_C: Σ occupancy = capacity (∞ if all keys fit). */
function lruCharacteristicLookups(g: RankGroups, keys: number, capacity: number): number {
  if (capacity >= keys) return Infinity;
  if (capacity <= 0) return 0;
  // occupancy(x) ≤ x, so x0 ≥ capacity
  let hi = 2 * capacity;
  while (lruOccupancy(g, hi) < capacity) hi *= 2;
  return solveIncreasing((x) => lruOccupancy(g, x) - capacity, capacity, hi, 1e-9 * capacity);
}

// ---------------------------------------------------------------------------------------------
// LRU with a hard ttl

/**
 * Lookups a key can expect while one stored copy stays in the cache: λ_i·E[min(τ, D)], given
 * u = λ_i·T (lookups per characteristic time) and v = λ_i·τ (per ttl). D is the LRU stay: T
 * after the last lookup of a run of lookups whose gaps are all ≤ T, so D = T + S with S the sum
 * of those gaps; S = 0 with probability q = e^{−u}, E[S] = μ with λ_i·μ = e^u − 1 − u.
 *   τ ≤ T: the ttl always ends the stay first, E = τ.
 *   τ > T: E = T + E[min(τ − T, S)], taking S given S > 0 as exponential with mean m = μ/(1 − q).
 */
export function stayLookups(u: number, v: number): number {
  // The ttl ends the stay first when τ ≤ T, and, to a relative error below 10^−17·v, when
  // u > 40: the mean run of lookups is then ≥ e^40 lookups long, so it outlasts any ttl.
  if (v <= u || u > 40) return v;
  const lmu = shortRunLookups(u);
  const notQ = -Math.expm1(-u);
  return u - lmu * Math.expm1(-((v - u) * notQ) / lmu);
}

/**
 * P(the ttl, not the LRU, ends a stay) = P(T + S ≥ τ) under the same exponential S. This share
 * of stays has the same length τ for every copy, which is what keeps a cold start's expiries
 * in step (see ttlColdHitRatio).
 */
function ttlEndsStay(u: number, v: number): number {
  if (v <= u || u > 40) return 1;
  const lmu = shortRunLookups(u);
  const notQ = -Math.expm1(-u);
  return notQ * Math.exp(-((v - u) * notQ) / lmu);
}

/** e^u − 1 − u without cancellation near 0. */
function shortRunLookups(u: number): number {
  return u < 1e-4 ? u * u * (0.5 + u * (1 / 6 + u / 24)) : Math.expm1(u) - u;
}

/**
 * By renewal–reward: a stored copy stays E[min(τ, D)], then the key is absent until its next
 * lookup (mean 1/λ_i), which is a miss that stores it again. So the key is present a share
 * h = λ_i·E/(1 + λ_i·E) of the time, and by PASTA that is also its hit ratio.
 */
function presentShare(u: number, v: number): number {
  const h = stayLookups(u, v);
  return h / (1 + h);
}

function ttlOccupancy(g: RankGroups, x: number, y: number): number {
  let sum = 0;
  for (let k = 0; k < g.count.length; k++) sum += g.count[k] * presentShare(g.prob[k] * x, g.prob[k] * y);
  return sum;
}

function ttlHitRatio(g: RankGroups, x: number, y: number): number {
  let sum = 0;
  for (let k = 0; k < g.count.length; k++) sum += g.mass[k] * presentShare(g.prob[k] * x, g.prob[k] * y);
  return sum;
}

/**
 * Steady state with ttl y = λτ lookups. If the ttl alone keeps the expected number of entries at
 * or below the capacity the LRU never evicts (x = ∞). Otherwise x lies in [x0, y]: the ttl only
 * removes entries, so x ≥ x0; and at x ≥ y every stay is the ttl, which overfills.
 */
function ttlSteadyHitRatio(g: RankGroups, capacity: number, x0: number, y: number): number {
  if (ttlOccupancy(g, Infinity, y) <= capacity) return ttlHitRatio(g, Infinity, y);
  const x = solveIncreasing((x) => ttlOccupancy(g, x, y) - capacity, x0, y, 1e-9 * capacity);
  return ttlHitRatio(g, x, y);
}

// ---------------------------------------------------------------------------------------------
// Cold start with a ttl

/**
 * Hit ratio z lookups after a cold start, z > y (some entries have expired). Copies stored near
 * time 0 expire together near τ, 2τ, …, so the hit ratio dips after each multiple of τ, and the
 * dips fade only as the random gaps before each re-store add up.
 *
 * Without LRU evictions (a ttl-only cache) this is exact: key i is absent at t iff
 *   Q_i(t) = Σ_{j ≥ 0, jτ ≤ t} Poisson(j; λ_i(t − jτ))
 * (the alternating renewal process "present τ, absent Exp(λ_i)" started absent). With LRU
 * evictions the key's presence is its steady share plus the part of the ttl transient carried by
 * the stays the ttl ends:
 *   present_i = share_i(x) + π_i(x)·[(1 − Q_i) − v_i/(1 + v_i)],   π_i = P(the ttl ends a stay),
 * which is exact for keys the LRU never evicts (π = 1) and for keys the ttl never reaches
 * (π = 0), and with x solving Σ present_i = C (x = ∞ while the cache is not full).
 */
function ttlColdHitRatio(g: RankGroups, capacity: number, x0: number, y: number, z: number, out: Float64Array): number {
  const n = g.count.length;
  for (let k = 0; k < n; k++) out[k] = ttlOnlyAbsent(g.prob[k] * z, g.prob[k] * y);
  const present = (k: number, x: number): number => {
    const u = g.prob[k] * x;
    const v = g.prob[k] * y;
    return presentShare(u, v) + ttlEndsStay(u, v) * (1 - out[k] - v / (1 + v));
  };
  const occupancy = (x: number): number => {
    let sum = 0;
    for (let k = 0; k < n; k++) sum += g.count[k] * present(k, x);
    return sum;
  };
  let x = Infinity;
  if (occupancy(Infinity) > capacity) {
    // At x ≥ y every π = 1 (same as x = ∞, which overfills); as x → 0, presence → 0.
    let lo = Math.min(x0, y) / 2;
    for (let i = 0; i < 100 && occupancy(lo) > capacity; i++) lo /= 4;
    x = solveIncreasing((x) => occupancy(x) - capacity, lo, y, 1e-9 * capacity);
  }
  let hit = 0;
  for (let k = 0; k < n; k++) hit += g.mass[k] * present(k, x);
  return hit;
}

/**
 * Q(t): probability that a key is absent at t in a ttl-only cache that was empty at 0, with
 * a = λ_i·t and b = λ_i·τ. Term j (j completed stays) is a Poisson(j; a − j·b) probability; as a
 * function of j it is a bump around j* = a/(1 + b), of width σ = √(j*)/(1 + b) near its top.
 * Once σ ≥ 1.5 the sum equals its mean 1/(1 + b) to ~1e-13 (Poisson summation: the oscillating
 * part is ~e^{−2π²σ²}); below, the terms are summed outwards from j* until they vanish
 * (< 1e-17 of the sum), a few dozen at most.
 */
export function ttlOnlyAbsent(a: number, b: number): number {
  if (a <= b) return Math.exp(-a);
  const jStar = a / (1 + b);
  if (Math.sqrt(jStar) / (1 + b) >= 1.5) return 1 / (1 + b);
  const last = Math.floor(a / b);
  const top = Math.min(last, Math.round(jStar));
  let sum = 0;
  for (let j = top; j <= last; j++) {
    const term = poissonTerm(j, a - j * b);
    sum += term;
    if (j > jStar + 1 && term <= 1e-17 * sum) break;
  }
  for (let j = top - 1; j >= 0; j--) {
    const term = poissonTerm(j, a - j * b);
    sum += term;
    if (j < jStar - 1 && term <= 1e-17 * sum) break;
  }
  return sum;
}

/** Poisson(j; mu) = e^−mu·mu^j/j!, 0 for mu ≤ 0 and j ≥ 1. */
function poissonTerm(j: number, mu: number): number {
  if (mu <= 0) return j === 0 ? 1 : 0;
  return Math.exp(j * Math.log(mu) - mu - lnFactorial(j));
}

const LN_FACTORIALS = (() => {
  const t = new Float64Array(256);
  for (let j = 2; j < t.length; j++) t[j] = t[j - 1] + Math.log(j);
  return t;
})();

/** ln j!: a table, then Stirling's series (error < 1e-16 relative beyond 256). */
function lnFactorial(j: number): number {
  if (j < LN_FACTORIALS.length) return LN_FACTORIALS[j];
  const r = 1 / j;
  return j * Math.log(j) - j + 0.5 * Math.log(2 * Math.PI * j) + r * (1 / 12 - r * r * (1 / 360 - (r * r) / 1260));
}

// ---------------------------------------------------------------------------------------------

/**
 * The root of an increasing f on [lo, hi] (0 < lo ≤ hi, f(lo) ≤ 0 ≤ f(hi)): the Illinois variant
 * of regula falsi on ln x, stopped once |f| ≤ tolerance (or the bracket is 10^−12 wide in ln x).
 * Here f is an occupancy minus the capacity and tolerance = 10^−9·capacity: that moves the hit
 * ratio by about 10^−9.
 */
function solveIncreasing(f: (x: number) => number, lo: number, hi: number, tolerance: number): number {
  let a = Math.log(lo);
  let b = Math.log(hi);
  let fa = f(lo);
  let fb = f(hi);
  if (fa >= -tolerance) return lo;
  if (fb <= tolerance) return hi;
  let side = 0;
  for (let i = 0; i < 200 && b - a > 1e-12; i++) {
    // a secant step, or bisection if rounding puts it outside the bracket
    let c = (a * fb - b * fa) / (fb - fa);
    if (!(c > a && c < b)) c = (a + b) / 2;
    const fc = f(Math.exp(c));
    if (Math.abs(fc) <= tolerance) return Math.exp(c);
    if (fc < 0) {
      a = c;
      fa = fc;
      if (side === -1) fb /= 2;
      side = -1;
    } else {
      b = c;
      fb = fc;
      if (side === 1) fa /= 2;
      side = 1;
    }
  }
  return Math.exp((a + b) / 2);
}
