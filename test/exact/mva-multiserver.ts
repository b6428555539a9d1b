import { checkClosedNetwork, stationUtilisation, type ClosedNetwork, type ClosedSolution, type ClosedStation } from './closed-network.ts';

/**
 * Exact load-dependent Mean Value Analysis for closed product-form networks with multi-server
 * (M/M/c-like) FCFS stations, delay stations and think time Z.
 *
 * The recursion over the population n = 1..N (Reiser & Lavenberg 1980; Menascé, Almeida &
 * Dowdy, Performance by Design (2004), ch. 13, for the multi-server form). For a station with
 * c servers and demand D, using the marginal probabilities p(j | n) of j requests there:
 *   R(n)     = (D/c)·[1 + Q(n−1) + Σ_{j=0}^{c−2} (c−1−j)·p(j | n−1)]
 *   X(n)     = n / (Z + Σ_k R_k(n)),   Q_k(n) = X(n)·R_k(n)
 *   p(j | n) = (D/j)·X(n)·p(j−1 | n−1)      for 1 ≤ j ≤ c−1
 * Only p(j | n) for j < c is ever needed (above c the rate is constant and Q(n−1) carries it),
 * so one step costs O(Σ c_k) and N = 50,000 takes milliseconds.
 *
 * Stability. The textbook closes the recursion with
 *   p(0 | n) = 1 − (1/c)·[X(n)·D + Σ_{j=1}^{c−1} (c−j)·p(j | n)],
 * a difference of nearly equal numbers once the station is busy; its rounding errors are fed
 * back through the p(j | ·) and grow geometrically. (Measured on the `closed-50k` network:
 * p(0 | n) reaches −2.6·10⁷ and the throughput turns negative before n = 30,000.) We compute
 * p(0 | n) without subtraction instead, from the product form: p_k(0 | n) = G_{−k}(n)/G(n),
 * where G is the normalising constant and G_{−k} that of the network without station k. Since
 * X(i) = G(i−1)/G(i) for every network (Buzen 1973), G(n) = Π_{i≤n} 1/X(i), and so
 *   p_k(0 | n) = Π_{i=1}^{n} X(i) / X_{−k}(i),
 * accumulated as a sum of logarithms. X_{−k} comes from the same algorithm run on the smaller
 * network (memoised), so a network with M multi-server stations solves 2^M sub-networks —
 * fine for the handful of stations a test uses. Every remaining operation adds or multiplies
 * positive numbers, so the result is accurate to near machine precision at any N.
 */
export function mvaMultiServer(net: ClosedNetwork, population: number): ClosedSolution {
  checkClosedNetwork(net, population);
  const all = net.stations.map((_, i) => i);
  const top = solve(net.stations, all, net.thinkTime, population, new Map());
  const X = top.throughput[population];
  return {
    population,
    throughput: X,
    response: population / X - net.thinkTime,
    stations: net.stations.map((s, k) => ({
      residence: top.residence[k],
      queueLength: top.queueLength[k],
      utilisation: stationUtilisation(s, X),
    })),
  };
}

interface SubSolution {
  /** X(n) for n = 0..N (X(0) = 0). */
  throughput: Float64Array;
  /** R_k(N) and Q_k(N), indexed like the sub-network's station list. */
  residence: Float64Array;
  queueLength: Float64Array;
}

/** Solves the sub-network made of `stations[ids]`, for every population up to N. */
function solve(
  stations: readonly ClosedStation[],
  ids: readonly number[],
  thinkTime: number,
  N: number,
  memo: Map<string, SubSolution>,
): SubSolution {
  const key = ids.join(',');
  const cached = memo.get(key);
  if (cached) return cached;

  const K = ids.length;
  const st = ids.map((i) => stations[i]);
  // Complement throughputs for each multi-server station of this sub-network.
  const complement: (Float64Array | null)[] = st.map((s, k) =>
    s.kind === 'queue' && s.servers > 1
      ? solve(stations, ids.filter((_, j) => j !== k), thinkTime, N, memo).throughput
      : null,
  );
  const p = st.map((s) => {
    const probs = new Float64Array(s.kind === 'queue' ? s.servers : 0);
    if (probs.length > 0) probs[0] = 1; // population 0: the station is empty
    return probs;
  });
  const logP0 = new Float64Array(K);
  const R = new Float64Array(K);
  const Q = new Float64Array(K);
  const X = new Float64Array(N + 1);

  for (let n = 1; n <= N; n++) {
    let total = 0;
    for (let k = 0; k < K; k++) {
      const s = st[k];
      if (s.kind === 'delay') {
        R[k] = s.demand;
      } else {
        const c = s.servers;
        const pk = p[k];
        let idle = 0;
        for (let j = 0; j <= c - 2; j++) idle += (c - 1 - j) * pk[j];
        R[k] = (s.demand / c) * (1 + Q[k] + idle);
      }
      total += R[k];
    }
    // With no stations and no think time the population has nowhere to be: X = ∞, and the
    // complement ratio below correctly gives p(0 | n) = 0.
    const x = n / (thinkTime + total);
    X[n] = x;
    for (let k = 0; k < K; k++) {
      Q[k] = x * R[k];
      const s = st[k];
      const comp = complement[k];
      if (s.kind !== 'queue' || comp === null) continue;
      const pk = p[k];
      // Downwards, so p[j − 1] still holds p(j−1 | n−1) when p(j | n) is formed.
      for (let j = s.servers - 1; j >= 1; j--) pk[j] = (s.demand / j) * x * pk[j - 1];
      logP0[k] += Math.log(x / comp[n]);
      pk[0] = Math.exp(logP0[k]);
    }
  }
  const sol: SubSolution = { throughput: X, residence: R, queueLength: Q };
  memo.set(key, sol);
  return sol;
}
