import { checkClosedNetwork, stationUtilisation, type ClosedNetwork, type ClosedSolution } from './closed-network.ts';

/**
 * Standard exact Mean Value Analysis (Reiser & Lavenberg 1980) for closed networks of
 * single-server FCFS exponential stations and delay stations, with think time Z:
 *   R_k(n) = D_k·(1 + Q_k(n−1))  (queue),  R_k(n) = D_k  (delay),
 *   X(n) = n / (Z + Σ_k R_k(n)),  Q_k(n) = X(n)·R_k(n).
 * Source: Lazowska et al., Quantitative System Performance (1984), §6.4. Multi-server stations
 * need `mvaMultiServer`; this one rejects them. Kept as the textbook reference that the
 * load-dependent algorithm must reproduce when every station has one server.
 */
export function mvaSingleServer(net: ClosedNetwork, population: number): ClosedSolution {
  checkClosedNetwork(net, population);
  if (net.stations.some((s) => s.kind === 'queue' && s.servers !== 1)) {
    throw new RangeError('mvaSingleServer handles single-server stations only; use mvaMultiServer');
  }
  const K = net.stations.length;
  const Q = new Float64Array(K);
  const R = new Float64Array(K);
  let X = 0;
  for (let n = 1; n <= population; n++) {
    let total = 0;
    for (let k = 0; k < K; k++) {
      const s = net.stations[k];
      R[k] = s.kind === 'delay' ? s.demand : s.demand * (1 + Q[k]);
      total += R[k];
    }
    X = n / (net.thinkTime + total);
    for (let k = 0; k < K; k++) Q[k] = X * R[k];
  }
  return {
    population,
    throughput: X,
    response: population / X - net.thinkTime,
    stations: net.stations.map((s, k) => ({ residence: R[k], queueLength: Q[k], utilisation: stationUtilisation(s, X) })),
  };
}
