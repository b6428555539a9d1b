import { computeCost, noCost } from '../cost/compute-cost.ts';
import type { CostPlan } from '../cost/cost-plan.ts';
import type { ReplicationResult } from '../metrics/replication-result.ts';
import type { CompiledModel } from '../model/compiled.ts';
import type { RunResult, SeriesResult } from './result.ts';
import { estimate } from './stats.ts';
import type { ReplicationSummary } from './summarise.ts';

type NumberRecord = Record<string, unknown>;

/** Objects whose keys are names rather than fields; they get no nested ci95. */
const KEYED_MAPS = new Set(['errorsByCause', 'usage', 'queries']);

/**
 * Everything the RunResult needs from one replication, as plain JSON-ready data (typed arrays
 * become number arrays, stations are keyed by name). A sharded study writes these to files and
 * `archsim merge` rebuilds the RunResult from them: `aggregateRecords` gives the same RunResult
 * whether the records come from memory or from a file (non-finite numbers aside, which the shard
 * file format keeps — see shard.ts).
 */
export interface ReplicationRecord {
  replication: number;
  summary: ReplicationSummary;
  events: number;
  /** Wall-clock time this replication took (ms). */
  wallMs: number;
  simulatedMs: number;
  warmupMs: number;
  invariants: ReplicationResult['invariants'];
  series: {
    intervalMs: number;
    completed: number[];
    failed: number[];
    p95: number[];
    /** By station name, in the model's station order. */
    utilisation: Record<string, number[]>;
    queueLength: Record<string, number[]>;
    /** By station name: mean serving replicas per interval. */
    replicas: Record<string, number[]>;
    /** By cache name: lookups and hits per interval. */
    cacheLookups: Record<string, number[]>;
    cacheHits: Record<string, number[]>;
    /** By breaker name: share of each interval not closed. */
    breakerOpen: Record<string, number[]>;
    /** Requests within their SLO per interval (counts). */
    withinSlo: number[];
  };
}

/** The record of one replication; `stationNames` are the model's stations, in order. */
export function replicationRecord(r: ReplicationResult, summary: ReplicationSummary, stationNames: readonly string[]): ReplicationRecord {
  const byStation = (arrays: Float64Array[]) => Object.fromEntries(stationNames.map((name, s) => [name, Array.from(arrays[s])]));
  return {
    replication: r.replication,
    summary,
    events: r.events,
    wallMs: r.wallMs,
    simulatedMs: r.simulatedMs,
    warmupMs: r.warmupMs,
    invariants: { ...r.invariants },
    series: {
      intervalMs: r.series.intervalMs,
      completed: Array.from(r.series.completed),
      failed: Array.from(r.series.failed),
      p95: Array.from(r.series.p95),
      utilisation: byStation(r.series.utilisation),
      queueLength: byStation(r.series.queueLength),
      replicas: byStation(r.series.replicas),
      cacheLookups: Object.fromEntries(r.caches.map((c) => [c.name, Array.from(c.seriesLookups)])),
      cacheHits: Object.fromEntries(r.caches.map((c) => [c.name, Array.from(c.seriesHits)])),
      breakerOpen: Object.fromEntries(r.breakers.map((b) => [b.name, Array.from(b.seriesOpen)])),
      withinSlo: Array.from(r.series.withinSlo),
    },
  };
}

/**
 * Averages a list of same-shaped objects key by key: numbers become their mean over the
 * replications and, with two or more replications, their 95% half-width goes to `ci95` under the
 * same key. Nested objects are averaged recursively; null stays null.
 */
export function averageRecords(records: NumberRecord[], withCi: boolean): NumberRecord {
  const out: NumberRecord = {};
  const ci: Record<string, number> = {};
  for (const key of Object.keys(records[0])) {
    const values = records.map((r) => r[key]);
    const first = values[0];
    if (typeof first === 'number') {
      const e = estimate(values as number[]);
      out[key] = e.mean;
      if (withCi && Number.isFinite(e.halfWidth)) ci[key] = e.halfWidth;
    } else if (first !== null && typeof first === 'object') {
      // Maps keyed by name (causes, usage items): a nested `ci95` key would read as one more entry.
      out[key] = averageRecords(values as NumberRecord[], withCi && !KEYED_MAPS.has(key));
    } else {
      out[key] = first;
    }
  }
  if (withCi && Object.keys(ci).length > 0) out.ci95 = ci;
  return out;
}

/** Averages in-memory replications of a model (see aggregateRecords). */
export function aggregateRun(
  model: CompiledModel,
  replications: ReplicationResult[],
  summaries: ReplicationSummary[],
  meta: { seed: number; wallSeconds: number; cost?: CostPlan },
): RunResult {
  const stationNames = model.stations.map((s) => s.name);
  const records = replications.map((r, i) => replicationRecord(r, summaries[i], stationNames));
  return aggregateRecords(records, { scenario: model.name, ...meta });
}

/**
 * The RunResult of a list of replication records (at least one), in the order given. With a cost
 * plan (sim-core/cost), `cost` is the monthly bill of the averaged components; without, it says
 * that nothing was priced.
 */
export function aggregateRecords(records: ReplicationRecord[], meta: { scenario: string; seed: number; wallSeconds: number; cost?: CostPlan }): RunResult {
  const summaries = records.map((r) => r.summary);
  const withCi = summaries.length > 1;
  const average = (pick: (s: ReplicationSummary) => NumberRecord) => averageRecords(summaries.map(pick), withCi);
  const endpoints: NumberRecord = {};
  for (const name of Object.keys(summaries[0].endpoints)) endpoints[name] = average((s) => s.endpoints[name] as unknown as NumberRecord);
  const components: NumberRecord = {};
  for (const name of Object.keys(summaries[0].components)) components[name] = average((s) => s.components[name] as unknown as NumberRecord);
  const first = records[0];
  return {
    archsim: 1,
    scenario: meta.scenario,
    seed: meta.seed,
    replications: records.length,
    simulatedSeconds: first.simulatedMs / 1000,
    warmupSeconds: first.warmupMs / 1000,
    wallSeconds: meta.wallSeconds,
    events: records.reduce((n, r) => n + r.events, 0),
    requests: {
      arrived: records.reduce((n, r) => n + r.invariants.arrivals, 0),
      completed: records.reduce((n, r) => n + r.invariants.completed, 0),
      failed: records.reduce((n, r) => n + r.invariants.failed, 0),
    },
    overall: average((s) => s.overall as unknown as NumberRecord) as unknown as RunResult['overall'],
    endpoints: endpoints as unknown as RunResult['endpoints'],
    components: components as unknown as RunResult['components'],
    cost: meta.cost ? computeCost(meta.cost, components as unknown as RunResult['components']) : noCost(),
    series: averageSeries(records),
  };
}

function averageSeries(records: ReplicationRecord[]): SeriesResult {
  const s0 = records[0].series;
  const n = s0.completed.length;
  const intervalSeconds = s0.intervalMs / 1000;
  const meanAt = (pick: (r: ReplicationRecord) => ArrayLike<number>, i: number) => estimate(records.map((r) => pick(r)[i])).mean;
  const t: number[] = [];
  const throughput: number[] = [];
  const p95: number[] = [];
  const errorRate: number[] = [];
  for (let i = 0; i < n; i++) {
    const width = Math.min((i + 1) * s0.intervalMs, records[0].simulatedMs) - i * s0.intervalMs;
    t.push(i * intervalSeconds);
    throughput.push(meanAt((r) => r.series.completed, i) / (width / 1000));
    p95.push(meanAt((r) => r.series.p95, i));
    errorRate.push(estimate(records.map((r) => {
      const finished = r.series.completed[i] + r.series.failed[i];
      return finished > 0 ? r.series.failed[i] / finished : 0;
    })).mean);
  }
  const utilisation: Record<string, number[]> = {};
  const queueLength: Record<string, number[]> = {};
  for (const name of Object.keys(s0.utilisation)) {
    utilisation[name] = Array.from({ length: n }, (_, i) => meanAt((r) => r.series.utilisation[name], i));
    queueLength[name] = Array.from({ length: n }, (_, i) => meanAt((r) => r.series.queueLength[name], i));
  }
  // Pooled over replications: Σ hits ÷ Σ lookups per interval.
  const replicas: Record<string, number[]> = {};
  for (const name of Object.keys(s0.replicas ?? {})) replicas[name] = Array.from({ length: n }, (_, i) => meanAt((r) => r.series.replicas[name], i));
  const cacheHitRatio: Record<string, number[]> = {};
  for (const name of Object.keys(s0.cacheLookups ?? {})) {
    cacheHitRatio[name] = Array.from({ length: n }, (_, i) => {
      const lookups = records.reduce((sum, r) => sum + r.series.cacheLookups[name][i], 0);
      return lookups > 0 ? records.reduce((sum, r) => sum + r.series.cacheHits[name][i], 0) / lookups : NaN;
    });
  }
  const breakerOpen: Record<string, number[]> = {};
  for (const name of Object.keys(s0.breakerOpen ?? {})) {
    breakerOpen[name] = Array.from({ length: n }, (_, i) => meanAt((r) => r.series.breakerOpen[name], i));
  }
  const goodput = Array.from({ length: n }, (_, i) => {
    const width = Math.min((i + 1) * s0.intervalMs, records[0].simulatedMs) - i * s0.intervalMs;
    return s0.withinSlo ? meanAt((r) => r.series.withinSlo, i) / (width / 1000) : NaN;
  });
  return { intervalSeconds, t, throughput, p95, errorRate, utilisation, queueLength, replicas, cacheHitRatio, breakerOpen, goodput };
}
