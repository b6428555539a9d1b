/**
 * M/M/1: Poisson arrivals at rate λ, one exponential server at rate μ, FIFO, unbounded queue.
 * Rates and times in any consistent units (e.g. per ms and ms). Source: Kleinrock, Queueing
 * Systems Vol. 1 (1975), §3.2; Gross & Harris, Fundamentals of Queueing Theory, §2.2.
 */
function checkStable(lambda: number, mu: number): void {
  if (!(lambda > 0 && mu > 0 && lambda < mu)) throw new RangeError(`M/M/1 needs 0 < λ < μ, got λ=${lambda}, μ=${mu}`);
}

/** ρ = λ/μ. */
export function mm1Utilisation(lambda: number, mu: number): number {
  checkStable(lambda, mu);
  return lambda / mu;
}

/** Mean response (sojourn) time W = 1/(μ − λ). */
export function mm1MeanResponse(lambda: number, mu: number): number {
  checkStable(lambda, mu);
  return 1 / (mu - lambda);
}

/** Mean waiting time in queue Wq = ρ/(μ − λ). */
export function mm1MeanWait(lambda: number, mu: number): number {
  checkStable(lambda, mu);
  return lambda / mu / (mu - lambda);
}

/** Mean number in system L = ρ/(1 − ρ). */
export function mm1MeanNumber(lambda: number, mu: number): number {
  checkStable(lambda, mu);
  const rho = lambda / mu;
  return rho / (1 - rho);
}

/**
 * The p-quantile of the response time. Under FIFO the sojourn time is exponential with rate
 * μ − λ (Kleinrock eq. 3.28), so t_p = −ln(1 − p)/(μ − λ).
 */
export function mm1ResponsePercentile(lambda: number, mu: number, p: number): number {
  checkStable(lambda, mu);
  if (!(p > 0 && p < 1)) throw new RangeError(`p must be in (0, 1), got ${p}`);
  return -Math.log1p(-p) / (mu - lambda);
}
