import type { UptimeStudy } from './uptime-study.ts';

/**
 * RunResult: the stable JSON contract of DESIGN.md §3. Times in milliseconds, rates per second.
 * Every statistic is the mean over replications; `ci95` beside the numbers of an object holds
 * the 95% Student-t half-widths under the same keys (absent with a single replication).
 */
export interface LatencyStats {
  mean: number;
  p50: number;
  p90: number;
  p95: number;
  p99: number;
  p999: number;
  /**
   * Endpoints and overall only (absent on a queue's `endToEnd`): the latency distribution as
   * quantile points read from the merged histogram — quantile, as its decimal text, → ms, at
   * every value of CDF_QUANTILES in summarise.ts (0 = min, 1 = max). Averaged over replications
   * quantile by quantile like p50…p999, so `cdf["0.5"]` equals `p50`, `cdf["0.95"]` equals
   * `p95`, and so on; with two or more replications `ci95` holds the half-widths by quantile.
   */
  cdf?: LatencyCdf;
  ci95?: Partial<Record<'mean' | 'p50' | 'p90' | 'p95' | 'p99' | 'p999', number>>;
}

/** Quantile (`"0.95"`) → ms, plus `ci95` by quantile when replicated (see LatencyStats.cdf). */
export type LatencyCdf = { [quantile: `${number}`]: number } & { ci95?: { [quantile: `${number}`]: number } };

export interface EndpointResult {
  /** Successful completions per second. */
  throughput: number;
  /** failed ÷ finished. */
  errorRate: number;
  /** Failed ÷ finished, by cause (e.g. `rejected`). */
  errorsByCause: Record<string, number>;
  /** Successful ÷ finished. */
  availability: number;
  /** Successful within the endpoint's SLO ÷ finished (1 − errorRate when no SLO is set). */
  sloShare: number;
  /** Successful within the SLO per second (throughput counts every success, late ones too). */
  goodput: number;
  /** Requests finished in the measured window (completed + failed), per replication. */
  finished: number;
  /** Latency of successful requests. */
  latency: LatencyStats;
  ci95?: Partial<Record<'throughput' | 'errorRate' | 'availability' | 'sloShare' | 'goodput', number>>;
}

export interface ComponentResult {
  kind: string;
  /** Busy workers ÷ (workers × replicas), time-averaged; null for unbounded workers. */
  utilisation: number | null;
  /** Mean number in service (busy workers), time-averaged over all replicas. */
  busy: number;
  /** Mean number waiting in queues, time-averaged over all replicas. */
  queueLength: number;
  /** Running replicas, time-weighted over the measured window (∫ replicas dt ÷ window); what fixed cost is billed on. */
  replicas: number;
  /** Operations completed per second. */
  throughput: number;
  /** Errors this component raised, per second, by cause (`rejected` = rejections). */
  errorsByCause: Record<string, number>;
  /** Arrivals rejected per second (queue full). */
  rejections: number;
  /**
   * Usage the component produced, per second, for usage-priced items (e.g. `requests` of a
   * gateway or queue, `bytesOut`); absent for components that report none.
   */
  usage?: Record<string, number>;
  /**
   * Time an arrival waited for a worker, ms, of stations that track it: a connection pool (the
   * wait for a connection) and a queue (the consumer lag: how long a message waits in the broker).
   */
  wait?: WaitStats;
  /** A service with `deploy:`: deployments started, canaries rolled back and canaries promoted in the measured window (mean per replication). */
  deploys?: { started: number; rolledBack: number; promoted: number };
  /** Database: queries per second by query type. */
  queries?: Record<string, number>;
  /** Database read replicas: how far behind the primary a replica was when it served a read, ms. */
  replicationLag?: { mean: number; p95: number; ci95?: Partial<Record<'mean' | 'p95', number>> };
  /** Cache: lookups per second. */
  lookups?: number;
  /** Cache: hits per second — the load the cache removes from what is behind it. */
  hits?: number;
  /** Cache: hits ÷ lookups (NaN without lookups). */
  hitRatio?: number;
  /** Queue: messages published per second. */
  published?: number;
  /** Queue: messages consumed per second (their consumer finished, successfully or not). */
  consumed?: number;
  /** Queue: messages whose consumer failed, per second. */
  failedMessages?: number;
  /** Queue: mean messages waiting in the broker (the backlog; same as queueLength). */
  backlog?: number;
  /** Queue: publish → consumed, of messages consumed successfully, ms. */
  endToEnd?: LatencyStats;
  /** Calls to this component from call sites with resilience options (timeout, retries, breaker…). */
  calls?: CallStats;
  ci95?: Partial<Record<'utilisation' | 'busy' | 'queueLength' | 'throughput' | 'rejections' | 'lookups' | 'hits' | 'hitRatio' | 'published' | 'consumed' | 'failedMessages' | 'backlog', number>>;
}

/** Per second over the call sites that call a component with resilience options. */
export interface CallStats {
  /** Calls made (each counted once, however many attempts). */
  calls: number;
  /** Attempts that reached the component, retries included. */
  attempts: number;
  /** attempts ÷ calls: the load retries add (1 without retries; below 1 when a breaker refuses calls). */
  retryAmplification: number;
  timeouts: number;
  /** Calls refused by an open circuit breaker. */
  shortCircuited: number;
  /** Calls that failed after every attempt. */
  failed: number;
  /** Of those, answered by the fallback steps. */
  fallbacks: number;
  /** Share of the measured time the breakers towards this component were open or half-open (mean over them). */
  breakerOpen?: number;
  ci95?: Partial<Record<'calls' | 'attempts' | 'retryAmplification' | 'timeouts' | 'shortCircuited' | 'failed' | 'fallbacks' | 'breakerOpen', number>>;
}

export interface WaitStats {
  mean: number;
  p95: number;
  p99: number;
  ci95?: Partial<Record<'mean' | 'p95' | 'p99', number>>;
}

/** One line of the monthly bill (sim-core/cost/compute-cost.ts). */
export interface CostLine {
  component: string;
  /** What is priced: the instance type or price-list item, e.g. `m6i.large`, `sqs.requests`. */
  item: string;
  /** fixed: per running replica and hour; usage: per request or GB the run produced. */
  kind: 'fixed' | 'usage';
  /** Units per month, e.g. replica-hours (time-weighted replicas × 730) or million requests. */
  quantity: number;
  /** `replica-h`, `million requests`, `GB`, … */
  unit: string;
  /** US dollars per one unit of `quantity`. */
  unitPrice: number;
  /** quantity × unitPrice, US dollars per month. */
  monthly: number;
}

/** What the simulated run costs per month (730 h), in US dollars, at the prices of `priceList`. */
export interface CostResult {
  monthly: number;
  /** Monthly dollars by component (components with no priced line are absent). */
  byComponent: Record<string, number>;
  lines: CostLine[];
  /** What the figure leaves out, in words: unpriced components, storage, support, taxes, … */
  excluded: string[];
  /** The price list used; null when the run was aggregated without one (no cost computed). */
  priceList: { name: string; date: string } | null;
}

export interface SeriesResult {
  intervalSeconds: number;
  /** Start of each interval, seconds of simulated time (warm-up included, so the reader sees it). */
  t: number[];
  throughput: number[];
  p95: number[];
  errorRate: number[];
  utilisation: Record<string, number[]>;
  queueLength: Record<string, number[]>;
  /** Per cache: hits ÷ lookups in each interval (NaN when it had none) — a cold cache's warm-up shows here. */
  cacheHitRatio: Record<string, number[]>;
  /** Per component: mean serving replicas in each interval (autoscaling moves it). */
  replicas: Record<string, number[]>;
  /** Per circuit breaker (`caller→target`): share of each interval it was open or half-open. */
  breakerOpen: Record<string, number[]>;
  /** Requests that succeeded within their SLO per second, per interval (throughput counts all successes). */
  goodput: number[];
}

export interface RunResult {
  archsim: 1;
  scenario: string;
  seed: number;
  replications: number;
  simulatedSeconds: number;
  warmupSeconds: number;
  wallSeconds: number;
  events: number;
  /** Requests over the whole run, warm-up included, summed over replications (sanity and speed figures). */
  requests: { arrived: number; completed: number; failed: number };
  overall: EndpointResult & { uptime: number };
  endpoints: Record<string, EndpointResult>;
  components: Record<string, ComponentResult>;
  cost: CostResult;
  series: SeriesResult;
  /** Set when the run was cancelled: the statistics cover the replications that completed. */
  partial?: true;
  /** Replications that could not run (after one retry); the statistics cover the others. */
  failedReplications?: Array<{ replication: number; error: string }>;
  /** Sequential stopping: the precision asked, the cap, and whether every key metric met it. */
  stopping?: { precision: number; maxReplications: number; met: boolean; keys: string[] };
  /** With `failures`, zone failures or deploys: availability, downtime per year and uptime by two time scales. */
  uptimeStudy?: UptimeStudy;
  /** With `warmup: auto`: the warm-up MSER-5 chose (seconds of simulated time removed). */
  warmupAuto?: { method: 'MSER-5'; removedSeconds: number };
}
