import { deriveStream } from '../../sim-core/engine/random.ts';
import type { RandomStream } from '../../sim-core/engine/random.ts';

/**
 * A direct simulation of an LRU cache — the reference the hit-ratio model
 * (sim-core/components/cache-hit-model.ts) is tested against.
 *
 * Keys 0..N−1 are requested independently (the independent reference model): key k (rank k + 1)
 * with probability ∝ 1/(k + 1)^s, at the times of a Poisson process of rate λ. The cache is an
 * exact LRU of `capacity` entries: a hit moves the key to the front; a miss stores the key at the
 * front and, when the cache is over capacity, drops the least recently used entry. With a ttl τ an
 * entry expires τ after it was stored — a hit does not refresh it (Redis `SET key value EX τ`) —
 * and an expired entry frees its slot at once (as if Redis's active expiry were immediate), so a
 * request for it at or after its expiry is a miss that stores it again.
 */

/** Zipf rank sampler by inverse CDF: a binary search in the cumulative probabilities. */
export class ZipfSampler {
  private readonly cdf: Float64Array;

  constructor(keys: number, zipf: number) {
    this.cdf = new Float64Array(keys);
    let sum = 0;
    for (let k = 0; k < keys; k++) {
      sum += Math.pow(k + 1, -zipf);
      this.cdf[k] = sum;
    }
    for (let k = 0; k < keys; k++) this.cdf[k] /= sum;
    this.cdf[keys - 1] = 1;
  }

  /** A key 0..N−1: the first k with cdf[k] ≥ u. */
  sample(stream: RandomStream): number {
    const u = stream.nextUniform();
    const cdf = this.cdf;
    let lo = 0;
    let hi = cdf.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cdf[mid] < u) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/** An exact LRU over keys 0..N−1: a doubly linked list in typed arrays, with optional ttl. */
export class LruCache {
  private readonly prev: Int32Array;
  private readonly next: Int32Array;
  private readonly present: Uint8Array;
  private readonly storedAt: Float64Array;
  /** The list's sentinel: next[head] is the most recently used key, prev[head] the least. */
  private readonly head: number;
  private readonly capacity: number;
  private readonly ttlMs: number;
  /** Stores in time order, so entries expire in this order: a growable FIFO of (key, time). */
  private fifoKey = new Int32Array(1024);
  private fifoTime = new Float64Array(1024);
  private fifoHead = 0;
  private fifoTail = 0;
  size = 0;

  constructor(keys: number, capacity: number, ttlMs = Infinity) {
    this.prev = new Int32Array(keys + 1);
    this.next = new Int32Array(keys + 1);
    this.present = new Uint8Array(keys);
    this.storedAt = new Float64Array(keys);
    this.head = keys;
    this.prev[keys] = keys;
    this.next[keys] = keys;
    this.capacity = Math.floor(capacity);
    this.ttlMs = ttlMs;
  }

  /** Looks `key` up at `timeMs` (non-decreasing from call to call); true on a hit. */
  request(key: number, timeMs: number): boolean {
    if (this.ttlMs !== Infinity) this.expire(timeMs);
    if (this.present[key]) {
      this.unlink(key);
      this.linkFront(key);
      return true;
    }
    if (this.capacity <= 0) return false;
    this.present[key] = 1;
    this.storedAt[key] = timeMs;
    this.linkFront(key);
    this.size++;
    if (this.ttlMs !== Infinity) this.pushFifo(key, timeMs);
    if (this.size > this.capacity) {
      const lru = this.prev[this.head];
      this.unlink(lru);
      this.present[lru] = 0;
      this.size--;
    }
    return false;
  }

  /** Drops every entry stored at or before `timeMs − ttl` that is still the same store. */
  private expire(timeMs: number): void {
    const limit = timeMs - this.ttlMs;
    while (this.fifoHead < this.fifoTail && this.fifoTime[this.fifoHead] <= limit) {
      const key = this.fifoKey[this.fifoHead];
      // Skip stale records: the key was evicted by the LRU since, or stored again later.
      if (this.present[key] && this.storedAt[key] === this.fifoTime[this.fifoHead]) {
        this.unlink(key);
        this.present[key] = 0;
        this.size--;
      }
      this.fifoHead++;
    }
  }

  private pushFifo(key: number, timeMs: number): void {
    if (this.fifoTail === this.fifoKey.length) {
      const live = this.fifoTail - this.fifoHead;
      if (live * 2 > this.fifoKey.length) {
        const keys = new Int32Array(this.fifoKey.length * 2);
        const times = new Float64Array(this.fifoKey.length * 2);
        keys.set(this.fifoKey.subarray(this.fifoHead, this.fifoTail));
        times.set(this.fifoTime.subarray(this.fifoHead, this.fifoTail));
        this.fifoKey = keys;
        this.fifoTime = times;
      } else {
        this.fifoKey.copyWithin(0, this.fifoHead, this.fifoTail);
        this.fifoTime.copyWithin(0, this.fifoHead, this.fifoTail);
      }
      this.fifoTail = live;
      this.fifoHead = 0;
    }
    this.fifoKey[this.fifoTail] = key;
    this.fifoTime[this.fifoTail] = timeMs;
    this.fifoTail++;
  }

  private unlink(key: number): void {
    const p = this.prev[key];
    const n = this.next[key];
    this.next[p] = n;
    this.prev[n] = p;
  }

  private linkFront(key: number): void {
    const first = this.next[this.head];
    this.prev[key] = this.head;
    this.next[key] = first;
    this.prev[first] = key;
    this.next[this.head] = key;
  }
}

export interface LruScenario {
  keys: number;
  zipf: number;
  capacity: number;
  ttlMs?: number;
  /** Poisson lookup rate; only matters with a ttl (without one, only the order of keys does). */
  ratePerMs: number;
  seed: number;
}

export interface SteadyEstimate {
  hitRatio: number;
  /** Standard error of `hitRatio` by batch means. */
  standardError: number;
  batchHitRatios: number[];
}

/**
 * Steady-state hit ratio: `warmupRequests` lookups are discarded, then `batches` batches of
 * `batchRequests` lookups are counted. The batches are long (≫ the time an entry stays in the
 * cache) so their hit ratios are nearly independent, and the batch-means standard error holds.
 */
export function simulateSteadyHitRatio(
  sc: LruScenario,
  run: { warmupRequests: number; batches: number; batchRequests: number },
): SteadyEstimate {
  const stream = deriveStream(sc.seed, 0, 'lru-simulation');
  const sampler = new ZipfSampler(sc.keys, sc.zipf);
  const cache = new LruCache(sc.keys, sc.capacity, sc.ttlMs);
  const meanGap = 1 / sc.ratePerMs;
  let t = 0;
  for (let i = 0; i < run.warmupRequests; i++) {
    t -= meanGap * Math.log(stream.nextUniform());
    cache.request(sampler.sample(stream), t);
  }
  const batchHitRatios: number[] = [];
  for (let b = 0; b < run.batches; b++) {
    let hits = 0;
    for (let i = 0; i < run.batchRequests; i++) {
      t -= meanGap * Math.log(stream.nextUniform());
      if (cache.request(sampler.sample(stream), t)) hits++;
    }
    batchHitRatios.push(hits / run.batchRequests);
  }
  const { mean, standardError } = meanAndStandardError(batchHitRatios);
  return { hitRatio: mean, standardError, batchHitRatios };
}

export interface WindowEstimate {
  startMs: number;
  endMs: number;
  /** Mean over replications of the window's hit ratio (hits / lookups in the window). */
  hitRatio: number;
  standardError: number;
}

/**
 * Cold start: each of `replications` independent runs starts with an empty cache at time 0; the
 * hit ratio of the lookups in each window [boundaries[j], boundaries[j + 1]) is averaged over the
 * replications, with the standard error from their spread.
 */
export function simulateColdStart(sc: LruScenario, boundariesMs: number[], replications: number): WindowEstimate[] {
  const sampler = new ZipfSampler(sc.keys, sc.zipf);
  const windows = boundariesMs.length - 1;
  const ratios: number[][] = Array.from({ length: windows }, () => []);
  const meanGap = 1 / sc.ratePerMs;
  const end = boundariesMs[windows];
  for (let r = 0; r < replications; r++) {
    const stream = deriveStream(sc.seed, r, 'lru-simulation');
    const cache = new LruCache(sc.keys, sc.capacity, sc.ttlMs);
    const hits = new Float64Array(windows);
    const lookups = new Float64Array(windows);
    let w = 0;
    let t = -meanGap * Math.log(stream.nextUniform());
    while (t < end) {
      const hit = cache.request(sampler.sample(stream), t);
      while (w < windows && t >= boundariesMs[w + 1]) w++;
      if (t >= boundariesMs[0]) {
        lookups[w]++;
        if (hit) hits[w]++;
      }
      t -= meanGap * Math.log(stream.nextUniform());
    }
    for (let j = 0; j < windows; j++) ratios[j].push(lookups[j] > 0 ? hits[j] / lookups[j] : 0);
  }
  return ratios.map((values, j) => ({
    startMs: boundariesMs[j],
    endMs: boundariesMs[j + 1],
    ...renameMean(meanAndStandardError(values)),
  }));
}

function renameMean(m: { mean: number; standardError: number }): { hitRatio: number; standardError: number } {
  return { hitRatio: m.mean, standardError: m.standardError };
}

function meanAndStandardError(values: number[]): { mean: number; standardError: number } {
  const n = values.length;
  const mean = values.reduce((a, b) => a + b, 0) / n;
  const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1);
  return { mean, standardError: Math.sqrt(variance / n) };
}
