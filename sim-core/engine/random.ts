/**
 * Seeded random streams.
 *
 * Generator: xoshiro128** (Blackman & Vigna), 128 bits of state, period 2^128 − 1, 32-bit
 * output; all arithmetic is 32-bit (`Math.imul`, shifts), so it is fast in V8 and identical on
 * every platform.
 *
 * Streams: every consumer of randomness (a component, the workload's arrivals, its endpoint mix,
 * the network) owns a named stream. A stream's state is derived from
 * `(scenario seed, replication index, stream name)` by hashing the name (FNV-1a), mixing the
 * three with the murmur3 finaliser and expanding the result to 128 bits with splitmix32. Because
 * the name — not a position — identifies the stream, two scenarios that share component names
 * draw the same numbers for the same purpose (common random numbers), and adding a component
 * does not disturb the others. Replication i always uses index i, whatever process runs it.
 */
export class RandomStream {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;

  constructor(seed0: number, seed1: number, seed2: number, seed3: number) {
    this.s0 = seed0 | 0;
    this.s1 = seed1 | 0;
    this.s2 = seed2 | 0;
    this.s3 = seed3 | 0;
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1; // all-zero state is absorbing
  }

  /** Next raw 32-bit output as an unsigned integer. */
  nextUint32(): number {
    const s1 = this.s1;
    const result = Math.imul(rotl(Math.imul(s1, 5), 7), 9);
    const t = s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return result >>> 0;
  }

  /**
   * Uniform in the open interval (0, 1) with 32-bit resolution: never exactly 0 or 1, so
   * `Math.log(u)` is always finite. The smallest value, 2^-33, bounds an exponential draw at
   * about 23 means — a tail beyond 10^-10 probability, far below any reported percentile.
   */
  nextUniform(): number {
    return (this.nextUint32() + 0.5) * 2.3283064365386963e-10;
  }

  private spareNormal = NaN;

  /** Standard normal (Marsaglia's polar method; the second value of each pair is kept). */
  nextNormal(): number {
    const spare = this.spareNormal;
    if (spare === spare) {
      this.spareNormal = NaN;
      return spare;
    }
    let u: number, v: number, s: number;
    do {
      u = 2 * this.nextUniform() - 1;
      v = 2 * this.nextUniform() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const m = Math.sqrt((-2 * Math.log(s)) / s);
    this.spareNormal = v * m;
    return u * m;
  }

  /** Integer in [0, n). */
  nextInt(n: number): number {
    return Math.floor(this.nextUniform() * n);
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/** FNV-1a over the UTF-16 code units of a name. */
export function hashName(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** murmur3's 32-bit finaliser: a bijective avalanche mix. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The stream for `name` in replication `replication` of a run seeded with `seed`. */
export function deriveStream(seed: number, replication: number, name: string): RandomStream {
  let x = fmix32((seed >>> 0) ^ 0x9e3779b9);
  x = fmix32(x ^ Math.imul(replication + 1, 0x85ebca6b));
  x = fmix32(x ^ hashName(name));
  // splitmix32 expansion to four words
  const words = [0, 0, 0, 0];
  for (let i = 0; i < 4; i++) {
    x = (x + 0x9e3779b9) | 0;
    let z = x;
    z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
    z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
    words[i] = (z ^ (z >>> 15)) | 0;
  }
  return new RandomStream(words[0], words[1], words[2], words[3]);
}
