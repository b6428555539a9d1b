import { DistTable, distMean, type DistSpec } from '../engine/distributions.ts';
import type { RandomStream } from '../engine/random.ts';

/**
 * The equilibrium ("stationary") start of an alternating up/down renewal process.
 *
 * Why: a replication that starts with every replica freshly repaired is biased towards "up"
 * for the first few repair times, and with a deterministic time to failure every replica would
 * fail at the same instants forever. Started in equilibrium, each replica is up at every instant
 * with probability exactly E[up]/(E[up] + E[down]), so a replication's time shares are unbiased
 * for any horizon, whatever the distributions.
 *
 * Renewal theory (Cox, Renewal Theory, §7.2; Ross, Stochastic Processes, §3.5): in equilibrium
 * the process is in a phase with probability proportional to the phase's mean, and the time
 * left in the current phase (forward recurrence time) is U·L, where U ~ Uniform(0, 1) and L has
 * the length-biased density x·f(x)/E[X] of the phase's length.
 */
export class EquilibriumStart {
  private readonly lengthBiased: (rng: RandomStream) => number;

  constructor(spec: DistSpec) {
    this.lengthBiased = lengthBiasedSampler(spec);
  }

  /** Time left in the current phase at a random instant in equilibrium. */
  residual(rng: RandomStream): number {
    return rng.nextUniform() * this.lengthBiased(rng);
  }
}

/** Probability that an alternating process is in its down phase at a random instant. */
export function downProbability(up: DistSpec, down: DistSpec): number {
  const u = distMean(up), d = distMean(down);
  return d / (u + d);
}

/**
 * A sampler of the length-biased law x·f(x)/E[X]. For the gamma family the length bias adds one
 * to the shape at the same scale; for the lognormal it shifts μ by σ²; mixtures are reweighted by
 * pᵢ·E[Xᵢ].
 */
function lengthBiasedSampler(spec: DistSpec): (rng: RandomStream) => number {
  const viaTable = (biased: DistSpec) => {
    const table = new DistTable();
    const id = table.add(biased);
    return (rng: RandomStream) => table.sample(id, rng);
  };
  switch (spec.kind) {
    case 'const': return () => spec.value;
    case 'exp': return viaTable({ kind: 'erlang', k: 2, mean: 2 * spec.mean });
    case 'erlang': return viaTable({ kind: 'erlang', k: spec.k + 1, mean: (spec.mean * (spec.k + 1)) / spec.k });
    case 'gamma': return viaTable({ kind: 'gamma', shape: spec.shape + 1, mean: (spec.mean * (spec.shape + 1)) / spec.shape });
    case 'lognormal': return viaTable({ kind: 'lognormal', mu: spec.mu + spec.sigma * spec.sigma, sigma: spec.sigma });
    case 'uniform': {
      // CDF (x² − a²)/(b² − a²) on [a, b], inverted.
      const a2 = spec.min * spec.min, span = spec.max * spec.max - a2;
      return (rng) => Math.sqrt(a2 + span * rng.nextUniform());
    }
    case 'hyperexp': {
      // Phase i is picked with probability ∝ pᵢ·mᵢ; given the phase, the length-biased
      // exponential is Erlang(2) with the same rate.
      const weights = spec.probs.map((p, i) => p * spec.means[i]);
      const pick = cumulative(weights);
      const tables = spec.means.map((m) => viaTable({ kind: 'erlang', k: 2, mean: 2 * m }));
      return (rng) => tables[pickIndex(pick, rng.nextUniform())](rng);
    }
    case 'empirical': {
      const pick = cumulative(spec.values);
      return (rng) => spec.values[pickIndex(pick, rng.nextUniform())];
    }
  }
}

function cumulative(weights: readonly number[]): Float64Array {
  const total = weights.reduce((s, w) => s + w, 0);
  const cum = new Float64Array(weights.length);
  let acc = 0;
  weights.forEach((w, i) => {
    acc += w / total;
    cum[i] = acc;
  });
  cum[cum.length - 1] = 1;
  return cum;
}

function pickIndex(cum: Float64Array, u: number): number {
  let i = 0;
  while (u > cum[i]) i++;
  return i;
}
