import type { DistTable } from '../engine/distributions.ts';

/**
 * The CompiledModel: what `compile()` makes of a Scenario and the only thing the engine reads.
 * Numeric ids, typed arrays and one flat step program. All times are simulated milliseconds.
 *
 * A component kind compiles to stations (replicas × workers with a FIFO queue each) and
 * program blocks; the engine knows only these primitives, so adding a component kind means
 * adding one compiler file, not touching the event loop.
 *
 * ## The step program (`code`)
 * A request is a tree of *frames*; each frame is a cursor (pc) into `code`. Instructions are
 * variable length; operands follow the opcode:
 *
 * | opcode | operands | meaning |
 * |---|---|---|
 * | ENTER  | station | acquire a worker at a replica chosen by the station's balancer; wait in that replica's FIFO queue if all are busy; if the queue is full the frame fails (`rejected`) |
 * | SLEEP  | dist, stream | let a sampled time pass (CPU time while a worker is held, a plain delay otherwise) |
 * | LEAVE  | — | release the worker this frame holds (the next queued frame starts) |
 * | CALL   | block | synchronous call: a child frame runs `block` after one network hop; this frame resumes one hop after the child returns; if the child fails, this frame fails |
 * | BRANCH | stream, n, constIndex, target₀ … targetₙ₋₁, targetElse | draw u; take the first i with u < consts[constIndex+i] (cumulative probabilities), else targetElse |
 * | JUMP   | target | pc = target |
 * | FORK   | n, block₀ … blockₙ₋₁ | run n child frames concurrently in this frame's context (no hop, no worker of their own); resume when all have finished; fail after the join if any failed |
 * | RETURN | — | the frame is finished; its parent resumes (or, for a request's root frame, the request completes) |
 * | FAIL   | stream, constIndex, cause, station | with probability consts[constIndex], the frame fails with error cause `cause` (an index into ERROR_CAUSES), counted at `station` |
 * | LIMIT  | limiter, station | token bucket `limiters[limiter]`: take a token, or fail with `rate-limited`, counted at `station` |
 * | ENTER_HOME | station, home | like ENTER, but at the replica of `station` with the same index as the replica of `home` this frame's request was served by (its *home*: the replica its last ENTER chose; FORK bodies inherit it): a connection pool per calling service replica |
 * | COUNT  | counter | counters[counter] += 1 (queries by type, reads served by replicas) |
 * | RECORD | dist, stream, stat | sample dist and record the value in stats[stat] (no time passes): e.g. the replication lag a replica read sees |
 * | HIT    | cache, stream, constIndex, hitTarget | a lookup in caches[cache], counted: a hit with probability consts[constIndex] (a call site's `hit:`) or, with constIndex −1, the cache's current modelled hit ratio; a hit jumps to hitTarget, a miss goes on (to the miss steps) |
 * | PUBLISH | queue, block | hand a message to queues[queue]: a detached frame runs `block` (delivery to the consumer) while this frame goes on at once |
 * | CALLX  | block, policy, hop | a call with policies[policy]: like CALL (with a network hop each way when hop = 1, else like a one-body FORK), but with a timeout (the callee's work goes on, its answer is dropped), retries with backoff, a circuit breaker and, when it finally fails, a jump to the fallback steps instead of failing |
 *
 * A block that is a service operation begins with ENTER; FORK bodies do not.
 */
export const Op = {
  ENTER: 1,
  SLEEP: 2,
  LEAVE: 3,
  CALL: 4,
  BRANCH: 5,
  JUMP: 6,
  FORK: 7,
  RETURN: 8,
  FAIL: 9,
  LIMIT: 10,
  ENTER_HOME: 11,
  COUNT: 12,
  RECORD: 13,
  HIT: 14,
  PUBLISH: 15,
  CALLX: 16,
} as const;

/** A named counter COUNT increments; summaries report it per second as components[component][group][key]. */
export interface CounterDef {
  component: string;
  group: string;
  key: string;
}

/** A sampled statistic RECORD fills (a histogram); summaries report its mean and p95 as components[component][key]. */
export interface StatDef {
  component: string;
  key: string;
}

/** Hit-ratio model of a cache whose hit ratio is derived rather than given per call site. */
export interface CacheHitModelDef {
  keys: number;
  zipf: number;
  capacity: number;
  /** Entries expire this long after they were stored; absent: no expiry. */
  ttlMs?: number;
  /** false: the cache is empty at t = 0 and warms up. */
  warm: boolean;
}

export interface CacheDef {
  name: string;
  /**
   * An in-process cache in each replica of the services that use it: its modelled hit ratio is per
   * replica, from the lookups that replica made since it started (empty) — so replicas that join
   * (scaled out, repaired, redeployed) start cold.
   */
  local?: boolean;
  /** Null when every call site gives its own `hit:`. */
  model: CacheHitModelDef | null;
}

/**
 * What a resilient call (CALLX) does: a timeout, retries with backoff, a circuit breaker and a
 * fallback. One per call site.
 */
export interface CallPolicyDef {
  /** `caller.operation → target`, for reports. */
  site: string;
  /** The component called: its row reports the site's calls, attempts, timeouts, … */
  target: string;
  /** ms; Infinity: no timeout. */
  timeoutMs: number;
  /** Retries after the first attempt (0: none). */
  retries: number;
  /** Backoff before retry n (1-based): base × multiplier^(n−1), then jitter. */
  backoffMs: number;
  backoffMultiplier: number;
  /** none: the delay; full: uniform(0, delay); equal: delay/2 + uniform(0, delay/2). */
  jitter: 'none' | 'full' | 'equal';
  /** Stream for jitter draws. */
  stream: number;
  /** Breaker id, or −1. */
  breaker: number;
  /** pc of the fallback steps (they end with a JUMP past the call), or −1: the frame fails. */
  fallbackPc: number;
}

/** A circuit breaker over the outcomes of the last `window` calls, or of the calls in the last `windowMs`. */
export interface BreakerDef {
  name: string;
  /** Opens when the share of failures in the window reaches it. */
  failureRate: number;
  /** Count window: calls counted (the window must be full to open). */
  window: number;
  /** Time window (instead of a count): calls of the last windowMs count. */
  windowMs?: number;
  /** Time window: fewest calls in it before the breaker may open. */
  minCalls?: number;
  openForMs: number;
  /** Trial calls let through when half-open; all must succeed to close it. */
  halfOpenCalls: number;
}

/**
 * A scheduled incident: from atMs for forMs, the target's stations are down, slowed or erroring;
 * or, for a zone (`replicas` non-empty), the replicas in it are down.
 */
export interface IncidentDef {
  target: string;
  stations: number[];
  /** A zone's replicas, as [station, replica index] pairs; empty for a component target. */
  replicas: Array<[number, number]>;
  atMs: number;
  forMs: number;
  effect: 'down' | 'slow' | 'errors';
  /** slow: the factor on service times; errors: the share of arrivals that fail. */
  value: number;
  /** Stream of the errors effect's draws. */
  stream: number;
}

export interface QueueDef {
  name: string;
  /** Billed API requests per message (SQS: send, receive, delete = 3; Kafka: 0, billed per broker). */
  requestsPerMessage: number;
}

/** A token bucket: tokens refill continuously at ratePerMs up to burst; it starts full. */
export interface LimiterDef {
  name: string;
  ratePerMs: number;
  burst: number;
}

export type Balancer = 'roundRobin' | 'random' | 'leastConnections' | 'powerOfTwo';
export const BALANCERS: readonly Balancer[] = ['roundRobin', 'random', 'leastConnections', 'powerOfTwo'];

export interface StationDef {
  /** Component name (one station per service component in v1). */
  name: string;
  kind: string;
  replicas: number;
  /** Concurrent requests per replica; Infinity makes a pure delay station. */
  workers: number;
  /** Waiting slots per replica; Infinity = unbounded. Beyond it, arrivals are rejected. */
  queue: number;
  balancer: Balancer;
  /** Stream used by the random and powerOfTwo balancers. */
  stream: number;
  /** How the balancer notices a dead replica; default every 10 s, 2 failed checks, 2 good ones to return. */
  healthCheck?: { everyMs: number; unhealthyAfter: number; healthyAfter: number };
  /** Random failures of each replica during the run: time to failure and to repair (dist ids), drawn from `stream`. */
  failures?: { timeToFailure: number; timeToRepair: number; stream: number };
  /** Not placed in a zone even if its kind is (a local cache lives inside its callers). */
  zoneless?: boolean;
  /** Record each arrival's wait for a worker in a histogram (connection pools, queue brokers). */
  trackWait?: boolean;
  /** Instances billed per replica and hour, when not the replica count (a queue's brokers). */
  billedInstances?: number;
  /** Autoscaling: `replicas` is then the most it may reach (`max`), and it starts at `initial`. */
  autoscale?: AutoscaleDef;
  deploy?: DeployDef;
}

/** Deployments of a service: the first at `atMs`, then every `everyMs` (Infinity: once). */
export interface DeployDef {
  atMs: number;
  everyMs: number;
  strategy: 'restart' | 'rolling' | 'blueGreen' | 'canary';
  /** restart: how long all replicas are out; rolling: per batch; blueGreen: the second fleet's life; canary: how long the canary runs before promotion. */
  durationMs: number;
  batch: number;
  /** canary: what it does with the new release (absent for the other strategies). */
  canary?: CanaryDef;
}

/** A canary release: a share of the traffic goes to the new release, which is rolled back if it errs too much. */
export interface CanaryDef {
  /** Share of arrivals routed to the canary. */
  share: number;
  /** The new release's own error rate (fails as bad-release). */
  errorRate: number;
  /** Roll back when the canary's observed error rate exceeds this… */
  rollbackAbove: number;
  /** … once it has served at least this many requests. */
  minRequests: number;
  /** Stream of the routing and error draws. */
  stream: number;
}

/** Target tracking on a station's replicas (service `autoscale:`). */
export interface AutoscaleDef {
  min: number;
  max: number;
  initial: number;
  metric: 'utilisation' | 'queueLength' | 'p95';
  /** utilisation: a share (0.6); queueLength: waiting requests per replica; p95: ms. */
  target: number;
  everyMs: number;
  /** Delay before a new replica serves (it is billed from the decision). */
  provisionMs: number;
  /** No scale-down sooner than this after the last scaling decision. */
  cooldownMs: number;
}

export interface BlockDef {
  /** `component.operation` for operation entries, `component.operation#fork2.1` for fork bodies. */
  name: string;
  pc: number;
}

export interface ProfilePoint {
  atMs: number;
  x: number;
  /** The multiplier moves linearly from its previous value to x over [atMs, atMs + rampMs]. */
  rampMs: number;
}

interface WorkloadCommon {
  /** Cumulative endpoint weights, normalised to end at 1 (index = endpoint id). */
  mixCumulative: Float64Array;
  mixStream: number;
  /** Sorted by atMs; empty means a constant multiplier of 1. */
  profile: ProfilePoint[];
}

export interface ClosedWorkload extends WorkloadCommon {
  type: 'closed';
  /** Users at multiplier 1; the active population is round(users × profile(t)). */
  users: number;
  thinkDist: number;
  thinkStream: number;
}

export interface OpenWorkload extends WorkloadCommon {
  type: 'open';
  /** Poisson arrivals per millisecond at multiplier 1. */
  ratePerMs: number;
  arrivalStream: number;
}

export type CompiledWorkload = ClosedWorkload | OpenWorkload;

export interface CompiledEndpoint {
  name: string;
  /** Block the request's root frame runs (the called operation). */
  block: number;
  /** Latency objective in ms; Infinity when none is set. */
  sloMs: number;
  /** Bytes a successful request sends back to the user (0 or absent: not given), billed at `entry`. */
  responseBytes?: number;
  /** The component the endpoint enters through (its call's component). */
  entry?: string;
}

export interface RunSettings {
  durationMs: number;
  /** 0 with `warmupAuto` until the runner has chosen one (it then recompiles with it). */
  warmupMs: number;
  /** `warmup: auto`: the runner chooses the warm-up by MSER-5 on a pilot replication (run/auto-warmup.ts). */
  warmupAuto: boolean;
  replications: number;
  seed: number;
  /** Width of one time-series interval. */
  seriesIntervalMs: number;
  /** Sequential stopping: target 95% half-width as a fraction of each key metric's mean (0.02 for `2%`). */
  precision?: number;
  /** Sequential stopping: the most replications to run (the runner's default is 50). */
  maxReplications?: number;
  /** Time-based uptime: a minute is down when fewer than this share of its requests succeed within their SLO (default 0.99). */
  uptimeThreshold?: number;
}

export interface CompiledModel {
  name: string;
  run: RunSettings;
  workload: CompiledWorkload;
  endpoints: CompiledEndpoint[];
  stations: StationDef[];
  blocks: BlockDef[];
  code: Int32Array;
  consts: Float64Array;
  dists: DistTable;
  /** Stream names; a stream's numbers depend on (seed, replication, name) only. */
  streams: string[];
  /** Token buckets used by LIMIT instructions. */
  limiters: LimiterDef[];
  counters: CounterDef[];
  stats: StatDef[];
  caches: CacheDef[];
  queues: QueueDef[];
  policies: CallPolicyDef[];
  breakers: BreakerDef[];
  incidents: IncidentDef[];
  /** One-way network delay added to each direction of every CALL; null when zero. */
  hop: { dist: number; stream: number } | null;
  /**
   * Extra one-way delay of a call between replicas in different zones (`network.crossZone`), with
   * each station's replica zones (−1: not placed); null without zones or without that delay.
   */
  crossZone?: { dist: number; stream: number; replicaZones: number[][] } | null;
}

/** Multiplier of the load at time t (ms). */
export function profileAt(profile: readonly ProfilePoint[], t: number): number {
  let x = 1;
  for (const p of profile) {
    if (t < p.atMs) break;
    if (p.rampMs > 0 && t < p.atMs + p.rampMs) return x + ((p.x - x) * (t - p.atMs)) / p.rampMs;
    x = p.x;
  }
  return x;
}
