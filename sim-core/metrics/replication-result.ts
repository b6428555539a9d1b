import type { Histogram } from './histogram.ts';

/**
 * Error causes a request can fail with; the index is what the engine stores.
 * rejected: a full queue or bulkhead; rate-limited: a token bucket; external-error: a third
 * party's error share; timeout: a call's timeout expired; circuit-open: a breaker refused the
 * call; unavailable: the component is down (incident); injected-error: an incident's error share.
 */
export const ERROR_CAUSES = ['rejected', 'rate-limited', 'external-error', 'timeout', 'circuit-open', 'unavailable', 'injected-error', 'bad-release'] as const;
export type ErrorCause = (typeof ERROR_CAUSES)[number];
export const CAUSE_REJECTED = 0;
export const CAUSE_RATE_LIMITED = 1;
export const CAUSE_EXTERNAL_ERROR = 2;
export const CAUSE_TIMEOUT = 3;
export const CAUSE_CIRCUIT_OPEN = 4;
export const CAUSE_UNAVAILABLE = 5;
export const CAUSE_INJECTED_ERROR = 6;
/** A request served by a new release (a canary, or the release once promoted) failed by its error rate. */
export const CAUSE_BAD_RELEASE = 7;

/** Per-endpoint accumulators over the measured window (after warm-up). */
export interface EndpointTally {
  name: string;
  /** Bytes a successful request sends back, and the component it entered through (data-out billing). */
  responseBytes?: number;
  entry?: string;
  completed: number;
  failed: number;
  failedByCause: number[];
  withinSlo: number;
  latency: Histogram;
}

/** Per-station accumulators over the measured window: time integrals and counts. */
export interface StationTally {
  name: string;
  kind: string;
  replicas: number;
  workers: number;
  /** ∫ busy workers dt (ms), summed over replicas. */
  busyArea: number;
  /** ∫ waiting requests dt (ms), summed over replicas. */
  queueArea: number;
  completed: number;
  rejected: number;
  /** Failures raised at this station by FAIL instructions, by ERROR_CAUSES index. */
  failedByCause: number[];
  /** Stations that track waits (pools, brokers): each measured arrival's wait for a worker, ms (0 when one was free). */
  wait?: Histogram;
  /** Instances billed per replica (a queue's brokers); absent: one per replica. */
  billedInstances?: number;
  /** A service with `deploy:`: deployments started, canaries rolled back and promoted, in the measured window. */
  deploys?: DeployTally;
  /** ∫ serving replicas dt over the measured window (ms): capacity is workers × this. */
  activeArea: number;
  /** ∫ billed replicas dt (serving and provisioning) over the measured window (ms). */
  billedArea: number;
}

/** A COUNT counter's measured-window count, with where summaries report it. */
export interface CounterTally {
  component: string;
  group: string;
  key: string;
  count: number;
}

/** A RECORD statistic's measured-window values. */
export interface StatTally {
  component: string;
  key: string;
  values: Histogram;
}

/** A cache's lookups and hits over the measured window, and per series interval (warm-up included). */
export interface CacheTally {
  name: string;
  lookups: number;
  hits: number;
  seriesLookups: Float64Array;
  seriesHits: Float64Array;
}

/** A resilient call site's (CALLX) tallies over the measured window. */
export interface CallSiteTally {
  site: string;
  target: string;
  /** Calls made (first attempts and short-circuited ones). */
  calls: number;
  /** Attempts that reached the callee, retries included: attempts ÷ calls is the retry amplification. */
  attempts: number;
  timeouts: number;
  /** Calls the breaker refused. */
  shortCircuited: number;
  /** Calls that failed after every attempt (or were refused). */
  failed: number;
  /** Of those, the ones the fallback answered. */
  fallbacks: number;
  breaker?: string;
}

/** A circuit breaker over the measured window. */
export interface BreakerTally {
  name: string;
  /** Time not closed (open or half-open), ms. */
  openMs: number;
  openings: number;
  /** Share of each series interval not closed (warm-up included). */
  seriesOpen: Float64Array;
}

/** A queue's messages over the measured window. */
export interface QueueTally {
  name: string;
  requestsPerMessage: number;
  published: number;
  /** Messages whose consumer finished (successfully or not) in the window. */
  consumed: number;
  /** Of those, the ones whose consumer failed (e.g. rejected by a full queue). */
  failed: number;
  /** Publish to consumed, of messages consumed successfully in the window, ms. */
  endToEnd: Histogram;
}

export interface ReplicationSeries {
  intervalMs: number;
  /** One entry per interval from t = 0 (warm-up included). */
  completed: Float64Array;
  failed: Float64Array;
  /** Completed within their endpoint's SLO. */
  withinSlo: Float64Array;
  p95: Float64Array;
  /** [station][interval] mean busy workers ÷ capacity (NaN for unbounded). */
  utilisation: Float64Array[];
  /** [station][interval] mean waiting requests. */
  queueLength: Float64Array[];
  /** [station][interval] mean serving replicas. */
  replicas: Float64Array[];
}

/**
 * What one replication returns: compact accumulators, mergeable and transferable between
 * threads (typed arrays and plain numbers only).
 */
export interface DeployTally {
  started: number;
  rolledBack: number;
  promoted: number;
}

export interface ReplicationResult {
  replication: number;
  seed: number;
  /** Length of the measured window (duration − warm-up), ms. */
  measuredMs: number;
  simulatedMs: number;
  warmupMs: number;
  events: number;
  wallMs: number;
  endpoints: EndpointTally[];
  stations: StationTally[];
  series: ReplicationSeries;
  counters: CounterTally[];
  stats: StatTally[];
  caches: CacheTally[];
  queues: QueueTally[];
  callSites: CallSiteTally[];
  breakers: BreakerTally[];
  /**
   * Per minute of simulated time (warm-up included): requests finished, and those that succeeded
   * within their SLO; a minute is down when good ÷ finished is under `threshold`.
   */
  minutes: { finished: Float64Array; good: Float64Array; threshold: number };
  /** Counts over the whole run, warm-up included: arrivals = completed + failed + inSystem. */
  invariants: { arrivals: number; completed: number; failed: number; inSystem: number };
  /** Set if the run was cancelled before its end. */
  cancelled: boolean;
}
