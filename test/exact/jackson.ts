import { solveLinear } from './linear-solve.ts';
import { mmcMeanNumber } from './mmc.ts';

/**
 * Open Jackson networks: Poisson external arrivals, exponential FIFO stations (M/M/c, or
 * infinite-server delay stations), Markovian routing. Each station behaves as an independent
 * M/M/c with the arrival rate from the traffic equations (Jackson's theorem), and the
 * end-to-end mean response follows from Little's law over the whole network:
 *   λ = γ + Pᵀλ,   W = Σ_i L_i / Σ_i γ_i.
 * Source: Jackson (1963), "Jobshop-like queueing systems"; Bolch et al., Queueing Networks and
 * Markov Chains, §7.1. Rates and times in consistent units.
 */
export interface JacksonStation {
  /** Servers; Infinity makes an infinite-server (pure delay) station. */
  servers: number;
  /** Service rate of one server (1 / mean service time). */
  serviceRate: number;
}

export interface OpenNetwork {
  stations: readonly JacksonStation[];
  /** External Poisson arrival rate into each station (γ). */
  externalArrivals: readonly number[];
  /** routing[i][j]: probability that a customer leaving i goes next to j; 1 − Σ_j leaves. */
  routing: readonly (readonly number[])[];
}

export interface OpenNetworkSolution {
  /** Total arrival rate into each station (λ). */
  arrivalRates: number[];
  /** λ_i / (c_i μ_i); 0 for delay stations. */
  utilisation: number[];
  /** Mean number at each station (L_i). */
  meanNumber: number[];
  /** Mean time per visit at each station, L_i / λ_i. */
  meanResponsePerVisit: number[];
  /** Σγ. */
  totalExternalRate: number;
  /** End-to-end mean response time Σ L_i / Σ γ_i. */
  meanResponse: number;
}

/** Solves the traffic equations λ_j = γ_j + Σ_i λ_i·P_ij, i.e. (I − Pᵀ)λ = γ. */
export function solveTrafficEquations(externalArrivals: readonly number[], routing: readonly (readonly number[])[]): number[] {
  const n = externalArrivals.length;
  routing.forEach((row, i) => {
    const out = row.reduce((s, p) => s + p, 0);
    if (row.some((p) => p < 0) || out > 1 + 1e-12) throw new RangeError(`routing row ${i} is not sub-stochastic`);
  });
  const a = Array.from({ length: n }, (_, j) => Array.from({ length: n }, (_, i) => (i === j ? 1 : 0) - routing[i][j]));
  return solveLinear(a, externalArrivals);
}

export function solveOpenNetwork(net: OpenNetwork): OpenNetworkSolution {
  const lambda = solveTrafficEquations(net.externalArrivals, net.routing);
  const utilisation: number[] = [];
  const meanNumber: number[] = [];
  net.stations.forEach((s, i) => {
    const l = lambda[i];
    if (l <= 0) {
      utilisation.push(0);
      meanNumber.push(0);
    } else if (s.servers === Infinity) {
      utilisation.push(0);
      meanNumber.push(l / s.serviceRate);
    } else {
      utilisation.push(l / (s.servers * s.serviceRate));
      meanNumber.push(mmcMeanNumber(l, s.serviceRate, s.servers));
    }
  });
  const totalExternalRate = net.externalArrivals.reduce((s, g) => s + g, 0);
  const totalNumber = meanNumber.reduce((s, x) => s + x, 0);
  return {
    arrivalRates: lambda,
    utilisation,
    meanNumber,
    meanResponsePerVisit: meanNumber.map((L, i) => (lambda[i] > 0 ? L / lambda[i] : 0)),
    totalExternalRate,
    meanResponse: totalNumber / totalExternalRate,
  };
}
