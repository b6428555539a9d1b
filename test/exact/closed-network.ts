/**
 * A closed (fixed-population) product-form queueing network of the kind archsim's closed
 * workloads build: N users alternate between thinking (an infinite-server delay with mean Z)
 * and one request that visits stations. Each station is either
 *   - `queue`: FCFS with `servers` identical exponential servers (an M/M/c-like station whose
 *     service rate with j present is min(j, c)/S), or
 *   - `delay`: an infinite-server station (a pure delay; any service distribution).
 * `demand` is visits × mean service time per request. Times in any consistent unit; the
 * throughput comes out per that unit (e.g. ms in, requests per ms out).
 */
export type ClosedStation =
  | { kind: 'queue'; demand: number; servers: number }
  | { kind: 'delay'; demand: number };

export interface ClosedNetwork {
  stations: readonly ClosedStation[];
  /** Mean think time Z between a user's response and its next request (0 for none). */
  thinkTime: number;
}

export interface ClosedStationSolution {
  /** Mean time a request spends at the station, summed over its visits. */
  residence: number;
  /** Mean number of requests at the station (waiting + in service). */
  queueLength: number;
  /** Busy servers ÷ servers = X·D/c; 0 for delay stations. */
  utilisation: number;
}

export interface ClosedSolution {
  population: number;
  /** Requests completed per unit time. */
  throughput: number;
  /** Mean response time, think time excluded: N/X − Z. */
  response: number;
  stations: ClosedStationSolution[];
}

export function checkClosedNetwork(net: ClosedNetwork, population: number): void {
  if (!(Number.isInteger(population) && population >= 1)) throw new RangeError(`population must be an integer ≥ 1, got ${population}`);
  if (!(net.thinkTime >= 0)) throw new RangeError(`think time must be ≥ 0, got ${net.thinkTime}`);
  net.stations.forEach((s, i) => {
    if (!(s.demand > 0)) throw new RangeError(`station ${i}: demand must be > 0, got ${s.demand}`);
    if (s.kind === 'queue' && !(Number.isInteger(s.servers) && s.servers >= 1)) {
      throw new RangeError(`station ${i}: servers must be an integer ≥ 1, got ${s.servers}`);
    }
  });
}

export function stationUtilisation(s: ClosedStation, throughput: number): number {
  return s.kind === 'queue' ? (throughput * s.demand) / s.servers : 0;
}
