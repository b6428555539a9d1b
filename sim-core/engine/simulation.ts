import { EventCalendar } from './calendar.ts';
import { deriveStream, type RandomStream } from './random.ts';
import { sampleStandardExponential } from './ziggurat.ts';
import type { DistTable } from './distributions.ts';
import { Op, profileAt, type CompiledModel, type StationDef } from '../model/compiled.ts';
import { CircuitBreakers } from './circuit-breakers.ts';
import { ColdCacheCurve } from './cold-cache-curve.ts';
import { createCacheHitModel, type CacheHitModel } from '../components/cache-hit-model.ts';
import { histogramCreate, histogramMerge, histogramQuantile, histogramRecord, histogramReset, type Histogram } from '../metrics/histogram.ts';
import { CAUSE_BAD_RELEASE, CAUSE_CIRCUIT_OPEN, CAUSE_INJECTED_ERROR, CAUSE_RATE_LIMITED, CAUSE_REJECTED, CAUSE_TIMEOUT, CAUSE_UNAVAILABLE, ERROR_CAUSES, type CallSiteTally, type CacheTally, type EndpointTally, type QueueTally, type ReplicationResult, type StationTally } from '../metrics/replication-result.ts';

// Event kinds, packed with a target id into one int32: event = id * 16 + kind.
const EV_RESUME = 0; // frame continues at its pc (a SLEEP ended)
const EV_CALL_ARRIVE = 1; // child frame reaches its callee after a network hop
const EV_CALL_RETURN = 2; // child frame's answer reaches its caller after a network hop
const EV_THINK = 3; // a closed-workload user finished thinking
const EV_SAMPLE = 5; // end of a time-series interval
const EV_WARMUP = 6; // end of warm-up: reset the measured accumulators
const EV_POPULATION = 7; // closed workload: the profile changed the active population
const EV_CACHE_MODEL = 8; // re-evaluate the modelled hit ratios of caches (rate or warm-up changed)
const EV_TIMEOUT = 9; // a resilient call's timeout (ignored when stale: see onTimeout)
const EV_RETRY = 10; // a resilient call's backoff ended: the next attempt
const EV_INCIDENT = 11; // an incident starts (id = 2i) or ends (id = 2i + 1)
const EV_SCALE_EVAL = 12; // an autoscaled station's metric is evaluated (id = station)
const EV_SCALE_READY = 13; // a provisioned replica starts serving (id = station)
const EV_DEPLOY = 14; // a deployment starts (id = station)
const EV_HEALTH = 4; // id = 2·replica: a health check saw its change; 2·replica + 1: it fails or is repaired
const EV_DEPLOY_STEP = 15; // a deployment's batch (or restart, or switch) is done (id = station)
// Opcodes and hot helpers copied into module constants: a loader may compile imports into
// getter calls (tsx does), which costs ~20% of the loop when read per instruction.
const OP_ENTER = Op.ENTER, OP_SLEEP = Op.SLEEP, OP_LEAVE = Op.LEAVE, OP_CALL = Op.CALL;
const OP_BRANCH = Op.BRANCH, OP_JUMP = Op.JUMP, OP_FORK = Op.FORK, OP_RETURN = Op.RETURN, OP_FAIL = Op.FAIL, OP_LIMIT = Op.LIMIT;
const OP_ENTER_HOME = Op.ENTER_HOME, OP_COUNT = Op.COUNT, OP_RECORD = Op.RECORD, OP_HIT = Op.HIT, OP_PUBLISH = Op.PUBLISH, OP_CALLX = Op.CALLX;
const CAUSES = ERROR_CAUSES.length;
// Per call site tallies, in siteTally: calls, attempts, timeouts, short-circuited by the breaker,
// failed after all attempts, answered by the fallback.
const SITE_CALLS = 0, SITE_ATTEMPTS = 1, SITE_TIMEOUTS = 2, SITE_SHORT = 3, SITE_FAILED = 4, SITE_FALLBACKS = 5, SITE_FIELDS = 6;
const recordLatency = histogramRecord;
const standardExponential = sampleStandardExponential;

const KIND_BITS = 4;
const KIND_MASK = 15;

// How a frame is linked to its parent.
const LINK_ROOT = 0;
const LINK_CALL = 1;
const LINK_FORK = 2;
const LINK_DETACHED = 3; // a queue message: nobody waits for it; fEndpoint holds its queue
const LINK_CALLX = 4; // the callee of a resilient call (CALLX)
const LINK_ORPHAN = 5; // a callee whose caller stopped waiting (timeout): its answer is dropped

/** Modelled cache hit ratios are re-evaluated at most this often (ms), and only when needed. */
const CACHE_MODEL_EVERY_MS = 1000;
/** ... when the measured lookup rate moved by more than this fraction since the last evaluation. */
const CACHE_RATE_CHANGE = 0.02;
/** Autoscaling leaves the count alone while the metric is within this fraction of its target. */
const SCALE_TOLERANCE = 0.1;
/** How a balancer notices dead replicas unless the component says otherwise. */
const DEFAULT_HEALTH_CHECK = { everyMs: 10_000, unhealthyAfter: 2, healthyAfter: 2 };

const MINUTE_MS = 60_000;
const PER_MINUTE = 1 / MINUTE_MS;
/** A minute is down when fewer than this share of its requests succeed within their SLO, unless the scenario says otherwise. */
const DEFAULT_UPTIME_THRESHOLD = 0.99;

/** Progress is reported and cancellation checked every this many events. */
const CHECK_EVERY = 1 << 16;

export interface SimulationOptions {
  replication: number;
  /** Overrides model.run.seed. */
  seed?: number;
  onProgress?: (p: { simulatedMs: number; durationMs: number; events: number }) => void;
  /** Checked every 65,536 events; return true to stop early (the result says `cancelled`). */
  shouldCancel?: () => boolean;
  /** Wall clock for `wallMs`; defaults to Date.now. */
  clock?: () => number;
}

/**
 * One replication of a CompiledModel: the event loop and the step-program interpreter.
 *
 * State lives in struct-of-arrays pools (frames, replicas) that grow by doubling and are reused
 * through free lists, so the hot path allocates nothing. A request is a tree of frames; each
 * frame is a cursor into `model.code` (see compiled.ts for the instruction set).
 */
export class Simulation {
  private readonly cal = new EventCalendar(4096);
  private readonly code: Int32Array;
  private readonly consts: Float64Array;
  private readonly blockPc: Int32Array;
  private readonly dists: DistTable;
  /** Mean of each distribution that is exponential, NaN otherwise: the common case skips the sampler. */
  private readonly expMean: Float64Array;
  private readonly streams: RandomStream[];
  private now = 0;
  private events = 0;
  private readonly endMs: number;
  private readonly warmupMs: number;
  private measuring: boolean;

  // Frames (struct of arrays).
  private fPc = new Int32Array(1024);
  private fParent = new Int32Array(1024);
  private fLink = new Uint8Array(1024);
  private fPending = new Int32Array(1024);
  private fReplica = new Int32Array(1024); // replica whose worker this frame holds, or -1
  private fFailed = new Int8Array(1024); // -1 = ok, else error cause (set on fork join / failed return)
  private fStart = new Float64Array(1024); // root frames: request start time
  private fEndpoint = new Int32Array(1024); // root frames: endpoint id
  private fUser = new Int32Array(1024); // root frames: closed-workload user, -1 for open arrivals
  private fHome = new Int32Array(1024); // replica the frame's last ENTER chose (FORK bodies inherit it), or -1
  private fEnq = new Float64Array(1024); // when the frame began waiting at a station that tracks waits
  private fCallPc = new Int32Array(1024); // pc of the CALLX this frame is in
  private fAttempt = new Int32Array(1024); // retries made so far by that CALLX
  private fChild = new Int32Array(1024); // its current callee
  private fTimeoutAt = new Float64Array(1024); // when its timeout fires, or −1
  private fArrive = new Float64Array(1024); // when it arrived at a station that scales on p95
  private freeFrames = new Int32Array(1024);
  private freeCount = 0;
  private frameCount = 0;

  // Replicas: global ids, station s owns [stFirst[s], stFirst[s] + replicas).
  private readonly stations: StationDef[];
  private readonly stFirst: Int32Array;
  private readonly stReplicas: Int32Array; // allocated (an autoscaled station's max)
  private readonly stActive: Int32Array; // running: replica indices [0, stActive)
  private readonly stPending: Int32Array; // provisioning (billed, not serving)
  private readonly stOut: Int32Array; // running but out of the balancer for a deploy …
  private readonly stOutFrom: Int32Array; // … indices [stOutFrom, stOutFrom + stOut) (see isServing)
  private readonly stExtra: Int32Array; // billed beside them: a blue-green deploy's second fleet
  private readonly stServing: Int32Array; // running − out: how many the balancer picks among (servingIndex)
  private readonly stActiveInt: Float64Array; // ±t integrals of stActive and stActive + stPending
  private readonly stBilledInt: Float64Array;
  private readonly stActiveMark: Float64Array;
  private readonly stBilledMark: Float64Array;
  private readonly stActiveInterval: Float64Array;
  private readonly stScaleBusyMark: Float64Array; // busy and queue areas at the last evaluation
  private readonly stScaleQueueMark: Float64Array;
  private readonly stScaleActiveMark: Float64Array;
  private readonly stLastScale: Float64Array;
  private readonly stScaleTime: Float64Array; // time of the last evaluation
  private readonly stDeployLeft: Int32Array; // replicas a rolling deploy has still to replace
  private readonly stCanary: Uint8Array; // a canary release is taking its share of the arrivals
  private readonly stCanaryServed: Float64Array; // … requests it has served, and failed
  private readonly stCanaryFailed: Float64Array;
  private readonly stReleaseErrors: Float64Array; // error rate of the promoted release (0: none)
  private readonly stDeploys: Float64Array; // measured window: deployments started, canaries rolled back, promoted
  private readonly stRollbacks: Float64Array;
  private readonly stPromotions: Float64Array;
  private readonly stScaleP95: Uint8Array; // autoscaled on p95: visits are timed into stScaleLatency
  private readonly stScaleLatency: Array<Histogram | null>; // visit times since the last evaluation
  private readonly seriesReplicas: Float64Array[];
  private readonly stWorkers: Float64Array;
  private readonly stQueueCap: Float64Array;
  private readonly stBalancer: Uint8Array;
  private readonly stRoundRobin: Int32Array;
  private readonly stBusy: Float64Array; // busy workers over all replicas
  private readonly stQueued: Float64Array; // waiting over all replicas
  /**
   * Time integrals without a multiply per change: a unit entering at t subtracts t, leaving adds
   * t, so ∫₀ᵗ busy = stBusyInt + stBusy·t at any moment (see busyArea/queueArea).
   */
  private readonly stBusyInt: Float64Array;
  private readonly stQueueInt: Float64Array;
  private readonly stBusyAreaMark: Float64Array; // at the start of the measured window
  private readonly stQueueAreaMark: Float64Array;
  private readonly stCompleted: Float64Array; // measured window
  private readonly stRejected: Float64Array;
  private readonly stFailedByCause: Float64Array; // [station * CAUSES + cause], measured window
  private readonly stTrackWait: Uint8Array;
  private readonly stWait: Array<Histogram | null>; // measured window

  // Token buckets (LIMIT): tokens at the last update, and its time.
  private readonly lRate: Float64Array;
  private readonly lBurst: Float64Array;
  private readonly lTokens: Float64Array;
  private readonly lLast: Float64Array;
  private readonly rStation: Int32Array;

  // COUNT counters and RECORD statistics (counters: totals since t = 0, marked at warm-up end).
  private readonly counterTotal: Float64Array;
  private readonly counterMark: Float64Array;
  private readonly statValues: Histogram[];

  // Caches (HIT): totals since t = 0 and marks; modelled hit ratios and what they were computed from.
  private readonly cacheLookups: Float64Array;
  private readonly cacheHits: Float64Array;
  private readonly cacheLookupsMark: Float64Array;
  private readonly cacheHitsMark: Float64Array;
  private readonly cacheLookupsInterval: Float64Array;
  private readonly cacheHitsInterval: Float64Array;
  private readonly seriesCacheLookups: Float64Array[];
  private readonly seriesCacheHits: Float64Array[];
  private readonly cacheModels: Array<CacheHitModel | null>;
  private readonly cacheProb: Float64Array;
  private readonly cacheCold: Uint8Array; // still warming up from empty
  private readonly cacheRate: Float64Array; // smoothed lookups per ms, -1 before the first estimate
  private readonly cacheRateUsed: Float64Array; // the rate cacheProb was last evaluated at
  private readonly cacheLookupsAtUpdate: Float64Array;
  private cacheUpdateAt = 0;
  /** Local caches with a modelled ratio: each replica's warm-up curve, and its lookups since it started (Infinity: warm). */
  private readonly localCurves: Array<ColdCacheCurve | null>;
  private readonly localLookups: Float64Array[];
  private readonly localCaches: number[];

  // Resilient calls (CALLX): policies, measured tallies per call site, breakers.
  private readonly polTimeout: Float64Array;
  private readonly polRetries: Int32Array;
  private readonly polBackoff: Float64Array;
  private readonly polMultiplier: Float64Array;
  private readonly polJitter: Uint8Array; // 0 none, 1 full, 2 equal
  private readonly polStream: Int32Array;
  private readonly polBreaker: Int32Array;
  private readonly polFallback: Int32Array;
  private readonly siteTally: Float64Array; // [policy * SITE_FIELDS + field]
  private readonly breakers: CircuitBreakers;
  private readonly brOpenMark: Float64Array;
  private readonly brOpenInterval: Float64Array;
  private readonly seriesBreakerOpen: Float64Array[];

  // Incidents: per station, down / error share / slow factor while one is active.
  private readonly stDown: Uint8Array;
  private readonly stErrorShare: Float64Array;
  private readonly stErrorStream: Int32Array;
  private readonly stSlow: Float64Array;
  private readonly stImpaired: Uint8Array; // down, erroring or with a dead replica: checked on every entry
  private readonly stDeadReplicas: Int32Array; // replica slots down (a zone outage, a failure), started or not
  private readonly stDeadServing: Int32Array; // … of them, those in the serving set: what capacity loses
  private readonly stRotationOut: Int32Array; // serving replicas the balancer has taken out (health checks)
  // Per replica slot, started or not (see replicasJoin for a slot that starts dead):
  private readonly rDown: Uint8Array; // causes of death now (its zone, its own failure)
  private readonly rFailed: Uint8Array; // failed on its own account (random failures)
  private readonly rOut: Uint8Array; // out of the balancer's rotation (counts only while serving)
  private readonly healthRng: RandomStream | null;
  private fDoomed = new Uint8Array(1024); // held a worker of a replica that died: fails when it next runs
  private slowStations = 0;

  // Queues (PUBLISH), measured window.
  private readonly qPublished: Float64Array;
  private readonly qConsumed: Float64Array;
  private readonly qFailed: Float64Array;
  private readonly qEndToEnd: Histogram[];
  private readonly rBusy: Int32Array;
  private readonly rQueue: Int32Array[]; // ring buffers of waiting frame ids
  private readonly rHead: Int32Array;
  private readonly rLen: Int32Array;

  // Workload.
  private readonly mix: Float64Array;
  private readonly mixRng: RandomStream;
  private readonly endpointBlockPc: Int32Array;
  private readonly endpointSlo: Float64Array;
  private readonly hopDist: number;
  private readonly hopRng: RandomStream | null;
  private readonly crossZoneDist: number; // −1: calls never pay for crossing a zone
  private readonly crossZoneRng: RandomStream | null;
  private readonly rZone: Int32Array; // per replica: its zone, −1 when not placed
  private readonly thinkDist: number;
  private readonly workloadRng: RandomStream;
  private readonly openRatePerMs: number;
  private readonly openMaxX: number;
  /**
   * Exponential think times: the thinking users are one merged Poisson clock (rate n / mean)
   * instead of n calendar entries. Exact by memorylessness: when n changes, the residual time to
   * the next think completion is rescaled by n_old / n_new, which keeps it exponential with the
   * new rate. With 50k users this keeps the calendar at the size of the requests in flight.
   */
  private readonly thinkMerged: boolean;
  private readonly thinkMean: number;
  private thinking = 0;
  /**
   * Time of the workload source's next event, kept outside the calendar (it is always exactly
   * one event, so it needs no heap): the merged think clock of a closed workload with exponential
   * think time, or the next (candidate) arrival of an open workload. Infinity when unused.
   */
  private sourceNext = Infinity;
  private activeTarget = 0;
  private activeUsers = 0;
  private parked: Int32Array = new Int32Array(0);
  private parkedCount = 0;

  // Measurements.
  private readonly tallies: EndpointTally[];
  private readonly intervalMs: number;
  private readonly seriesCompleted: Float64Array;
  private readonly seriesFailed: Float64Array;
  private readonly seriesWithinSlo: Float64Array;
  private readonly seriesP95: Float64Array;
  private readonly seriesUtil: Float64Array[];
  private readonly seriesQueue: Float64Array[];
  /** Latencies since the last flush, per endpoint: one record per completion on the hot path. */
  private readonly recentLatency: Histogram[];
  /** The current series interval's latencies (all endpoints), filled at flushes. */
  private readonly intervalHist: Histogram;
  private intervalIndex = 0;
  private intervalCompleted = 0;
  private intervalFailed = 0;
  private intervalWithinSlo = 0;
  private readonly minuteFinished: Float64Array; // per minute of simulated time: requests finished
  private readonly minuteGood: Float64Array; // … and those that succeeded within their SLO
  private readonly stBusyAreaInterval: Float64Array;
  private readonly stQueueAreaInterval: Float64Array;
  private arrivals = 0;
  private completedAll = 0;
  private failedAll = 0;

  constructor(private readonly model: CompiledModel, private readonly opts: SimulationOptions) {
    const seed = opts.seed ?? model.run.seed;
    this.code = model.code;
    this.consts = model.consts;
    this.blockPc = Int32Array.from(model.blocks, (b) => b.pc);
    this.dists = model.dists;
    this.expMean = Float64Array.from(model.dists.specs, (d) => (d.kind === 'exp' ? d.mean : NaN));
    this.streams = model.streams.map((name) => deriveStream(seed, opts.replication, name));
    this.endMs = model.run.durationMs;
    this.warmupMs = model.run.warmupMs;
    this.measuring = this.warmupMs <= 0;

    // Stations and replicas.
    this.stations = model.stations;
    const ns = model.stations.length;
    this.stFirst = new Int32Array(ns);
    this.stReplicas = Int32Array.from(model.stations, (st) => st.replicas);
    this.stActive = Int32Array.from(model.stations, (st) => st.autoscale?.initial ?? st.replicas);
    this.stPending = new Int32Array(ns);
    this.stOut = new Int32Array(ns);
    this.stOutFrom = new Int32Array(ns);
    this.stExtra = new Int32Array(ns);
    this.stServing = Int32Array.from(this.stActive);
    this.stActiveInt = new Float64Array(ns);
    this.stBilledInt = new Float64Array(ns);
    this.stActiveMark = new Float64Array(ns);
    this.stBilledMark = new Float64Array(ns);
    this.stActiveInterval = new Float64Array(ns);
    this.stScaleBusyMark = new Float64Array(ns);
    this.stScaleQueueMark = new Float64Array(ns);
    this.stScaleActiveMark = new Float64Array(ns);
    this.stLastScale = new Float64Array(ns);
    this.stScaleTime = new Float64Array(ns);
    this.stDeployLeft = new Int32Array(ns);
    this.stCanary = new Uint8Array(ns);
    this.stCanaryServed = new Float64Array(ns);
    this.stCanaryFailed = new Float64Array(ns);
    this.stReleaseErrors = new Float64Array(ns);
    this.stDeploys = new Float64Array(ns);
    this.stRollbacks = new Float64Array(ns);
    this.stPromotions = new Float64Array(ns);
    this.stScaleP95 = Uint8Array.from(model.stations, (st) => (st.autoscale?.metric === 'p95' ? 1 : 0));
    this.stScaleLatency = model.stations.map((st) => (st.autoscale?.metric === 'p95' ? histogramCreate() : null));
    this.stWorkers = Float64Array.from(model.stations, (s) => s.workers);
    this.stQueueCap = Float64Array.from(model.stations, (s) => s.queue);
    this.stBalancer = Uint8Array.from(model.stations, (s) => ['roundRobin', 'random', 'leastConnections', 'powerOfTwo'].indexOf(s.balancer));
    this.stRoundRobin = new Int32Array(ns);
    this.stBusy = new Float64Array(ns);
    this.stQueued = new Float64Array(ns);
    this.stBusyInt = new Float64Array(ns);
    this.stQueueInt = new Float64Array(ns);
    this.stBusyAreaMark = new Float64Array(ns);
    this.stQueueAreaMark = new Float64Array(ns);
    this.stCompleted = new Float64Array(ns);
    this.stRejected = new Float64Array(ns);
    this.stFailedByCause = new Float64Array(ns * CAUSES);
    this.stTrackWait = Uint8Array.from(model.stations, (st) => (st.trackWait ? 1 : 0));
    this.stWait = model.stations.map((st) => (st.trackWait ? histogramCreate() : null));
    const limiters = model.limiters;
    this.lRate = Float64Array.from(limiters, (l) => l.ratePerMs);
    this.lBurst = Float64Array.from(limiters, (l) => l.burst);
    this.lTokens = Float64Array.from(limiters, (l) => l.burst); // buckets start full
    this.lLast = new Float64Array(limiters.length);
    this.stBusyAreaInterval = new Float64Array(ns);
    this.stQueueAreaInterval = new Float64Array(ns);
    let replicas = 0;
    for (let s = 0; s < ns; s++) {
      this.stFirst[s] = replicas;
      replicas += model.stations[s].replicas;
    }
    this.rStation = new Int32Array(replicas);
    for (let s = 0; s < ns; s++) this.rStation.fill(s, this.stFirst[s], this.stFirst[s] + model.stations[s].replicas);
    this.rBusy = new Int32Array(replicas);
    this.rQueue = Array.from({ length: replicas }, () => new Int32Array(16));
    this.rDown = new Uint8Array(replicas);
    this.rFailed = new Uint8Array(replicas);
    this.rOut = new Uint8Array(replicas);
    this.rHead = new Int32Array(replicas);
    this.rLen = new Int32Array(replicas);

    // Workload.
    const w = model.workload;
    this.mix = w.mixCumulative;
    this.mixRng = this.streams[w.mixStream];
    this.endpointBlockPc = Int32Array.from(model.endpoints, (e) => this.blockPc[e.block]);
    this.endpointSlo = Float64Array.from(model.endpoints, (e) => e.sloMs);
    this.hopDist = model.hop ? model.hop.dist : -1;
    this.hopRng = model.hop ? this.streams[model.hop.stream] : null;
    this.crossZoneDist = model.crossZone ? model.crossZone.dist : -1;
    this.crossZoneRng = model.crossZone ? this.streams[model.crossZone.stream] : null;
    this.rZone = new Int32Array(replicas).fill(-1);
    model.crossZone?.replicaZones.forEach((zones, s) => this.rZone.set(zones, this.stFirst[s]));
    if (w.type === 'closed') {
      this.thinkDist = w.thinkDist;
      const spec = model.dists.specs[w.thinkDist];
      this.thinkMerged = spec.kind === 'exp';
      this.thinkMean = spec.kind === 'exp' ? spec.mean : NaN;
      this.workloadRng = this.streams[w.thinkStream];
      this.openRatePerMs = 0;
      this.openMaxX = 1;
    } else {
      this.thinkDist = -1;
      this.thinkMerged = false;
      this.thinkMean = NaN;
      this.workloadRng = this.streams[w.arrivalStream];
      this.openRatePerMs = w.ratePerMs;
      this.openMaxX = w.profile.reduce((m, p) => Math.max(m, p.x), 1);
    }

    // Measurements.
    this.tallies = model.endpoints.map((e) => ({
      name: e.name,
      responseBytes: e.responseBytes,
      entry: e.entry,
      completed: 0,
      failed: 0,
      failedByCause: ERROR_CAUSES.map(() => 0),
      withinSlo: 0,
      latency: histogramCreate(),
    }));
    this.intervalMs = model.run.seriesIntervalMs;
    const intervals = Math.max(1, Math.ceil(this.endMs / this.intervalMs));
    this.seriesCompleted = new Float64Array(intervals);
    this.seriesFailed = new Float64Array(intervals);
    this.seriesWithinSlo = new Float64Array(intervals);
    this.seriesP95 = new Float64Array(intervals);
    this.seriesUtil = model.stations.map(() => new Float64Array(intervals));
    this.seriesQueue = model.stations.map(() => new Float64Array(intervals));
    this.seriesReplicas = model.stations.map(() => new Float64Array(intervals));
    this.recentLatency = model.endpoints.map(() => histogramCreate());
    this.minuteFinished = new Float64Array(Math.ceil(this.endMs / MINUTE_MS) + 1);
    this.minuteGood = new Float64Array(this.minuteFinished.length);
    this.intervalHist = histogramCreate();

    this.counterTotal = new Float64Array(model.counters.length);
    this.counterMark = new Float64Array(model.counters.length);
    this.statValues = model.stats.map(() => histogramCreate());
    const nc = model.caches.length;
    this.cacheLookups = new Float64Array(nc);
    this.cacheHits = new Float64Array(nc);
    this.cacheLookupsMark = new Float64Array(nc);
    this.cacheHitsMark = new Float64Array(nc);
    this.cacheLookupsInterval = new Float64Array(nc);
    this.cacheHitsInterval = new Float64Array(nc);
    this.seriesCacheLookups = model.caches.map(() => new Float64Array(intervals));
    this.seriesCacheHits = model.caches.map(() => new Float64Array(intervals));
    this.cacheModels = model.caches.map((c) => (c.model ? createCacheHitModel(c.model) : null));
    this.cacheCold = Uint8Array.from(model.caches, (c) => (c.model && !c.model.warm ? 1 : 0));
    // A warm cache whose hit ratio does not depend on the rate is evaluated once, here; the others
    // start at 0 (cold: empty; with a ttl: until the first rate estimate, a fraction of a second).
    this.cacheProb = Float64Array.from(this.cacheModels, (m, c) => (m && !m.rateDependent && !this.cacheCold[c] ? m.hitRatio(1) : 0));
    this.cacheRate = new Float64Array(nc).fill(-1);
    this.cacheRateUsed = new Float64Array(nc).fill(-1);
    this.cacheLookupsAtUpdate = new Float64Array(nc);
    this.localCurves = model.caches.map((c, i) => (c.local && this.cacheModels[i] ? new ColdCacheCurve(this.cacheModels[i]) : null));
    this.localCaches = model.caches.flatMap((_, i) => (this.localCurves[i] ? [i] : []));
    this.localLookups = model.caches.map((c) => (c.local && c.model ? new Float64Array(replicas).fill(c.model.warm ? Infinity : 0) : new Float64Array(0)));
    // Local caches are per replica: the shared warm-up below does not apply to them.
    this.localCaches.forEach((c) => (this.cacheCold[c] = 0));
    const pols = model.policies;
    this.polTimeout = Float64Array.from(pols, (p) => p.timeoutMs);
    this.polRetries = Int32Array.from(pols, (p) => p.retries);
    this.polBackoff = Float64Array.from(pols, (p) => p.backoffMs);
    this.polMultiplier = Float64Array.from(pols, (p) => p.backoffMultiplier);
    this.polJitter = Uint8Array.from(pols, (p) => ['none', 'full', 'equal'].indexOf(p.jitter));
    this.polStream = Int32Array.from(pols, (p) => p.stream);
    this.polBreaker = Int32Array.from(pols, (p) => p.breaker);
    this.polFallback = Int32Array.from(pols, (p) => p.fallbackPc);
    this.siteTally = new Float64Array(pols.length * SITE_FIELDS);
    const brs = model.breakers;
    this.breakers = new CircuitBreakers(brs);
    this.brOpenMark = new Float64Array(brs.length);
    this.brOpenInterval = new Float64Array(brs.length);
    this.seriesBreakerOpen = brs.map(() => new Float64Array(intervals));
    this.stDown = new Uint8Array(ns);
    this.stErrorShare = new Float64Array(ns);
    this.stErrorStream = new Int32Array(ns);
    this.stSlow = new Float64Array(ns).fill(1);
    this.stImpaired = new Uint8Array(ns);
    this.stDeadReplicas = new Int32Array(ns);
    this.stDeadServing = new Int32Array(ns);
    this.stRotationOut = new Int32Array(ns);
    this.healthRng = model.incidents.some((i) => i.replicas.length > 0) || model.stations.some((st) => st.failures) ? deriveStream(seed, opts.replication, 'health-checks') : null;
    const nq = model.queues.length;
    this.qPublished = new Float64Array(nq);
    this.qConsumed = new Float64Array(nq);
    this.qFailed = new Float64Array(nq);
    this.qEndToEnd = model.queues.map(() => histogramCreate());
  }

  run(): ReplicationResult {
    const clock = this.opts.clock ?? Date.now;
    const wallStart = clock();
    this.start();
    const cal = this.cal;
    const end = this.endMs;
    let cancelled = false;
    let nextCheck = CHECK_EVERY;
    for (;;) {
      const heapNext = cal.peekTime(); // Infinity when empty
      if (this.sourceNext < heapNext) {
        if (this.sourceNext > end) break;
        this.now = this.sourceNext;
        if (this.thinkMerged) this.mergedThinkEnded();
        else this.openArrival();
      } else {
        if (heapNext > end) break;
        this.now = heapNext;
        this.dispatch(cal.pop());
      }
      if (++this.events === nextCheck) {
        nextCheck += CHECK_EVERY;
        this.opts.onProgress?.({ simulatedMs: this.now, durationMs: end, events: this.events });
        if (this.opts.shouldCancel?.()) {
          cancelled = true;
          break;
        }
      }
    }
    if (!cancelled) this.now = end;
    return this.result(clock() - wallStart, cancelled);
  }

  private dispatch(ev: number): void {
    const id = ev >> KIND_BITS;
    switch (ev & KIND_MASK) {
      case EV_RESUME: this.exec(id); break;
      case EV_CALL_ARRIVE: this.exec(id); break;
      case EV_CALL_RETURN: this.childReturned(id); break;
      case EV_THINK: this.userThought(id); break;
      case EV_SAMPLE: this.sample(); break;
      case EV_WARMUP: this.startMeasuring(); break;
      case EV_POPULATION: this.updatePopulation(); break;
      case EV_CACHE_MODEL: this.updateCacheModels(); break;
      case EV_TIMEOUT: this.onTimeout(id); break;
      case EV_RETRY: this.attemptCall(id); break;
      case EV_INCIDENT: this.incident(id >> 1, (id & 1) === 0); break;
      case EV_SCALE_EVAL: this.evaluateScaling(id); break;
      case EV_SCALE_READY: this.replicaReady(id); break;
      case EV_DEPLOY: this.startDeploy(id); break;
      case EV_DEPLOY_STEP: this.deployStep(id); break;
      case EV_HEALTH: if (id & 1) this.replicaToggled(id >> 1); else this.healthChecked(id >> 1); break;
    }
  }


  // ---------------------------------------------------------------- workload

  private start(): void {
    const w = this.model.workload;
    if (this.warmupMs > 0) this.schedule(this.warmupMs, 0, EV_WARMUP);
    this.schedule(Math.min(this.intervalMs, this.endMs), 0, EV_SAMPLE);
    if (this.cacheModels.some((m, c) => m && (m.rateDependent || this.cacheCold[c]))) this.schedule(100, 0, EV_CACHE_MODEL);
    this.model.stations.forEach((st, s) => {
      if (st.autoscale) this.schedule(st.autoscale.everyMs, s, EV_SCALE_EVAL);
      if (st.deploy) this.schedule(st.deploy.atMs, s, EV_DEPLOY);
      if (st.failures) {
        // Every replica starts up; its first failure comes after a full time to failure.
        const rng = this.streams[st.failures.stream];
        for (let k = 0; k < st.replicas; k++) this.schedule(this.dists.sample(st.failures.timeToFailure, rng), 2 * (this.stFirst[s] + k) + 1, EV_HEALTH);
      }
    });
    this.model.incidents.forEach((inc, i) => {
      this.schedule(inc.atMs, 2 * i, EV_INCIDENT);
      this.schedule(inc.atMs + inc.forMs, 2 * i + 1, EV_INCIDENT);
    });
    if (w.type === 'closed') {
      const maxX = w.profile.reduce((m, p) => Math.max(m, p.x), 1);
      const slots = Math.ceil(w.users * maxX);
      this.parked = new Int32Array(slots);
      for (let u = slots - 1; u >= 0; u--) this.parked[this.parkedCount++] = u;
      this.updatePopulation();
    } else {
      this.scheduleNextArrival();
    }
  }

  /** Closed workload: bring the active population to round(users × profile(now)). */
  private updatePopulation(): void {
    const w = this.model.workload;
    if (w.type !== 'closed') return;
    this.activeTarget = Math.round(w.users * profileAt(w.profile, this.now));
    while (this.activeUsers < this.activeTarget && this.parkedCount > 0) {
      const u = this.parked[--this.parkedCount];
      this.activeUsers++;
      this.beginThinking(u);
    }
    // Users above the target leave when they next finish thinking (see userThought).
    const next = this.nextPopulationCheck(w.profile, w.users);
    if (next < this.endMs) this.schedule(next, 0, EV_POPULATION);
  }

  /** During a ramp re-evaluate often enough to move ≤ 1/1000 of the change at a time. */
  private nextPopulationCheck(profile: CompiledModel['workload']['profile'], users: number): number {
    const t = this.now;
    let previous = 1;
    for (const p of profile) {
      if (t < p.atMs) return p.atMs;
      if (p.rampMs > 0 && t < p.atMs + p.rampMs) {
        const steps = Math.max(1, Math.min(1000, Math.abs(p.x - previous) * users));
        return Math.min(p.atMs + p.rampMs, t + p.rampMs / steps);
      }
      previous = p.x;
    }
    return Infinity;
  }

  /** User `user` starts thinking (merged clock: only the count matters). */
  private beginThinking(user: number): void {
    if (!this.thinkMerged) {
      this.schedule(this.now + this.dists.sample(this.thinkDist, this.workloadRng), user, EV_THINK);
      return;
    }
    const n = this.thinking++;
    this.sourceNext = n === 0
      ? this.now + this.thinkMean * standardExponential(this.workloadRng)
      : this.now + ((this.sourceNext - this.now) * n) / (n + 1);
  }

  /** The merged clock fired: one of the thinking users (they are alike) finished thinking. */
  private mergedThinkEnded(): void {
    const n = --this.thinking;
    this.sourceNext = n === 0 ? Infinity : this.now + (this.thinkMean / n) * standardExponential(this.workloadRng);
    this.userThought(0);
  }

  private userThought(user: number): void {
    if (this.activeUsers > this.activeTarget) {
      this.activeUsers--;
      this.parked[this.parkedCount++] = user;
      return;
    }
    this.startRequest(user);
  }

  private scheduleNextArrival(): void {
    const rate = this.openRatePerMs * this.openMaxX;
    this.sourceNext = this.now + standardExponential(this.workloadRng) / rate;
  }

  private openArrival(): void {
    const profile = this.model.workload.profile;
    // Thinning (Lewis & Shedler) for a time-varying rate; no extra draw without a profile.
    const accept = profile.length === 0 || this.workloadRng.nextUniform() * this.openMaxX < profileAt(profile, this.now);
    this.scheduleNextArrival();
    if (accept) this.startRequest(-1);
  }

  private startRequest(user: number): void {
    const mix = this.mix;
    let e = 0;
    if (mix.length > 1) {
      const u = this.mixRng.nextUniform();
      while (u >= mix[e] && e < mix.length - 1) e++;
    }
    const f = this.allocFrame();
    this.fPc[f] = this.endpointBlockPc[e];
    this.fParent[f] = -1;
    this.fLink[f] = LINK_ROOT;
    this.fStart[f] = this.now;
    this.fEndpoint[f] = e;
    this.fUser[f] = user;
    this.arrivals++;
    this.exec(f);
  }

  private finishRequest(f: number, cause: number): void {
    const latency = this.now - this.fStart[f];
    const e = this.fEndpoint[f];
    const minute = (this.now * PER_MINUTE) | 0;
    this.minuteFinished[minute]++;
    if (cause < 0) {
      this.completedAll++;
      this.intervalCompleted++;
      recordLatency(this.recentLatency[e], latency);
      const inSlo = latency <= this.endpointSlo[e];
      if (inSlo) {
        this.intervalWithinSlo++;
        this.minuteGood[minute]++;
      }
      if (this.measuring) {
        const tally = this.tallies[e];
        tally.completed++;
        if (inSlo) tally.withinSlo++;
      }
    } else {
      this.failedAll++;
      this.intervalFailed++;
      if (this.measuring) {
        const tally = this.tallies[e];
        tally.failed++;
        tally.failedByCause[cause]++;
      }
    }
    const user = this.fUser[f];
    this.freeFrame(f);
    if (user >= 0) this.beginThinking(user);
  }

  // ---------------------------------------------------------------- interpreter

  /** Run frame f from its pc until it waits (sleep, call, queue, fork) or finishes. */
  private exec(f: number): void {
    if (this.fDoomed[f]) {
      this.fDoomed[f] = 0;
      this.finish(f, CAUSE_UNAVAILABLE); // its replica died under it
      return;
    }
    const code = this.code;
    let pc = this.fPc[f];
    for (;;) {
      switch (code[pc]) {
        case OP_ENTER: {
          this.fPc[f] = pc + 2;
          if (!this.enter(f, code[pc + 1])) return;
          pc += 2;
          break;
        }
        case OP_SLEEP: {
          this.fPc[f] = pc + 3;
          const d = code[pc + 1];
          const rng = this.streams[code[pc + 2]];
          const mean = this.expMean[d];
          let dt = mean === mean ? mean * standardExponential(rng) : this.dists.sample(d, rng);
          if (this.slowStations > 0 && this.fReplica[f] >= 0) dt *= this.stSlow[this.rStation[this.fReplica[f]]];
          this.schedule(this.now + dt, f, EV_RESUME);
          return;
        }
        case OP_LEAVE: {
          this.leave(f);
          pc += 1;
          break;
        }
        case OP_CALL: {
          this.fPc[f] = pc + 2;
          const child = this.allocFrame();
          this.fPc[child] = this.blockPc[code[pc + 1]];
          this.fParent[child] = f;
          this.fLink[child] = LINK_CALL;
          if (this.hopDist >= 0) this.schedule(this.now + this.dists.sample(this.hopDist, this.hopRng!), child, EV_CALL_ARRIVE);
          else this.exec(child);
          return;
        }
        case OP_BRANCH: {
          pc = this.branchTarget(pc);
          break;
        }
        case OP_JUMP: {
          pc = code[pc + 1];
          break;
        }
        case OP_FORK: {
          this.fork(f, pc);
          return;
        }
        case OP_RETURN: {
          this.finish(f, -1);
          return;
        }
        case OP_LIMIT: {
          if (!this.takeToken(code[pc + 1])) {
            this.failAt(f, CAUSE_RATE_LIMITED, code[pc + 2]);
            return;
          }
          pc += 3;
          break;
        }
        case OP_FAIL: {
          if (this.streams[code[pc + 1]].nextUniform() < this.consts[code[pc + 2]]) {
            this.failAt(f, code[pc + 3], code[pc + 4]);
            return;
          }
          pc += 5;
          break;
        }
        case OP_HIT: {
          pc = this.lookup(pc, f);
          break;
        }
        case OP_COUNT: {
          this.counterTotal[code[pc + 1]]++;
          pc += 2;
          break;
        }
        case OP_ENTER_HOME: {
          this.fPc[f] = pc + 3;
          if (!this.enterHome(f, code[pc + 1], code[pc + 2])) return;
          pc += 3;
          break;
        }
        case OP_PUBLISH: {
          this.publish(code[pc + 1], code[pc + 2]);
          pc += 3;
          break;
        }
        case OP_CALLX: {
          this.fCallPc[f] = pc;
          this.fAttempt[f] = 0;
          this.fPc[f] = pc + 4;
          this.attemptCall(f);
          return;
        }
        case OP_RECORD: {
          // Drawn whether or not measuring, so the stream stays aligned across warm-up choices.
          const value = this.dists.sample(code[pc + 1], this.streams[code[pc + 2]]);
          if (this.measuring) recordLatency(this.statValues[code[pc + 3]], value);
          pc += 4;
          break;
        }
        default:
          this.badOpcode(pc);
      }
    }
  }

  private branchTarget(pc: number): number {
    const code = this.code;
    const u = this.streams[code[pc + 1]].nextUniform();
    const n = code[pc + 2];
    const c = code[pc + 3];
    let i = 0;
    while (i < n && u >= this.consts[c + i]) i++;
    return code[pc + 4 + i]; // i === n selects targetElse
  }

  private fork(f: number, pc: number): void {
    const code = this.code;
    const n = code[pc + 1];
    this.fPc[f] = pc + 2 + n;
    this.fPending[f] = n;
    for (let i = 0; i < n; i++) {
      const child = this.allocFrame();
      this.fPc[child] = this.blockPc[code[pc + 2 + i]];
      this.fParent[child] = f;
      this.fLink[child] = LINK_FORK;
      this.fHome[child] = this.fHome[f];
      this.exec(child);
    }
  }

  /** HIT at pc: count the lookup, draw hit (jump past the miss steps) or miss; the pc to go on at. */
  private lookup(pc: number, f: number): number {
    const code = this.code;
    const c = code[pc + 1];
    const k = code[pc + 3];
    const p = k >= 0 ? this.consts[k] : this.localCurves[c] !== null ? this.localHitRatio(c, f) : this.cacheProb[c];
    this.cacheLookups[c]++;
    if (this.streams[code[pc + 2]].nextUniform() < p) {
      this.cacheHits[c]++;
      return code[pc + 4];
    }
    return pc + 5; // the miss steps follow
  }

  /** A local cache's hit ratio at the replica frame f runs on: its warm-up after the lookups made there. */
  private localHitRatio(c: number, f: number): number {
    const r = this.fHome[f];
    if (r < 0) return this.localCurves[c]!.at(Infinity);
    return this.localCurves[c]!.at(this.localLookups[c][r]++);
  }

  /** Replica r (re)starts: its local caches are empty. */
  private coldStart(r: number): void {
    for (const c of this.localCaches) if (this.localLookups[c].length > 0) this.localLookups[c][r] = 0;
  }

  /** Replicas first … first + n − 1 of station s restart (a deploy replaced them). */
  private coldStartRange(s: number, from: number, n: number): void {
    if (this.localCaches.length === 0) return;
    const first = this.stFirst[s];
    for (let k = from; k < Math.min(from + n, this.stReplicas[s]); k++) this.coldStart(first + k);
  }

  /** PUBLISH: a detached frame carries the message to `block` (its delivery); the publisher goes on. */
  private publish(q: number, block: number): void {
    const m = this.allocFrame();
    this.fPc[m] = this.blockPc[block];
    this.fParent[m] = -1;
    this.fLink[m] = LINK_DETACHED;
    this.fStart[m] = this.now;
    this.fEndpoint[m] = q;
    if (this.measuring) this.qPublished[q]++;
    this.exec(m);
  }

  private badOpcode(pc: number): never {
    throw new Error(`internal: bad opcode ${this.code[pc]} at ${pc}`);
  }

  /** Frame f is done (cause < 0) or failed with `cause`: hand the result to whoever waits for it. */
  private finish(f: number, cause: number): void {
    if (this.fReplica[f] >= 0) this.leave(f);
    switch (this.fLink[f]) {
      case LINK_ROOT:
        this.finishRequest(f, cause);
        return;
      case LINK_CALL:
        this.fFailed[f] = cause;
        if (this.hopDist >= 0 || this.crossZoneDist >= 0) this.schedule(this.now + this.returnDelay(f), f, EV_CALL_RETURN);
        else this.childReturned(f);
        return;
      case LINK_CALLX:
        this.fFailed[f] = cause;
        if ((this.hopDist >= 0 || this.crossZoneDist >= 0) && this.code[this.fCallPc[this.fParent[f]] + 3] === 1) {
          this.schedule(this.now + this.returnDelay(f), f, EV_CALL_RETURN);
        } else this.callReturned(f);
        return;
      case LINK_ORPHAN:
        this.freeFrame(f);
        return;
      case LINK_DETACHED: {
        const q = this.fEndpoint[f];
        if (this.measuring) {
          this.qConsumed[q]++;
          if (cause >= 0) this.qFailed[q]++;
          else recordLatency(this.qEndToEnd[q], this.now - this.fStart[f]);
        }
        this.freeFrame(f);
        return;
      }
      case LINK_FORK: {
        const parent = this.fParent[f];
        if (cause >= 0) this.fFailed[parent] = cause;
        this.freeFrame(f);
        if (--this.fPending[parent] === 0) {
          const failed = this.fFailed[parent];
          if (failed >= 0) this.finish(parent, failed);
          else this.exec(parent);
        }
        return;
      }
    }
  }

  /**
   * The network time of a call's answer: a hop, plus — when the caller's replica and the replica
   * the callee last entered are in different zones — the cross-zone delay of both directions. The
   * outbound crossing is charged here too, because the callee's replica is only chosen on arrival:
   * the caller sees the right response time, while the callee starts its work that much earlier.
   */
  private returnDelay(child: number): number {
    let delay = this.hopDist >= 0 ? this.dists.sample(this.hopDist, this.hopRng!) : 0;
    if (this.crossZoneDist >= 0) {
      const from = this.fHome[this.fParent[child]];
      const to = this.fHome[child];
      if (from >= 0 && to >= 0) {
        const a = this.rZone[from];
        const b = this.rZone[to];
        if (a >= 0 && b >= 0 && a !== b) delay += this.dists.sample(this.crossZoneDist, this.crossZoneRng!) + this.dists.sample(this.crossZoneDist, this.crossZoneRng!);
      }
    }
    return delay;
  }

  private childReturned(child: number): void {
    const link = this.fLink[child];
    if (link !== LINK_CALL) {
      if (link === LINK_ORPHAN) this.freeFrame(child); // it answered after its caller's timeout
      else this.callReturned(child);
      return;
    }
    const parent = this.fParent[child];
    const failed = this.fFailed[child];
    this.freeFrame(child);
    if (failed >= 0) this.finish(parent, failed);
    else this.exec(parent);
  }

  // ---------------------------------------------------------------- resilient calls

  /** The next attempt of frame f's CALLX (the first, or a retry after its backoff). */
  private attemptCall(f: number): void {
    const code = this.code;
    const pc = this.fCallPc[f];
    const p = code[pc + 2];
    const t = p * SITE_FIELDS;
    if (this.measuring && this.fAttempt[f] === 0) this.siteTally[t + SITE_CALLS]++;
    const b = this.polBreaker[p];
    if (b >= 0 && !this.breakerAllows(b)) {
      if (this.measuring) this.siteTally[t + SITE_SHORT]++;
      this.callFailed(f, p, CAUSE_CIRCUIT_OPEN);
      return;
    }
    if (this.measuring) this.siteTally[t + SITE_ATTEMPTS]++;
    const child = this.allocFrame();
    const withHop = code[pc + 3] === 1;
    this.fPc[child] = this.blockPc[code[pc + 1]];
    this.fParent[child] = f;
    this.fLink[child] = LINK_CALLX;
    if (!withHop) this.fHome[child] = this.fHome[f]; // like a FORK body: the caller's context
    this.fChild[f] = child;
    const timeout = this.polTimeout[p];
    if (timeout < Infinity) {
      const at = this.now + timeout;
      this.fTimeoutAt[f] = at;
      this.schedule(at, f, EV_TIMEOUT);
    } else this.fTimeoutAt[f] = -1;
    if (withHop && this.hopDist >= 0) this.schedule(this.now + this.dists.sample(this.hopDist, this.hopRng!), child, EV_CALL_ARRIVE);
    else this.exec(child);
  }

  /** The callee of a CALLX answered (in time). */
  private callReturned(child: number): void {
    const f = this.fParent[child];
    const failed = this.fFailed[child];
    this.freeFrame(child);
    this.fTimeoutAt[f] = -1;
    const p = this.code[this.fCallPc[f] + 2];
    const b = this.polBreaker[p];
    if (b >= 0) this.breakerRecord(b, failed < 0);
    if (failed < 0) this.exec(f);
    else this.retryOrFail(f, p, failed);
  }

  /**
   * A CALLX timeout fired. Stale events (the call answered, or the frame was freed and reused)
   * find a different fTimeoutAt and are ignored. The callee goes on — a timeout does not cancel
   * the work it asked for — but its answer will be dropped (LINK_ORPHAN).
   */
  private onTimeout(f: number): void {
    if (this.fTimeoutAt[f] !== this.now) return;
    this.fTimeoutAt[f] = -1;
    this.fLink[this.fChild[f]] = LINK_ORPHAN;
    const p = this.code[this.fCallPc[f] + 2];
    if (this.measuring) this.siteTally[p * SITE_FIELDS + SITE_TIMEOUTS]++;
    const b = this.polBreaker[p];
    if (b >= 0) this.breakerRecord(b, false);
    this.retryOrFail(f, p, CAUSE_TIMEOUT);
  }

  /** An attempt failed: retry after the backoff if attempts remain, else fail for good. */
  private retryOrFail(f: number, p: number, cause: number): void {
    if (this.fAttempt[f] < this.polRetries[p]) {
      const n = ++this.fAttempt[f];
      let delay = this.polBackoff[p] * Math.pow(this.polMultiplier[p], n - 1);
      const jitter = this.polJitter[p];
      if (jitter !== 0) {
        const u = this.streams[this.polStream[p]].nextUniform();
        delay = jitter === 1 ? delay * u : delay / 2 + (delay / 2) * u;
      }
      this.schedule(this.now + delay, f, EV_RETRY);
      return;
    }
    this.callFailed(f, p, cause);
  }

  /** The call failed for good (or the breaker refused it): the fallback steps, or the frame fails. */
  private callFailed(f: number, p: number, cause: number): void {
    const t = p * SITE_FIELDS;
    if (this.measuring) this.siteTally[t + SITE_FAILED]++;
    const fallback = this.polFallback[p];
    if (fallback < 0) {
      this.finish(f, cause);
      return;
    }
    if (this.measuring) this.siteTally[t + SITE_FALLBACKS]++;
    this.fPc[f] = fallback;
    this.exec(f);
  }

  private breakerAllows(b: number): boolean {
    return this.breakers.allows(b, this.now);
  }

  private breakerRecord(b: number, ok: boolean): void {
    this.breakers.record(b, ok, this.now, this.measuring);
  }

  /** ∫₀^now [breaker b not closed] dt. */
  private breakerOpenArea(b: number): number {
    return this.breakers.notClosedArea(b, this.now);
  }

  // ---------------------------------------------------------------- autoscaling

  /**
   * Replicas of station s serving now: in the balancer's set and alive. Only dead replicas inside
   * the serving set count: an autoscaled station's slots up to its max fail with their zone or on
   * their own whether started or not, and those not started have no capacity to lose.
   */
  private capacityNow(s: number): number {
    return this.stServing[s] - this.stDeadServing[s];
  }

  /** ∫₀^now serving (live) replicas of station s. */
  private activeArea(s: number): number {
    return this.stActiveInt[s] + this.capacityNow(s) * this.now;
  }

  /** Replicas billed now: running (serving or deploying), provisioning, and a blue-green fleet. */
  private billedNow(s: number): number {
    return this.stActive[s] + this.stPending[s] + this.stExtra[s];
  }

  /** ∫₀^now billed replicas of station s. */
  private billedArea(s: number): number {
    return this.stBilledInt[s] + this.billedNow(s) * this.now;
  }

  /**
   * Change the replica counts of station s — running (the autoscaler's), provisioning, out for a
   * deploy (indices [outFrom, outFrom + out)), extra (blue-green) — keeping the integrals; serving
   * = the running indices not out.
   */
  private setCounts(s: number, active: number, pending: number, out: number, extra: number, outFrom = this.stOutFrom[s]): void {
    const capacityBefore = this.capacityNow(s);
    const billedBefore = this.billedNow(s);
    const activeBefore = this.stActive[s];
    const outBefore = this.stOut[s];
    const outFromBefore = this.stOutFrom[s];
    this.stActive[s] = active;
    this.stPending[s] = pending;
    this.stOut[s] = out;
    this.stOutFrom[s] = outFrom;
    this.stExtra[s] = extra;
    this.stBilledInt[s] += (billedBefore - this.billedNow(s)) * this.now;
    // The indices out for a deploy need not be the highest (a rolling deploy's batches), so the
    // serving set is compared index by index; setCounts runs on scaling and deploy events only.
    for (let k = 0; k < Math.max(active, activeBefore); k++) {
      const was = k < activeBefore && (k < outFromBefore || k >= outFromBefore + outBefore);
      const is = this.isServing(s, k);
      if (was && !is) this.replicasLeave(s, k, k + 1);
      else if (is && !was) this.replicasJoin(s, k, k + 1);
    }
    const serving = active - Math.max(0, Math.min(outFrom + out, active) - outFrom);
    this.stServing[s] = serving;
    // The balancers' cursor must stay among the serving replicas: pickReplica wraps it only when
    // it reaches the count exactly, so a cursor left at or past a smaller count would walk on into
    // the retired replicas and then into other stations' replica ids (or past the arrays).
    if (this.stRoundRobin[s] >= serving) this.stRoundRobin[s] = 0;
    this.stActiveInt[s] += (capacityBefore - this.capacityNow(s)) * this.now;
  }

  private setReplicas(s: number, active: number, pending: number): void {
    this.setCounts(s, active, pending, this.stOut[s], this.stExtra[s]);
  }

  /**
   * Whether replica index k of station s is in the balancer's serving set: running and not out
   * for a deploy. The set is [0, running) without the deploy's batch [outFrom, outFrom + out).
   */
  private isServing(s: number, k: number): boolean {
    const from = this.stOutFrom[s];
    return k < this.stActive[s] && (k < from || k >= from + this.stOut[s]);
  }

  /**
   * The replica index of the i-th serving replica of station s (0 ≤ i < serving): the balancers
   * pick a position among the serving replicas, and it skips the deploy's batch. When the batch
   * reaches past the running replicas (a scale-down during a deploy), every position is below it.
   */
  private servingIndex(s: number, i: number): number {
    return i < this.stOutFrom[s] ? i : i + this.stOut[s];
  }

  /** Replica indices [from, to) of station s leave the serving set: their death and rotation state no longer count. */
  private replicasLeave(s: number, from: number, to: number): void {
    for (let r = this.stFirst[s] + from; r < this.stFirst[s] + to; r++) {
      if (this.rDown[r] > 0) this.stDeadServing[s]--;
      if (this.rOut[r]) this.stRotationOut[s]--;
    }
  }

  /**
   * Replica indices [from, to) of station s join the serving set: started by a scale-up, or back
   * from a deploy. A slot keeps its failure state while it is not serving (its zone's outage, its
   * own failure and repair run on every slot from t = 0), so a slot started while its zone is down
   * or its failure unrepaired starts dead, and serves once its zone or repair brings it back.
   * Whatever its state, it joins as a readiness probe would let it: in rotation if alive, out of
   * rotation if dead (it never answered), so the balancer sends it nothing until its recovery's
   * health checks put it in (scheduled when it recovers, as for any replica).
   */
  private replicasJoin(s: number, from: number, to: number): void {
    for (let r = this.stFirst[s] + from; r < this.stFirst[s] + to; r++) {
      const dead = this.rDown[r] > 0 ? 1 : 0;
      this.rOut[r] = dead;
      this.stDeadServing[s] += dead;
      this.stRotationOut[s] += dead;
    }
  }

  /**
   * Target tracking (as Kubernetes' HPA): desired = ⌈replicas × metric ÷ target⌉ within [min, max],
   * with the metric and the replicas averaged since the last evaluation (so replicas that joined
   * meanwhile are not counted as if they had carried the load) — utilisation of the serving
   * replicas, or waiting requests per serving replica; within 10% of the target nothing changes
   * (HPA's default tolerance, against flapping). Up: new replicas are provisioned at once and serve after
   * `provision`. Down: replicas leave the balancer at once (the highest-numbered first; what they
   * hold or queue is still served), but not within `cooldown` of the last decision.
   */
  private evaluateScaling(s: number): void {
    const a = this.stations[s].autoscale!;
    const busy = this.busyArea(s);
    const queue = this.queueArea(s);
    const active = this.activeArea(s);
    const replicaTime = active - this.stScaleActiveMark[s];
    if (replicaTime > 0) {
      const metric = a.metric === 'utilisation'
        ? (busy - this.stScaleBusyMark[s]) / (replicaTime * this.stWorkers[s])
        : a.metric === 'queueLength'
          ? (queue - this.stScaleQueueMark[s]) / replicaTime
          : this.visitP95(s, a.target);
      const current = this.stActive[s];
      const ratio = metric / a.target;
      const window = this.now - this.stScaleTime[s];
      const replicasInWindow = window > 0 ? replicaTime / window : current;
      const wanted = Math.abs(ratio - 1) <= SCALE_TOLERANCE ? current : Math.ceil(replicasInWindow * ratio - 1e-9);
      const desired = Math.min(a.max, Math.max(a.min, wanted));
      const provisioning = this.stPending[s];
      if (desired > current + provisioning) {
        const add = desired - current - provisioning;
        this.setReplicas(s, current, provisioning + add);
        for (let k = 0; k < add; k++) this.schedule(this.now + a.provisionMs, s, EV_SCALE_READY);
        this.stLastScale[s] = this.now;
      } else if (desired < current && provisioning === 0 && this.now - this.stLastScale[s] >= a.cooldownMs) {
        this.setReplicas(s, desired, 0);
        this.stLastScale[s] = this.now;
      }
    }
    this.stScaleBusyMark[s] = busy;
    this.stScaleQueueMark[s] = queue;
    this.stScaleActiveMark[s] = active;
    this.stScaleTime[s] = this.now;
    this.schedule(this.now + a.everyMs, s, EV_SCALE_EVAL);
  }

  /**
   * The p95 of the visits (arrival to leaving: the wait, the work and the calls it makes) that
   * ended since the last evaluation, and a fresh window; the target when there were none.
   */
  private visitP95(s: number, target: number): number {
    const h = this.stScaleLatency[s]!;
    if (h.count === 0) return target;
    const p95 = histogramQuantile(h, 0.95);
    histogramReset(h);
    return p95;
  }

  /** A provisioned replica starts serving: the next replica index joins the balancer. */
  private replicaReady(s: number): void {
    if (this.stPending[s] === 0) return;
    this.coldStartRange(s, this.stActive[s], 1);
    this.setReplicas(s, this.stActive[s] + 1, this.stPending[s] - 1);
  }

  // ---------------------------------------------------------------- deployments

  /**
   * A deployment starts. restart: every replica leaves the balancer for `duration` (arrivals fail,
   * unavailable); rolling: `batch` replicas at a time leave for `duration` each until all running
   * ones are replaced; blueGreen: a second fleet as large as the running one is billed for
   * `duration`, then traffic switches with no dip. In-flight work on a replica that leaves is
   * finished. The next deployment is `every` later.
   */
  private startDeploy(s: number): void {
    const d = this.stations[s].deploy!;
    const running = this.stActive[s];
    switch (d.strategy) {
      case 'restart':
        this.setCounts(s, running, this.stPending[s], running, this.stExtra[s], 0);
        break;
      case 'rolling': {
        // Batches in index order: the first takes replicas [0, batch) out.
        const out = Math.min(d.batch, running);
        this.stDeployLeft[s] = running - out;
        this.setCounts(s, running, this.stPending[s], out, this.stExtra[s], 0);
        break;
      }
      case 'blueGreen':
        this.setCounts(s, running, this.stPending[s], this.stOut[s], running);
        break;
      case 'canary':
        this.stCanary[s] = 1;
        this.stCanaryServed[s] = 0;
        this.stCanaryFailed[s] = 0;
        this.setCounts(s, running, this.stPending[s], this.stOut[s], Math.ceil(d.canary!.share * running));
        this.updateImpaired(s);
        break;
    }
    if (this.measuring) this.stDeploys[s]++;
    this.schedule(this.now + d.durationMs, s, EV_DEPLOY_STEP);
    if (d.everyMs < Infinity) this.schedule(this.now + d.everyMs, s, EV_DEPLOY);
  }

  private deployStep(s: number): void {
    const d = this.stations[s].deploy!;
    const left = this.stDeployLeft[s];
    // The replicas this step brings back run the new release, with empty local caches: the batch
    // that was out (rolling), or all of them (restart, blue-green switch, promotion).
    if (d.strategy === 'rolling') this.coldStartRange(s, this.stOutFrom[s], this.stOut[s]);
    else if (d.strategy !== 'canary' || this.stCanary[s]) this.coldStartRange(s, 0, this.stActive[s]);
    if (d.strategy === 'rolling' && left > 0) {
      // The next batch: the indices after the one that comes back.
      const out = Math.min(d.batch, left);
      this.stDeployLeft[s] = left - out;
      this.setCounts(s, this.stActive[s], this.stPending[s], out, this.stExtra[s], this.stOutFrom[s] + this.stOut[s]);
      this.schedule(this.now + d.durationMs, s, EV_DEPLOY_STEP);
      return;
    }
    if (d.strategy === 'canary') {
      if (!this.stCanary[s]) return; // it was rolled back
      this.stReleaseErrors[s] = d.canary!.errorRate;
      this.endCanary(s);
      if (this.measuring) this.stPromotions[s]++;
      return;
    }
    this.setCounts(s, this.stActive[s], this.stPending[s], 0, 0, 0);
  }

  /**
   * An arrival at a station with a canary or a promoted release: with the canary's share it is
   * served by the canary and fails with the new release's error rate; once the canary has served
   * minRequests, an error that takes its observed error rate above rollbackAbove rolls it back.
   * Other arrivals run the current release (failing at its rate, if it was promoted with one).
   * The failure is decided on arrival: the release's errors cost no work.
   */
  private releaseFails(f: number, s: number): boolean {
    const c = this.stations[s].deploy!.canary!;
    const rng = this.streams[c.stream];
    let errorRate = this.stReleaseErrors[s];
    let canary = false;
    if (this.stCanary[s] && rng.nextUniform() < c.share) {
      canary = true;
      errorRate = c.errorRate;
      this.stCanaryServed[s]++;
    }
    if (errorRate === 0 || rng.nextUniform() >= errorRate) return false;
    this.failAt(f, CAUSE_BAD_RELEASE, s);
    if (canary) {
      const served = this.stCanaryServed[s];
      if (++this.stCanaryFailed[s] > c.rollbackAbove * served && served >= c.minRequests) {
        this.endCanary(s);
        if (this.measuring) this.stRollbacks[s]++;
      }
    }
    return true;
  }

  /** The canary stops (promoted or rolled back): its replicas are no longer billed. */
  private endCanary(s: number): void {
    this.stCanary[s] = 0;
    this.setCounts(s, this.stActive[s], this.stPending[s], this.stOut[s], 0);
    this.updateImpaired(s);
  }

  // ---------------------------------------------------------------- incidents

  /** Incident i starts (or ends): its stations go down, slow down or error, then recover. */
  private incident(i: number, starts: boolean): void {
    const inc = this.model.incidents[i];
    for (const [s, k] of inc.replicas) {
      if (starts) this.replicaDies(s, this.stFirst[s] + k);
      else this.replicaRecovers(s, this.stFirst[s] + k);
    }
    for (const s of inc.stations) {
      switch (inc.effect) {
        case 'down':
          this.stDown[s] = starts ? 1 : 0;
          break;
        case 'errors':
          this.stErrorShare[s] = starts ? inc.value : 0;
          this.stErrorStream[s] = inc.stream;
          break;
        case 'slow':
          if (starts && this.stSlow[s] === 1) this.slowStations++;
          if (!starts && this.stSlow[s] !== 1) this.slowStations--;
          this.stSlow[s] = starts ? inc.value : 1;
          break;
      }
      this.updateImpaired(s);
    }
  }

  private updateImpaired(s: number): void {
    this.stImpaired[s] = this.stDown[s] || this.stErrorShare[s] > 0 || this.stDeadReplicas[s] > 0 || this.stCanary[s] || this.stReleaseErrors[s] > 0 ? 1 : 0;
  }

  /**
   * Replica r of station s dies (a zone outage, its own failure): what it holds fails when it next
   * runs, what waits in its queue fails now, and arrivals the balancer still sends it fail
   * (unavailable) until the health checks take it out of rotation. Capacity falls only if it is in
   * the serving set: a slot not started (or retired, or out for a deploy) only carries the state.
   */
  private replicaDies(s: number, r: number): void {
    if (this.rDown[r]++ > 0) return; // already dead (its zone and its own failure overlap)
    this.stDeadReplicas[s]++;
    if (this.isServing(s, r - this.stFirst[s])) {
      this.stDeadServing[s]++;
      this.stActiveInt[s] += this.now; // capacity fell by one
    }
    this.updateImpaired(s);
    for (let f = 0; f < this.frameCount; f++) if (this.fReplica[f] === r) this.fDoomed[f] = 1;
    while (this.rLen[r] > 0) {
      const f = this.dequeue(r);
      this.stQueued[s]--;
      this.stQueueInt[s] += this.now;
      this.finish(f, CAUSE_UNAVAILABLE);
    }
    this.scheduleHealthCheck(s, r, this.healthCheck(s).unhealthyAfter);
  }

  private replicaRecovers(s: number, r: number): void {
    if (this.rDown[r] === 0 || --this.rDown[r] > 0) return;
    if (this.localCaches.length > 0) this.coldStart(r);
    this.stDeadReplicas[s]--;
    if (this.isServing(s, r - this.stFirst[s])) {
      this.stDeadServing[s]--;
      this.stActiveInt[s] -= this.now; // capacity rose by one
    }
    this.updateImpaired(s);
    this.scheduleHealthCheck(s, r, this.healthCheck(s).healthyAfter);
  }

  /** A replica with random failures fails (if it was up on its own account) or is repaired, and the next change is drawn. */
  private replicaToggled(r: number): void {
    const s = this.rStation[r];
    const f = this.stations[s].failures!;
    const rng = this.streams[f.stream];
    if (this.rFailed[r] === 0) {
      this.rFailed[r] = 1;
      this.replicaDies(s, r);
      this.schedule(this.now + this.dists.sample(f.timeToRepair, rng), 2 * r + 1, EV_HEALTH);
    } else {
      this.rFailed[r] = 0;
      this.replicaRecovers(s, r);
      this.schedule(this.now + this.dists.sample(f.timeToFailure, rng), 2 * r + 1, EV_HEALTH);
    }
  }

  private healthCheck(s: number): { everyMs: number; unhealthyAfter: number; healthyAfter: number } {
    return this.stations[s].healthCheck ?? DEFAULT_HEALTH_CHECK;
  }

  /** The check that will see the change `checks` times in a row: the next one (a uniform phase) plus checks − 1 more. */
  private scheduleHealthCheck(s: number, r: number, checks: number): void {
    const every = this.healthCheck(s).everyMs;
    const delay = this.healthRng!.nextUniform() * every + (checks - 1) * every;
    this.schedule(this.now + delay, 2 * r, EV_HEALTH);
  }

  /** A health check decided about replica r: out of rotation while dead, back once alive. */
  private healthChecked(r: number): void {
    const s = this.rStation[r];
    const out = this.rDown[r] > 0 ? 1 : 0;
    if (this.rOut[r] === out) return;
    this.rOut[r] = out;
    // Only serving replicas switch the balancers to skipping (pickInRotation); a slot outside the
    // serving set has its rotation state reset when it joins (replicasJoin).
    if (this.isServing(s, r - this.stFirst[s])) this.stRotationOut[s] += out ? 1 : -1;
  }

  /** An arrival at an impaired station: fails (down, or an injected error) — true — or passes. */
  private impairedFails(f: number, s: number, r: number): boolean {
    if (this.stDown[s] || this.rDown[r]) {
      this.failAt(f, CAUSE_UNAVAILABLE, s);
      return true;
    }
    if (this.stErrorShare[s] > 0 && this.streams[this.stErrorStream[s]].nextUniform() < this.stErrorShare[s]) {
      this.failAt(f, CAUSE_INJECTED_ERROR, s);
      return true;
    }
    return (this.stCanary[s] === 1 || this.stReleaseErrors[s] > 0) && this.releaseFails(f, s);
  }

  // ---------------------------------------------------------------- stations

  /** Frame f asks station s for a worker. True if it got one now; false if queued or rejected. */
  private enter(f: number, s: number): boolean {
    const n = this.stServing[s];
    if (n === 0) {
      this.failAt(f, CAUSE_UNAVAILABLE, s); // every replica is out (a restart)
      return false;
    }
    const r = n === 1 ? this.stFirst[s] + this.servingIndex(s, 0) : this.pickReplica(s);
    this.fHome[f] = r;
    return this.enterAt(f, s, r);
  }

  /**
   * ENTER_HOME: station s at the replica with the index of the frame's home replica at station
   * `home` (compile() gives both the same replica count); by the balancer if it has none there.
   */
  private enterHome(f: number, s: number, home: number): boolean {
    const h = this.fHome[f];
    const r = h >= 0 && this.rStation[h] === home
      ? this.stFirst[s] + (h - this.stFirst[home])
      : this.stServing[s] <= 1 ? this.stFirst[s] + this.servingIndex(s, 0) : this.pickReplica(s);
    return this.enterAt(f, s, r);
  }

  private enterAt(f: number, s: number, r: number): boolean {
    if (this.stImpaired[s] && this.impairedFails(f, s, r)) return false;
    if (this.stScaleP95[s]) this.fArrive[f] = this.now;
    if (this.rBusy[r] < this.stWorkers[s]) {
      this.rBusy[r]++;
      this.stBusy[s]++;
      this.stBusyInt[s] -= this.now;
      this.fReplica[f] = r;
      if (this.stTrackWait[s] && this.measuring) recordLatency(this.stWait[s]!, 0);
      return true;
    }
    if (this.rLen[r] < this.stQueueCap[s]) {
      this.enqueue(r, f);
      this.stQueued[s]++;
      this.stQueueInt[s] -= this.now;
      if (this.stTrackWait[s]) this.fEnq[f] = this.now;
      return false;
    }
    if (this.measuring) this.stRejected[s]++;
    this.finish(f, CAUSE_REJECTED);
    return false;
  }

  /** Token bucket l: refill for the time since its last use, then take one token if there is one. */
  private takeToken(l: number): boolean {
    const tokens = Math.min(this.lBurst[l], this.lTokens[l] + (this.now - this.lLast[l]) * this.lRate[l]);
    this.lLast[l] = this.now;
    if (tokens >= 1) {
      this.lTokens[l] = tokens - 1;
      return true;
    }
    this.lTokens[l] = tokens;
    return false;
  }

  /** A FAIL instruction fired: the frame fails with `cause`, counted at station s. */
  private failAt(f: number, cause: number, s: number): void {
    if (this.measuring) this.stFailedByCause[s * CAUSES + cause]++;
    this.finish(f, cause);
  }

  /** Frame f releases its worker; the first waiting frame at that replica takes it. */
  private leave(f: number): void {
    const r = this.fReplica[f];
    const s = this.rStation[r];
    this.fReplica[f] = -1;
    if (this.measuring) this.stCompleted[s]++;
    if (this.stScaleP95[s]) recordLatency(this.stScaleLatency[s]!, this.now - this.fArrive[f]);
    if (this.rLen[r] > 0) {
      const next = this.dequeue(r);
      this.stQueued[s]--;
      this.stQueueInt[s] += this.now;
      this.fReplica[next] = r; // the worker passes straight to it
      if (this.stTrackWait[s] && this.measuring) recordLatency(this.stWait[s]!, this.now - this.fEnq[next]);
      this.exec(next);
    } else {
      this.rBusy[r]--;
      this.stBusy[s]--;
      this.stBusyInt[s] += this.now;
    }
  }

  /** The balancer of station s picks one of its serving replicas (a replica id). */
  private pickReplica(s: number): number {
    const first = this.stFirst[s];
    const n = this.stServing[s];
    if (this.stRotationOut[s] > 0) return this.pickInRotation(s, first, n);
    switch (this.stBalancer[s]) {
      case 0: {
        const i = this.stRoundRobin[s];
        this.stRoundRobin[s] = i + 1 === n ? 0 : i + 1;
        return first + this.servingIndex(s, i);
      }
      case 1:
        return first + this.servingIndex(s, this.streams[this.stations[s].stream].nextInt(n));
      case 2: {
        // Least connections (busy + waiting); ties broken round-robin so no replica is favoured.
        const offset = this.stRoundRobin[s];
        this.stRoundRobin[s] = offset + 1 === n ? 0 : offset + 1;
        let best = -1;
        let bestLoad = Infinity;
        for (let k = 0; k < n; k++) {
          let i = offset + k;
          if (i >= n) i -= n;
          const r = first + this.servingIndex(s, i);
          const load = this.rBusy[r] + this.rLen[r];
          if (load < bestLoad) {
            bestLoad = load;
            best = r;
          }
        }
        return best;
      }
      default: {
        const rng = this.streams[this.stations[s].stream];
        const a = rng.nextInt(n);
        let b = rng.nextInt(n - 1);
        if (b >= a) b++;
        const ra = first + this.servingIndex(s, a);
        const rb = first + this.servingIndex(s, b);
        const la = this.rBusy[ra] + this.rLen[ra];
        const lb = this.rBusy[rb] + this.rLen[rb];
        return lb < la ? rb : ra;
      }
    }
  }

  /**
   * While health checks keep replicas out, every balancer picks round-robin among the others
   * (the one to fail if none is left: its arrivals fail as unavailable).
   */
  private pickInRotation(s: number, first: number, n: number): number {
    for (let k = 0; k < n; k++) {
      const i = this.stRoundRobin[s];
      this.stRoundRobin[s] = i + 1 >= n ? 0 : i + 1;
      const r = first + this.servingIndex(s, i);
      if (!this.rOut[r]) return r;
    }
    return first + this.servingIndex(s, 0);
  }

  /** ∫₀^now busy workers of station s, summed over its replicas. */
  private busyArea(s: number): number {
    return this.stBusyInt[s] + this.stBusy[s] * this.now;
  }

  /** ∫₀^now waiting requests at station s. */
  private queueArea(s: number): number {
    return this.stQueueInt[s] + this.stQueued[s] * this.now;
  }

  private enqueue(r: number, f: number): void {
    let q = this.rQueue[r];
    const len = this.rLen[r];
    if (len === q.length) {
      const bigger = new Int32Array(q.length * 2);
      for (let i = 0; i < len; i++) bigger[i] = q[(this.rHead[r] + i) % q.length];
      this.rQueue[r] = q = bigger;
      this.rHead[r] = 0;
    }
    let tail = this.rHead[r] + len;
    if (tail >= q.length) tail -= q.length;
    q[tail] = f;
    this.rLen[r] = len + 1;
  }

  private dequeue(r: number): number {
    const q = this.rQueue[r];
    const head = this.rHead[r];
    const f = q[head];
    this.rHead[r] = head + 1 === q.length ? 0 : head + 1;
    this.rLen[r]--;
    return f;
  }

  // ---------------------------------------------------------------- frames and events

  private schedule(time: number, id: number, kind: number): void {
    this.cal.push(time, (id << KIND_BITS) | kind);
  }

  private allocFrame(): number {
    let f: number;
    if (this.freeCount > 0) f = this.freeFrames[--this.freeCount];
    else {
      f = this.frameCount++;
      if (f === this.fPc.length) this.growFrames();
    }
    this.fReplica[f] = -1;
    this.fFailed[f] = -1;
    this.fHome[f] = -1;
    this.fDoomed[f] = 0;
    return f;
  }

  private freeFrame(f: number): void {
    this.freeFrames[this.freeCount++] = f;
  }

  private growFrames(): void {
    const n = this.fPc.length * 2;
    if (n > 1 << (31 - KIND_BITS)) throw new Error('too many requests in flight for the event encoding');
    const grow = <T extends Int32Array | Uint8Array | Int8Array | Float64Array>(a: T, make: (n: number) => T): T => {
      const b = make(n);
      b.set(a);
      return b;
    };
    this.fPc = grow(this.fPc, (k) => new Int32Array(k));
    this.fParent = grow(this.fParent, (k) => new Int32Array(k));
    this.fLink = grow(this.fLink, (k) => new Uint8Array(k));
    this.fPending = grow(this.fPending, (k) => new Int32Array(k));
    this.fReplica = grow(this.fReplica, (k) => new Int32Array(k));
    this.fFailed = grow(this.fFailed, (k) => new Int8Array(k));
    this.fStart = grow(this.fStart, (k) => new Float64Array(k));
    this.fEndpoint = grow(this.fEndpoint, (k) => new Int32Array(k));
    this.fUser = grow(this.fUser, (k) => new Int32Array(k));
    this.fHome = grow(this.fHome, (k) => new Int32Array(k));
    this.fEnq = grow(this.fEnq, (k) => new Float64Array(k));
    this.fCallPc = grow(this.fCallPc, (k) => new Int32Array(k));
    this.fAttempt = grow(this.fAttempt, (k) => new Int32Array(k));
    this.fChild = grow(this.fChild, (k) => new Int32Array(k));
    this.fTimeoutAt = grow(this.fTimeoutAt, (k) => new Float64Array(k));
    this.fArrive = grow(this.fArrive, (k) => new Float64Array(k));
    this.fDoomed = grow(this.fDoomed, (k) => new Uint8Array(k));
    this.freeFrames = grow(this.freeFrames, (k) => new Int32Array(k));
  }

  // ---------------------------------------------------------------- measurement

  /** Move recent latencies into the interval histogram and, once measuring, into the tallies. */
  private flushLatencies(): void {
    for (let e = 0; e < this.recentLatency.length; e++) {
      const recent = this.recentLatency[e];
      if (recent.count === 0) continue;
      histogramMerge(this.intervalHist, recent);
      if (this.measuring) histogramMerge(this.tallies[e].latency, recent);
      histogramReset(recent);
    }
  }

  private startMeasuring(): void {
    this.flushLatencies();
    this.measuring = true;
    for (let s = 0; s < this.stations.length; s++) {
      this.stBusyAreaMark[s] = this.busyArea(s);
      this.stQueueAreaMark[s] = this.queueArea(s);
      this.stActiveMark[s] = this.activeArea(s);
      this.stBilledMark[s] = this.billedArea(s);
    }
    this.counterMark.set(this.counterTotal);
    this.cacheLookupsMark.set(this.cacheLookups);
    this.cacheHitsMark.set(this.cacheHits);
    for (let b = 0; b < this.breakers.count; b++) this.brOpenMark[b] = this.breakerOpenArea(b);
  }

  /**
   * Re-evaluate the modelled hit ratio of caches whose ratio depends on their lookup rate (a ttl)
   * or on the time since a cold start. The rate is measured over the time since the last update
   * and smoothed (half old, half new); a warm cache is re-evaluated only when its rate moved by
   * more than CACHE_RATE_CHANGE, a cold one at every update until it is warm (cache-hit-model.ts).
   */
  private updateCacheModels(): void {
    const window = this.now - this.cacheUpdateAt;
    let again = false;
    for (let c = 0; c < this.cacheModels.length; c++) {
      const model = this.cacheModels[c];
      if (!model || (!model.rateDependent && !this.cacheCold[c])) continue;
      const measured = (this.cacheLookups[c] - this.cacheLookupsAtUpdate[c]) / window;
      this.cacheLookupsAtUpdate[c] = this.cacheLookups[c];
      const rate = this.cacheRate[c] < 0 ? measured : 0.5 * this.cacheRate[c] + 0.5 * measured;
      this.cacheRate[c] = rate;
      again = true;
      if (rate <= 0) continue;
      const used = this.cacheRateUsed[c];
      if (this.cacheCold[c]) {
        const cold = model.hitRatio(rate, this.now);
        const steady = model.hitRatio(rate);
        this.cacheProb[c] = cold;
        this.cacheRateUsed[c] = rate;
        // Without a ttl the cold ratio rises to the steady one and stays; with a ttl, entries
        // stored together expire together near τ, 2τ, … and the waves fade over ~10 τ.
        const ttl = this.model.caches[c].model!.ttlMs;
        if (ttl === undefined ? cold >= steady - 1e-9 : this.now >= 10 * ttl) this.cacheCold[c] = 0;
      } else if (used < 0 || Math.abs(rate - used) > CACHE_RATE_CHANGE * used) {
        this.cacheProb[c] = model.hitRatio(rate);
        this.cacheRateUsed[c] = rate;
      }
    }
    this.cacheUpdateAt = this.now;
    // Faster at first (a cold cache changes most then): after 100, 200, 400, 800 ms, then every second.
    if (again) this.schedule(this.now + Math.min(CACHE_MODEL_EVERY_MS, Math.max(100, this.now)), 0, EV_CACHE_MODEL);
  }

  /** Close the current time-series interval. */
  private sample(): void {
    const i = this.intervalIndex;
    if (i >= this.seriesCompleted.length) return;
    const start = i * this.intervalMs;
    const width = Math.min(this.now, this.endMs) - start;
    this.seriesCompleted[i] = this.intervalCompleted;
    this.seriesFailed[i] = this.intervalFailed;
    this.seriesWithinSlo[i] = this.intervalWithinSlo;
    this.intervalWithinSlo = 0;
    this.flushLatencies();
    this.seriesP95[i] = histogramQuantile(this.intervalHist, 0.95);
    for (let s = 0; s < this.stations.length; s++) {
      const busyArea = this.busyArea(s);
      const queueArea = this.queueArea(s);
      const busy = (busyArea - this.stBusyAreaInterval[s]) / width;
      const activeArea = this.activeArea(s);
      const replicas = (activeArea - this.stActiveInterval[s]) / width;
      this.stActiveInterval[s] = activeArea;
      this.seriesReplicas[s][i] = replicas;
      const cap = this.stWorkers[s] * replicas;
      this.seriesUtil[s][i] = Number.isFinite(cap) ? busy / cap : NaN;
      this.seriesQueue[s][i] = (queueArea - this.stQueueAreaInterval[s]) / width;
      this.stBusyAreaInterval[s] = busyArea;
      this.stQueueAreaInterval[s] = queueArea;
    }
    for (let c = 0; c < this.cacheLookups.length; c++) {
      this.seriesCacheLookups[c][i] = this.cacheLookups[c] - this.cacheLookupsInterval[c];
      this.seriesCacheHits[c][i] = this.cacheHits[c] - this.cacheHitsInterval[c];
      this.cacheLookupsInterval[c] = this.cacheLookups[c];
      this.cacheHitsInterval[c] = this.cacheHits[c];
    }
    for (let b = 0; b < this.breakers.count; b++) {
      const area = this.breakerOpenArea(b);
      this.seriesBreakerOpen[b][i] = (area - this.brOpenInterval[b]) / width;
      this.brOpenInterval[b] = area;
    }
    if (this.intervalHist.count > 0) histogramReset(this.intervalHist);
    this.intervalCompleted = 0;
    this.intervalFailed = 0;
    this.intervalIndex = i + 1;
    const next = (i + 2) * this.intervalMs;
    this.schedule(Math.min(next, this.endMs), 0, EV_SAMPLE);
  }

  /** Root frames still alive, counted from the frame pool (independently of the arrival counters). */
  private countRequestsInSystem(): number {
    const free = new Uint8Array(this.frameCount);
    for (let i = 0; i < this.freeCount; i++) free[this.freeFrames[i]] = 1;
    let n = 0;
    for (let f = 0; f < this.frameCount; f++) if (!free[f] && this.fLink[f] === LINK_ROOT) n++;
    return n;
  }

  private result(wallMs: number, cancelled: boolean): ReplicationResult {
    if (!cancelled && this.intervalIndex < this.seriesCompleted.length) this.sample();
    this.flushLatencies();
    const stations: StationTally[] = this.stations.map((st, s) => {
      return {
        name: st.name,
        kind: st.kind,
        replicas: st.replicas,
        workers: st.workers,
        busyArea: this.busyArea(s) - this.stBusyAreaMark[s],
        queueArea: this.queueArea(s) - this.stQueueAreaMark[s],
        activeArea: this.activeArea(s) - this.stActiveMark[s],
        billedArea: this.billedArea(s) - this.stBilledMark[s],
        completed: this.stCompleted[s],
        rejected: this.stRejected[s],
        failedByCause: Array.from(this.stFailedByCause.subarray(s * CAUSES, (s + 1) * CAUSES)),
        ...(this.stWait[s] ? { wait: this.stWait[s] } : {}),
        ...(st.billedInstances !== undefined ? { billedInstances: st.billedInstances } : {}),
        ...(st.deploy ? { deploys: { started: this.stDeploys[s], rolledBack: this.stRollbacks[s], promoted: this.stPromotions[s] } } : {}),
      };
    });
    const caches: CacheTally[] = this.model.caches.map((c, i) => ({
      name: c.name,
      lookups: this.cacheLookups[i] - this.cacheLookupsMark[i],
      hits: this.cacheHits[i] - this.cacheHitsMark[i],
      seriesLookups: this.seriesCacheLookups[i],
      seriesHits: this.seriesCacheHits[i],
    }));
    const queues: QueueTally[] = this.model.queues.map((q, i) => ({
      name: q.name,
      requestsPerMessage: q.requestsPerMessage,
      published: this.qPublished[i],
      consumed: this.qConsumed[i],
      failed: this.qFailed[i],
      endToEnd: this.qEndToEnd[i],
    }));
    const measuredEnd = cancelled ? this.now : this.endMs;
    return {
      replication: this.opts.replication,
      seed: this.opts.seed ?? this.model.run.seed,
      measuredMs: Math.max(0, measuredEnd - this.warmupMs),
      simulatedMs: measuredEnd,
      warmupMs: this.warmupMs,
      events: this.events,
      wallMs,
      endpoints: this.tallies,
      stations,
      series: {
        intervalMs: this.intervalMs,
        completed: this.seriesCompleted,
        failed: this.seriesFailed,
        withinSlo: this.seriesWithinSlo,
        p95: this.seriesP95,
        utilisation: this.seriesUtil,
        queueLength: this.seriesQueue,
        replicas: this.seriesReplicas,
      },
      counters: this.model.counters.map((c, i) => ({ ...c, count: this.counterTotal[i] - this.counterMark[i] })),
      stats: this.model.stats.map((st, i) => ({ ...st, values: this.statValues[i] })),
      caches,
      queues,
      callSites: this.model.policies.map((pol, p): CallSiteTally => {
        const t = p * SITE_FIELDS;
        const b = pol.breaker;
        return {
          site: pol.site,
          target: pol.target,
          calls: this.siteTally[t + SITE_CALLS],
          attempts: this.siteTally[t + SITE_ATTEMPTS],
          timeouts: this.siteTally[t + SITE_TIMEOUTS],
          shortCircuited: this.siteTally[t + SITE_SHORT],
          failed: this.siteTally[t + SITE_FAILED],
          fallbacks: this.siteTally[t + SITE_FALLBACKS],
          ...(b >= 0 ? { breaker: this.model.breakers[b].name } : {}),
        };
      }),
      minutes: { finished: this.minuteFinished, good: this.minuteGood, threshold: this.model.run.uptimeThreshold ?? DEFAULT_UPTIME_THRESHOLD },
      breakers: this.model.breakers.map((br, b) => ({
        name: br.name,
        openMs: this.breakerOpenArea(b) - this.brOpenMark[b],
        openings: this.breakers.openings[b],
        seriesOpen: this.seriesBreakerOpen[b],
      })),
      invariants: {
        arrivals: this.arrivals,
        completed: this.completedAll,
        failed: this.failedAll,
        inSystem: this.countRequestsInSystem(),
      },
      cancelled,
    };
  }
}

/** One replication: a pure function of the model and the options (the same inputs give the same result). */
export function simulate(model: CompiledModel, opts: SimulationOptions): ReplicationResult {
  return new Simulation(model, opts).run();
}
