import type { DistSpec } from '../../sim-core/engine/distributions.ts';

/**
 * Raw moments E[X], E[X²], E[X³], E[X⁴] of a DistSpec, from textbook formulas written
 * independently of sim-core (which only knows mean and variance):
 *   exp(m): r!·mʳ;  lognormal: e^{rμ + r²σ²/2};  U(a,b): (b^{r+1} − a^{r+1})/((r+1)(b − a));
 *   gamma(shape s, scale θ) and Erlang: θʳ·s(s+1)…(s+r−1);  hyperexp: Σ pᵢ·r!·mᵢʳ.
 */
export function rawMoments(d: DistSpec): [number, number, number, number] {
  const m = (r: number): number => {
    switch (d.kind) {
      case 'const': return d.value ** r;
      case 'exp': return factorial(r) * d.mean ** r;
      case 'lognormal': return Math.exp(r * d.mu + (r * r * d.sigma * d.sigma) / 2);
      case 'uniform': return (d.max ** (r + 1) - d.min ** (r + 1)) / ((r + 1) * (d.max - d.min));
      case 'erlang': return gammaMoment(d.k, d.mean / d.k, r);
      case 'gamma': return gammaMoment(d.shape, d.mean / d.shape, r);
      case 'hyperexp': {
        const total = d.probs.reduce((s, p) => s + p, 0);
        return d.probs.reduce((s, p, i) => s + (p / total) * factorial(r) * d.means[i] ** r, 0);
      }
      case 'empirical': return d.values.reduce((s, v) => s + v ** r, 0) / d.values.length;
    }
  };
  return [m(1), m(2), m(3), m(4)];
}

/** Variance and fourth central moment μ₄ from the raw moments. */
export function centralMoments(d: DistSpec): { mean: number; variance: number; mu4: number } {
  const [e1, e2, e3, e4] = rawMoments(d);
  return {
    mean: e1,
    variance: e2 - e1 * e1,
    mu4: e4 - 4 * e3 * e1 + 6 * e2 * e1 * e1 - 3 * e1 ** 4,
  };
}

function factorial(r: number): number {
  let f = 1;
  for (let i = 2; i <= r; i++) f *= i;
  return f;
}

function gammaMoment(shape: number, scale: number, r: number): number {
  let m = 1;
  for (let i = 0; i < r; i++) m *= (shape + i) * scale;
  return m;
}
