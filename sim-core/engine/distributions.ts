import type { RandomStream } from './random.ts';
import { sampleStandardExponential } from './ziggurat.ts';

/**
 * A probability distribution of a duration (milliseconds) or any positive quantity, as plain
 * data. The scenario parser produces these from text (`exp(4ms)`, `lognormal(p50=…, p99=…)`);
 * `DistTable` turns them into a compact, allocation-free sampler.
 */
export type DistSpec =
  | { kind: 'const'; value: number }
  | { kind: 'exp'; mean: number }
  /** ln X ~ Normal(mu, sigma²). Build with `lognormalFromMeanCv` or `lognormalFromPercentiles`. */
  | { kind: 'lognormal'; mu: number; sigma: number }
  | { kind: 'uniform'; min: number; max: number }
  /** Sum of k exponential phases with total mean `mean`. */
  | { kind: 'erlang'; k: number; mean: number }
  /** Gamma with shape (k) and mean; shape need not be an integer. */
  | { kind: 'gamma'; shape: number; mean: number }
  /** With probability probs[i], exponential with mean means[i]. */
  | { kind: 'hyperexp'; probs: number[]; means: number[] }
  /** Each of the values equally likely. */
  | { kind: 'empirical'; values: number[] };

const Z99 = 2.3263478740408408; // standard normal 99th percentile

export function lognormalFromMeanCv(mean: number, cv: number): DistSpec {
  const sigma2 = Math.log(1 + cv * cv);
  return { kind: 'lognormal', mu: Math.log(mean) - sigma2 / 2, sigma: Math.sqrt(sigma2) };
}

export function lognormalFromPercentiles(p50: number, p99: number): DistSpec {
  const mu = Math.log(p50);
  return { kind: 'lognormal', mu, sigma: (Math.log(p99) - mu) / Z99 };
}

/** Balanced-means two-phase hyperexponential with the given mean and coefficient of variation (cv ≥ 1). */
export function hyperexpFromMeanCv(mean: number, cv: number): DistSpec {
  const c2 = cv * cv;
  const p1 = 0.5 * (1 + Math.sqrt((c2 - 1) / (c2 + 1)));
  const p2 = 1 - p1;
  return { kind: 'hyperexp', probs: [p1, p2], means: [mean / (2 * p1), mean / (2 * p2)] };
}

export function distMean(d: DistSpec): number {
  switch (d.kind) {
    case 'const': return d.value;
    case 'exp': return d.mean;
    case 'lognormal': return Math.exp(d.mu + (d.sigma * d.sigma) / 2);
    case 'uniform': return (d.min + d.max) / 2;
    case 'erlang': return d.mean;
    case 'gamma': return d.mean;
    case 'hyperexp': return d.probs.reduce((s, p, i) => s + p * d.means[i], 0);
    case 'empirical': return d.values.reduce((s, v) => s + v, 0) / d.values.length;
  }
}

export function distVariance(d: DistSpec): number {
  switch (d.kind) {
    case 'const': return 0;
    case 'exp': return d.mean * d.mean;
    case 'lognormal': {
      const s2 = d.sigma * d.sigma;
      return (Math.exp(s2) - 1) * Math.exp(2 * d.mu + s2);
    }
    case 'uniform': return ((d.max - d.min) ** 2) / 12;
    case 'erlang': return (d.mean * d.mean) / d.k;
    case 'gamma': return (d.mean * d.mean) / d.shape;
    case 'hyperexp': {
      const m = distMean(d);
      const second = d.probs.reduce((s, p, i) => s + p * 2 * d.means[i] * d.means[i], 0);
      return second - m * m;
    }
    case 'empirical': {
      const m = distMean(d);
      return d.values.reduce((s, v) => s + (v - m) ** 2, 0) / d.values.length;
    }
  }
}

const K_CONST = 0, K_EXP = 1, K_LOGNORMAL = 2, K_UNIFORM = 3, K_ERLANG = 4, K_GAMMA = 5, K_HYPEREXP = 6, K_EMPIRICAL = 7;

/**
 * Compiled distributions, addressed by integer id. Parameters live in typed arrays and sampling
 * is one switch, so the simulation loop never allocates or calls through closures.
 */
export class DistTable {
  private kind = new Int32Array(16);
  private a = new Float64Array(16);
  private b = new Float64Array(16);
  private tables: Float64Array[] = [];
  readonly specs: DistSpec[] = [];

  get size(): number {
    return this.specs.length;
  }

  add(spec: DistSpec): number {
    const id = this.specs.length;
    if (id === this.kind.length) this.grow();
    this.specs.push(spec);
    let table = new Float64Array(0);
    switch (spec.kind) {
      case 'const': this.set(id, K_CONST, spec.value, 0); break;
      case 'exp': this.set(id, K_EXP, spec.mean, 0); break;
      case 'lognormal': this.set(id, K_LOGNORMAL, spec.mu, spec.sigma); break;
      case 'uniform': this.set(id, K_UNIFORM, spec.min, spec.max - spec.min); break;
      case 'erlang': this.set(id, K_ERLANG, spec.k, spec.mean / spec.k); break;
      case 'gamma': {
        // Marsaglia–Tsang constants; shape < 1 is boosted by one and corrected with U^(1/shape).
        const boosted = spec.shape < 1 ? spec.shape + 1 : spec.shape;
        this.set(id, K_GAMMA, spec.shape, spec.mean / spec.shape);
        table = Float64Array.of(boosted - 1 / 3, 1 / Math.sqrt(9 * (boosted - 1 / 3)));
        break;
      }
      case 'hyperexp': {
        const n = spec.probs.length;
        table = new Float64Array(2 * n);
        const total = spec.probs.reduce((s, p) => s + p, 0);
        let cum = 0;
        for (let i = 0; i < n; i++) {
          cum += spec.probs[i] / total;
          table[2 * i] = i === n - 1 ? 1 : cum;
          table[2 * i + 1] = spec.means[i];
        }
        this.set(id, K_HYPEREXP, n, 0);
        break;
      }
      case 'empirical':
        table = Float64Array.from(spec.values);
        this.set(id, K_EMPIRICAL, spec.values.length, 0);
        break;
    }
    this.tables.push(table);
    return id;
  }

  mean(id: number): number {
    return distMean(this.specs[id]);
  }

  sample(id: number, rng: RandomStream): number {
    switch (this.kind[id]) {
      case K_EXP: return this.a[id] * sampleStandardExponential(rng);
      case K_CONST: return this.a[id];
      case K_LOGNORMAL: return Math.exp(this.a[id] + this.b[id] * rng.nextNormal());
      case K_UNIFORM: return this.a[id] + this.b[id] * rng.nextUniform();
      case K_ERLANG: {
        let product = 1;
        for (let i = this.a[id]; i > 0; i--) product *= rng.nextUniform();
        return -this.b[id] * Math.log(product);
      }
      case K_GAMMA: return this.b[id] * this.sampleGammaUnitScale(id, rng);
      case K_HYPEREXP: {
        const t = this.tables[id];
        const u = rng.nextUniform();
        let i = 0;
        while (u > t[i]) i += 2;
        return t[i + 1] * sampleStandardExponential(rng);
      }
      case K_EMPIRICAL: {
        const t = this.tables[id];
        return t[rng.nextInt(t.length)];
      }
      default: throw new Error(`unknown distribution kind ${this.kind[id]}`);
    }
  }

  private sampleGammaUnitScale(id: number, rng: RandomStream): number {
    const t = this.tables[id];
    const d = t[0], c = t[1];
    let x: number, v: number;
    for (;;) {
      do {
        x = rng.nextNormal();
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      const u = rng.nextUniform();
      if (u < 1 - 0.0331 * x * x * x * x || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) break;
    }
    const shape = this.a[id];
    return shape < 1 ? d * v * Math.pow(rng.nextUniform(), 1 / shape) : d * v;
  }

  private set(id: number, kind: number, a: number, b: number): void {
    this.kind[id] = kind;
    this.a[id] = a;
    this.b[id] = b;
  }

  private grow(): void {
    const n = this.kind.length * 2;
    const kind = new Int32Array(n); kind.set(this.kind); this.kind = kind;
    const a = new Float64Array(n); a.set(this.a); this.a = a;
    const b = new Float64Array(n); b.set(this.b); this.b = b;
  }
}
