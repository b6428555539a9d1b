import { invertCdf } from './invert-cdf.ts';

/**
 * M/M/c: Poisson arrivals at rate λ, c exponential servers of rate μ each, FIFO, unbounded
 * queue. Offered load a = λ/μ (Erlangs), utilisation ρ = a/c. Rates and times in any
 * consistent units. Source: Gross & Harris, Fundamentals of Queueing Theory, §2.3;
 * Kleinrock, Queueing Systems Vol. 1, §3.5.
 */
function checkStable(lambda: number, mu: number, c: number): void {
  if (!(Number.isInteger(c) && c >= 1)) throw new RangeError(`M/M/c needs an integer c ≥ 1, got ${c}`);
  if (!(lambda > 0 && mu > 0 && lambda < c * mu)) {
    throw new RangeError(`M/M/c needs 0 < λ < cμ, got λ=${lambda}, μ=${mu}, c=${c}`);
  }
}

/**
 * Erlang B (loss probability of M/M/c/c) by the stable recursion
 * B(0) = 1, B(k) = a·B(k−1) / (k + a·B(k−1)) — no factorials, no overflow for large c.
 */
export function erlangB(c: number, a: number): number {
  let b = 1;
  for (let k = 1; k <= c; k++) b = (a * b) / (k + a * b);
  return b;
}

/**
 * Erlang C: the probability that an arrival waits,
 * C(c, a) = [aᶜ/c! · 1/(1−ρ)] / [Σ_{k<c} aᵏ/k! + aᶜ/c! · 1/(1−ρ)], computed from Erlang B as
 * C = B / (1 − ρ(1 − B)).
 */
export function erlangC(c: number, a: number): number {
  const rho = a / c;
  if (!(rho < 1)) throw new RangeError(`Erlang C needs a < c, got a=${a}, c=${c}`);
  const b = erlangB(c, a);
  return b / (1 - rho * (1 - b));
}

/** P(an arrival waits) = C(c, λ/μ). */
export function mmcProbabilityOfWait(lambda: number, mu: number, c: number): number {
  checkStable(lambda, mu, c);
  return erlangC(c, lambda / mu);
}

/** Mean waiting time in queue Wq = C/(cμ − λ). */
export function mmcMeanWait(lambda: number, mu: number, c: number): number {
  return mmcProbabilityOfWait(lambda, mu, c) / (c * mu - lambda);
}

/** Mean response time W = Wq + 1/μ. */
export function mmcMeanResponse(lambda: number, mu: number, c: number): number {
  return mmcMeanWait(lambda, mu, c) + 1 / mu;
}

/** Mean number waiting Lq = λ·Wq (Little). */
export function mmcMeanQueueLength(lambda: number, mu: number, c: number): number {
  return lambda * mmcMeanWait(lambda, mu, c);
}

/** Mean number in system L = λ·W (Little). */
export function mmcMeanNumber(lambda: number, mu: number, c: number): number {
  return lambda * mmcMeanResponse(lambda, mu, c);
}

/**
 * P(Exp(θ) + Exp(μ) > t) for independent exponentials (a hypoexponential survival function):
 * (μe^{−θt} − θe^{−μt})/(μ − θ), rewritten with δ = θ − μ as
 * e^{−μt}·(1 + μ·(1 − e^{−δt})/δ), which is exact for every δ ≠ 0 without cancellation
 * (expm1) and tends to the Erlang-2 survival e^{−μt}(1 + μt) as δ → 0.
 */
export function hypoexponentialSurvival(theta: number, mu: number, t: number): number {
  const delta = theta - mu;
  const factor = delta === 0 ? t : -Math.expm1(-delta * t) / delta;
  return Math.exp(-mu * t) * (1 + mu * factor);
}

/**
 * CDF of the M/M/c response time T = Wq + S. Under FIFO the wait is 0 with probability 1 − C
 * and, given a wait, exponential with rate θ = cμ − λ (Gross & Harris eq. 2.39); the service
 * S ~ Exp(μ) is independent of it. So
 *   P(T ≤ t) = (1 − C)(1 − e^{−μt}) + C·(1 − P(Exp(θ) + Exp(μ) > t)).
 */
export function mmcResponseCdf(lambda: number, mu: number, c: number, t: number): number {
  if (t <= 0) return 0;
  const pWait = mmcProbabilityOfWait(lambda, mu, c);
  const theta = c * mu - lambda;
  return (1 - pWait) * -Math.expm1(-mu * t) + pWait * (1 - hypoexponentialSurvival(theta, mu, t));
}

/** The p-quantile of the M/M/c response time, by bisection on `mmcResponseCdf`. */
export function mmcResponsePercentile(lambda: number, mu: number, c: number, p: number): number {
  checkStable(lambda, mu, c);
  return invertCdf((t) => mmcResponseCdf(lambda, mu, c, t), p, 1 / mu);
}
