/**
 * M/G/1 by the Pollaczek–Khinchine mean-value formula: Poisson arrivals at rate λ, one server
 * with service time S of any distribution (mean E[S], variance Var[S]), FIFO, unbounded queue.
 *   Wq = λ·E[S²] / (2(1 − ρ)),  ρ = λ·E[S],  E[S²] = Var[S] + E[S]².
 * Source: Kleinrock, Queueing Systems Vol. 1, eq. 5.105; Gross & Harris §5.1.1.
 */
function utilisation(lambda: number, meanService: number): number {
  const rho = lambda * meanService;
  if (!(lambda > 0 && meanService > 0 && rho < 1)) {
    throw new RangeError(`M/G/1 needs λ > 0, E[S] > 0 and ρ < 1, got λ=${lambda}, E[S]=${meanService}`);
  }
  return rho;
}

/** Mean waiting time in queue (Pollaczek–Khinchine). */
export function mg1MeanWait(lambda: number, meanService: number, varianceService: number): number {
  const rho = utilisation(lambda, meanService);
  const secondMoment = varianceService + meanService * meanService;
  return (lambda * secondMoment) / (2 * (1 - rho));
}

/** Mean response time W = Wq + E[S]. */
export function mg1MeanResponse(lambda: number, meanService: number, varianceService: number): number {
  return mg1MeanWait(lambda, meanService, varianceService) + meanService;
}

/** M/D/1: deterministic service d, so Var[S] = 0 and Wq = ρd / (2(1 − ρ)). */
export function md1MeanResponse(lambda: number, service: number): number {
  return mg1MeanResponse(lambda, service, 0);
}
