import { checkClosedNetwork, stationUtilisation, type ClosedNetwork, type ClosedSolution, type ClosedStation } from './closed-network.ts';

/**
 * Closed product-form network by Buzen's convolution algorithm: an independent oracle for
 * `mvaMultiServer` (different algebra, same model). Station k with j requests contributes
 * f_k(j) = D_k^j / Π_{i=1}^{j} min(i, c_k) (a delay station and the think time: D^j / j!);
 * G(n) is the convolution of all f_k; then X(N) = G(N−1)/G(N) and
 * Q_k(N) = Σ_j j·f_k(j)·G_{−k}(N−j) / G(N).
 * Source: Buzen (1973), "Computational algorithms for closed queueing networks with
 * exponential servers"; Bolch et al., Queueing Networks and Markov Chains, §8.1.
 *
 * Plain doubles, O(K·N²): meant for small populations (it throws if a term overflows).
 */
export function convolutionClosed(net: ClosedNetwork, population: number): ClosedSolution {
  checkClosedNetwork(net, population);
  const N = population;
  const factors = net.stations.map((s) => stationFactors(s, N));
  if (net.thinkTime > 0) factors.push(stationFactors({ kind: 'delay', demand: net.thinkTime }, N));
  const G = factors.reduce((acc, f) => convolve(acc, f, N), unit(N));
  const X = G[N - 1] / G[N];
  if (!Number.isFinite(X) || !(X > 0)) throw new RangeError('convolutionClosed: overflow; use mvaMultiServer');
  const stations = net.stations.map((s, k) => {
    const others = factors.filter((_, i) => i !== k).reduce((acc, f) => convolve(acc, f, N), unit(N));
    let q = 0;
    for (let j = 1; j <= N; j++) q += j * factors[k][j] * others[N - j];
    q /= G[N];
    return { residence: q / X, queueLength: q, utilisation: stationUtilisation(s, X) };
  });
  return { population: N, throughput: X, response: N / X - net.thinkTime, stations };
}

function stationFactors(s: ClosedStation, N: number): Float64Array {
  const f = new Float64Array(N + 1);
  f[0] = 1;
  for (let j = 1; j <= N; j++) f[j] = (f[j - 1] * s.demand) / (s.kind === 'delay' ? j : Math.min(j, s.servers));
  return f;
}

function unit(N: number): Float64Array {
  const u = new Float64Array(N + 1);
  u[0] = 1;
  return u;
}

function convolve(a: Float64Array, b: Float64Array, N: number): Float64Array {
  const out = new Float64Array(N + 1);
  for (let n = 0; n <= N; n++) {
    let s = 0;
    for (let j = 0; j <= n; j++) s += a[j] * b[n - j];
    out[n] = s;
  }
  return out;
}
