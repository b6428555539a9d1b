import { checkClosedNetwork, type ClosedSolution } from './closed-network.ts';

/**
 * The finite-source (machine-repair) queue M/M/c//N: N users each think for Exp(mean Z), then
 * queue for one of c exponential servers with mean service S. A birth–death chain on the
 * number n at the servers: birth rate (N − n)/Z, death rate min(n, c)/S, so
 *   p_n ∝ Π_{i=1}^{n} ((N − i + 1)/Z) / (min(i, c)/S).
 * Source: Gross & Harris, Fundamentals of Queueing Theory, §2.7. It is the simplest closed
 * network with a multi-server station, solved here without any MVA or convolution algebra.
 */
export function machineRepair(population: number, thinkTime: number, service: number, servers: number): ClosedSolution {
  checkClosedNetwork({ stations: [{ kind: 'queue', demand: service, servers }], thinkTime }, population);
  if (!(thinkTime > 0)) throw new RangeError('machineRepair needs a think time > 0');
  const N = population;
  const w = new Float64Array(N + 1);
  w[0] = 1;
  let total = 1;
  for (let n = 1; n <= N; n++) {
    w[n] = (w[n - 1] * ((N - n + 1) / thinkTime)) / (Math.min(n, servers) / service);
    total += w[n];
    if (total > 1e200) {
      for (let i = 0; i <= n; i++) w[i] /= total;
      total = 1;
    }
  }
  let L = 0, busy = 0;
  for (let n = 0; n <= N; n++) {
    L += (n * w[n]) / total;
    busy += (Math.min(n, servers) * w[n]) / total;
  }
  const X = busy / service;
  return {
    population: N,
    throughput: X,
    response: L / X,
    stations: [{ residence: L / X, queueLength: L, utilisation: busy / servers }],
  };
}
