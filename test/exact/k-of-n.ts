/**
 * Exact availability of k-of-n components whose replicas are independent alternating up/down
 * renewal processes (Barlow & Proschan, Statistical Theory of Reliability and Life Testing,
 * ch. 7; Trivedi, Probability and Statistics with Reliability…, §8.3). In steady state replica
 * i is up with probability a = E[up]/(E[up] + E[down]) — whatever the distributions — and
 * independent replicas make the number up Binomial(n, a). `q` is passed separately so that
 * tiny unavailabilities keep their precision (1 − a would cancel).
 */

/** a and q = 1 − a of one replica, from its mean up and down times (e.g. MTBF and MTTR). */
export function replicaAvailability(meanUp: number, meanDown: number): { a: number; q: number } {
  return { a: meanUp / (meanUp + meanDown), q: meanDown / (meanUp + meanDown) };
}

/** P(exactly j of n up), j = 0..n. */
export function binomialStateProbabilities(n: number, a: number, q = 1 - a): number[] {
  const p: number[] = [];
  for (let j = 0; j <= n; j++) p.push(binomial(n, j) * a ** j * q ** (n - j));
  return p;
}

/** P(fewer than k of n up), summed over the down states (no cancellation). */
export function kOfNUnavailability(n: number, k: number, a: number, q = 1 - a): number {
  if (k > n) return 1;
  return binomialStateProbabilities(n, a, q).slice(0, k).reduce((s, x) => s + x, 0);
}

export function kOfNAvailability(n: number, k: number, a: number, q = 1 - a): number {
  if (k > n) return 0;
  return binomialStateProbabilities(n, a, q).slice(k).reduce((s, x) => s + x, 0);
}

/**
 * Outages per unit time of a k-of-n component: the rate of failures that take the count from k
 * to k − 1. Replica i completes cycles at rate f = 1/(E[up] + E[down]); by independence the
 * others are in "exactly k − 1 up" with probability C(n−1, k−1)·a^{k−1}·q^{n−k} when it fails, so
 *   ν = n·f·C(n−1, k−1)·a^{k−1}·q^{n−k}
 * (for exponential replicas this is π_k·k·λ). The mean outage is then unavailability / ν.
 */
export function kOfNOutageRate(n: number, k: number, meanUp: number, meanDown: number): number {
  const { a, q } = replicaAvailability(meanUp, meanDown);
  const f = 1 / (meanUp + meanDown);
  return n * f * binomial(n - 1, k - 1) * a ** (k - 1) * q ** (n - k);
}

export interface ZonedUnit {
  /** Zone of each replica. */
  zones: number[];
  required: number;
  /** Replica availability on its own (a, q). */
  a: number;
  q: number;
}

/**
 * Units in series whose replicas live in zones that fail independently of the replicas
 * (availability az, unavailability qz). A replica serves when it and its zone are up. Condition
 * on which zones are up (2^Z cases): given that, the replicas in up zones are independent, so
 * unit u is up with probability P(Binomial(mᵤ, a) ≥ kᵤ) (mᵤ = its replicas in up zones), and the
 * units are independent of each other. Zones couple replicas of one unit and units sharing a
 * zone, which the conditioning captures exactly.
 */
export function zonedSeriesUnavailability(units: readonly ZonedUnit[], zoneCount: number, az: number, qz: number): { system: number; units: number[] } {
  let system = 0;
  const perUnit = units.map(() => 0);
  for (let mask = 0; mask < 1 << zoneCount; mask++) {
    let pMask = 1;
    for (let z = 0; z < zoneCount; z++) pMask *= mask & (1 << z) ? az : qz;
    let pAllUp = 1;
    units.forEach((unit, u) => {
      const m = unit.zones.filter((z) => mask & (1 << z)).length;
      const down = kOfNUnavailability(m, unit.required, unit.a, unit.q);
      perUnit[u] += pMask * down;
      pAllUp *= 1 - down;
    });
    system += pMask * (1 - pAllUp);
  }
  return { system, units: perUnit };
}

function binomial(n: number, k: number): number {
  if (k < 0 || k > n) return 0;
  let c = 1;
  for (let i = 1; i <= k; i++) c = (c * (n - k + i)) / i;
  return c;
}
