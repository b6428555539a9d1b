/**
 * Finite-capacity Markovian queues: Poisson arrivals at rate λ, exponential service at rate μ
 * per server, at most K in the system (in service + waiting); an arrival that finds K present
 * is lost. In archsim terms K = workers + queue slots. Rates and times in consistent units.
 * Source: Gross & Harris, Fundamentals of Queueing Theory, §2.5 (M/M/1/K) and §2.6 (M/M/c/K).
 */
export interface FiniteQueueMetrics {
  /** P(an arrival is lost) = p_K (PASTA). */
  lossProbability: number;
  /** Admitted (= completed) rate λ(1 − p_K). */
  throughput: number;
  /** Mean number in system L. */
  meanNumber: number;
  /** Mean number waiting Lq. */
  meanQueueLength: number;
  /** Mean response time of admitted customers, L / (λ(1 − p_K)) (Little). */
  meanResponse: number;
  /** Mean busy servers = throughput / μ. */
  meanBusy: number;
}

function check(lambda: number, mu: number, c: number, k: number): void {
  if (!(lambda > 0 && mu > 0)) throw new RangeError(`needs λ > 0 and μ > 0, got λ=${lambda}, μ=${mu}`);
  if (!(Number.isInteger(c) && c >= 1 && Number.isInteger(k) && k >= c)) {
    throw new RangeError(`needs integers 1 ≤ c ≤ K, got c=${c}, K=${k}`);
  }
}

/**
 * M/M/1/K in closed form, ρ = λ/μ (any ρ > 0: the finite system is always stable):
 *   p_n = (1 − ρ)ρⁿ / (1 − ρ^{K+1})   (ρ ≠ 1),  1/(K + 1)  (ρ = 1)
 *   L = ρ/(1 − ρ) − (K + 1)ρ^{K+1}/(1 − ρ^{K+1})   (ρ ≠ 1),  K/2  (ρ = 1)
 */
export function mm1k(lambda: number, mu: number, k: number): FiniteQueueMetrics {
  check(lambda, mu, 1, k);
  const rho = lambda / mu;
  let pK: number, L: number;
  if (Math.abs(rho - 1) < 1e-12) {
    pK = 1 / (k + 1);
    L = k / 2;
  } else {
    const rk1 = Math.pow(rho, k + 1);
    pK = ((1 - rho) * Math.pow(rho, k)) / (1 - rk1);
    L = rho / (1 - rho) - ((k + 1) * rk1) / (1 - rk1);
  }
  const p0 = Math.abs(rho - 1) < 1e-12 ? 1 / (k + 1) : (1 - rho) / (1 - Math.pow(rho, k + 1));
  const throughput = lambda * (1 - pK);
  return {
    lossProbability: pK,
    throughput,
    meanNumber: L,
    meanQueueLength: L - (1 - p0),
    meanResponse: L / throughput,
    meanBusy: 1 - p0,
  };
}

/**
 * M/M/c/K as a birth–death chain: birth rate λ for n < K, death rate min(n, c)·μ, so
 * p_n ∝ Π_{i=1..n} λ / (min(i, c)μ). Solved numerically (terms normalised as they are built,
 * so large K cannot overflow). Reduces to `mm1k` for c = 1.
 */
export function mmck(lambda: number, mu: number, c: number, k: number): FiniteQueueMetrics {
  check(lambda, mu, c, k);
  const weights = new Float64Array(k + 1);
  weights[0] = 1;
  let total = 1;
  for (let n = 1; n <= k; n++) {
    weights[n] = (weights[n - 1] * lambda) / (Math.min(n, c) * mu);
    total += weights[n];
    if (total > 1e200) {
      for (let i = 0; i <= n; i++) weights[i] /= total;
      total = 1;
    }
  }
  let L = 0, Lq = 0, busy = 0;
  for (let n = 0; n <= k; n++) {
    const p = weights[n] / total;
    L += n * p;
    Lq += Math.max(0, n - c) * p;
    busy += Math.min(n, c) * p;
  }
  const pK = weights[k] / total;
  const throughput = lambda * (1 - pK);
  return { lossProbability: pK, throughput, meanNumber: L, meanQueueLength: Lq, meanResponse: L / throughput, meanBusy: busy };
}
