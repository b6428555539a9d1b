import { histogramCreate, histogramMean, histogramMerge, histogramQuantile, type Histogram } from '../metrics/histogram.ts';
import { CAUSE_RATE_LIMITED, CAUSE_REJECTED, ERROR_CAUSES, type EndpointTally, type ReplicationResult, type StationTally } from '../metrics/replication-result.ts';
import { EGRESS_BYTES, GATEWAY_REQUESTS, QUEUE_REQUESTS } from '../cost/usage-items.ts';
import type { ComponentResult, EndpointResult, LatencyCdf, LatencyStats, WaitStats } from './result.ts';

/**
 * The per-replication numbers that the RunResult averages: the RunResult's own shapes, one
 * replication, without confidence intervals.
 */
export type EndpointSummary = Omit<EndpointResult, 'ci95' | 'latency'> & { latency: Omit<LatencyStats, 'ci95'> };
export type ComponentSummary = Omit<ComponentResult, 'ci95'>;

export interface ReplicationSummary {
  overall: EndpointSummary & { uptime: number };
  endpoints: Record<string, EndpointSummary>;
  components: Record<string, ComponentSummary>;
}


export function summariseReplication(r: ReplicationResult): ReplicationSummary {
  const seconds = r.measuredMs / 1000;
  const endpoints: Record<string, EndpointSummary> = {};
  const merged: EndpointTally = {
    name: 'overall',
    completed: 0,
    failed: 0,
    failedByCause: ERROR_CAUSES.map(() => 0),
    withinSlo: 0,
    latency: histogramCreate(),
  };
  for (const t of r.endpoints) {
    endpoints[t.name] = summariseEndpoint(t, seconds);
    merged.completed += t.completed;
    merged.failed += t.failed;
    merged.withinSlo += t.withinSlo;
    t.failedByCause.forEach((n, i) => (merged.failedByCause[i] += n));
    histogramMerge(merged.latency, t.latency);
  }
  const components: Record<string, ComponentSummary> = {};
  for (const s of r.stations) {
    const busy = r.measuredMs > 0 ? s.busyArea / r.measuredMs : NaN;
    // Capacity over time: workers × ∫ serving replicas (autoscaling moves it).
    const capacityArea = s.workers * s.activeArea;
    components[s.name] = {
      kind: s.kind,
      utilisation: Number.isFinite(s.workers) ? (capacityArea > 0 ? s.busyArea / capacityArea : NaN) : null,
      busy,
      queueLength: r.measuredMs > 0 ? s.queueArea / r.measuredMs : NaN,
      // The time-weighted replica count (∫ replicas dt ÷ window, provisioning ones included) that
      // fixed cost is billed on. A queue bills its brokers, not its one delivery station.
      replicas: s.billedInstances ?? (r.measuredMs > 0 ? s.billedArea / r.measuredMs : s.replicas),
      throughput: s.completed / seconds,
      rejections: s.rejected / seconds,
      errorsByCause: Object.fromEntries(ERROR_CAUSES.map((cause, i) => [cause, (i === CAUSE_REJECTED ? s.rejected : s.failedByCause[i]) / seconds])),
      ...usageOf(s, seconds),
      ...(s.wait ? { wait: waitStats(s.wait) } : {}),
      ...(s.deploys ? { deploys: { ...s.deploys } } : {}),
    };
  }
  addComponentDetails(r, components, seconds);
  addDataOut(r, components, seconds);
  addCallStats(r, components, seconds);
  return { overall: { ...summariseEndpoint(merged, seconds), uptime: uptime(r) }, endpoints, components };
}

/**
 * The usage counters a station reports for usage-priced items (cost/usage-items.ts), per second.
 * A gateway's station counts every request that reached it, rate-limited ones included (they
 * leave the station as they fail); API Gateway bills only the admitted ones, so those are
 * subtracted.
 */
function usageOf(s: StationTally, seconds: number): { usage?: Record<string, number> } {
  if (s.kind !== 'gateway') return {};
  return { usage: { [GATEWAY_REQUESTS]: (s.completed - s.failedByCause[CAUSE_RATE_LIMITED]) / seconds } };
}

/**
 * Bytes sent back to users per second (`usage.bytesOut`), at the component each endpoint enters
 * through, for endpoints with a `responseSize`: successful requests × the size (a failed request's
 * error body is not counted).
 */
function addDataOut(r: ReplicationResult, components: Record<string, ComponentSummary>, seconds: number): void {
  for (const t of r.endpoints) {
    if (!t.responseBytes || !t.entry || !components[t.entry]) continue;
    const row = components[t.entry];
    row.usage = { ...row.usage, [EGRESS_BYTES]: (row.usage?.[EGRESS_BYTES] ?? 0) + (t.completed * t.responseBytes) / seconds };
  }
}

/** Resilient call sites, summed per target component, and the breakers towards it. */
function addCallStats(r: ReplicationResult, components: Record<string, ComponentSummary>, seconds: number): void {
  const byTarget = new Map<string, { calls: number; attempts: number; timeouts: number; shortCircuited: number; failed: number; fallbacks: number; breakers: Set<string> }>();
  for (const c of r.callSites) {
    const t = byTarget.get(c.target) ?? { calls: 0, attempts: 0, timeouts: 0, shortCircuited: 0, failed: 0, fallbacks: 0, breakers: new Set<string>() };
    t.calls += c.calls;
    t.attempts += c.attempts;
    t.timeouts += c.timeouts;
    t.shortCircuited += c.shortCircuited;
    t.failed += c.failed;
    t.fallbacks += c.fallbacks;
    if (c.breaker) t.breakers.add(c.breaker);
    byTarget.set(c.target, t);
  }
  for (const [target, t] of byTarget) {
    const row = components[target];
    if (!row) continue;
    const breakers = r.breakers.filter((b) => t.breakers.has(b.name));
    row.calls = {
      calls: t.calls / seconds,
      attempts: t.attempts / seconds,
      retryAmplification: t.calls > 0 ? t.attempts / t.calls : NaN,
      timeouts: t.timeouts / seconds,
      shortCircuited: t.shortCircuited / seconds,
      failed: t.failed / seconds,
      fallbacks: t.fallbacks / seconds,
      ...(breakers.length > 0 ? { breakerOpen: breakers.reduce((s, b) => s + b.openMs, 0) / breakers.length / r.measuredMs } : {}),
    };
  }
}

/** What counters, statistics, caches and queues add to the rows of their components. */
function addComponentDetails(r: ReplicationResult, components: Record<string, ComponentSummary>, seconds: number): void {
  const row = (name: string): ComponentSummary | undefined => components[name];
  for (const c of r.counters) {
    const target = row(c.component) as unknown as Record<string, Record<string, number> | undefined> | undefined;
    if (!target) continue;
    const group = (target[c.group] ??= {});
    group[c.key] = c.count / seconds;
  }
  for (const st of r.stats) {
    const target = row(st.component) as unknown as Record<string, unknown> | undefined;
    if (target) target[st.key] = { mean: histogramMean(st.values), p95: histogramQuantile(st.values, 0.95) };
  }
  for (const c of r.caches) {
    const target = row(c.name);
    if (!target) continue;
    target.lookups = c.lookups / seconds;
    target.hits = c.hits / seconds;
    target.hitRatio = c.lookups > 0 ? c.hits / c.lookups : NaN;
  }
  for (const q of r.queues) {
    const target = row(q.name);
    if (!target) continue;
    target.published = q.published / seconds;
    target.consumed = q.consumed / seconds;
    target.failedMessages = q.failed / seconds;
    target.backlog = target.queueLength;
    target.endToEnd = latencyStats(q.endToEnd);
    if (q.requestsPerMessage > 0) target.usage = { ...target.usage, [QUEUE_REQUESTS]: (q.requestsPerMessage * q.published) / seconds };
  }
}

function waitStats(h: Histogram): WaitStats {
  return { mean: histogramMean(h), p95: histogramQuantile(h, 0.95), p99: histogramQuantile(h, 0.99) };
}

function latencyStats(h: Histogram): Omit<LatencyStats, 'ci95'> {
  return {
    mean: histogramMean(h),
    p50: histogramQuantile(h, 0.5),
    p90: histogramQuantile(h, 0.9),
    p95: histogramQuantile(h, 0.95),
    p99: histogramQuantile(h, 0.99),
    p999: histogramQuantile(h, 0.999),
  };
}

function summariseEndpoint(t: EndpointTally, seconds: number): EndpointSummary {
  const finished = t.completed + t.failed;
  const h: Histogram = t.latency;
  const errorsByCause: Record<string, number> = {};
  ERROR_CAUSES.forEach((cause, i) => (errorsByCause[cause] = finished > 0 ? t.failedByCause[i] / finished : 0));
  return {
    throughput: t.completed / seconds,
    errorRate: finished > 0 ? t.failed / finished : 0,
    availability: finished > 0 ? t.completed / finished : 1,
    sloShare: finished > 0 ? t.withinSlo / finished : 1,
    goodput: t.withinSlo / seconds,
    finished,
    errorsByCause,
    latency: { ...latencyStats(h), cdf: latencyCdf(h) },
  };
}

/**
 * The quantiles the latency CDF is drawn from (RunResult `latency.cdf`): dense in the tail,
 * and containing 0.5, 0.9, 0.95, 0.99 and 0.999 so the curve passes through the reported
 * percentiles exactly (both are read from the same merged histogram).
 */
export const CDF_QUANTILES: readonly number[] = [
  0, 0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85,
  0.9, 0.925, 0.95, 0.96, 0.97, 0.98, 0.99, 0.995, 0.999, 0.9995, 0.9999, 1,
];

/** Quantile (its decimal text, e.g. `"0.95"`) → latency in ms, of every CDF_QUANTILES point. */
function latencyCdf(h: Histogram): LatencyCdf {
  const cdf: LatencyCdf = {};
  for (const q of CDF_QUANTILES) cdf[`${q}`] = histogramQuantile(h, q);
  return cdf;
}

/**
 * Time-based uptime of one run: the share of its measured minutes that were up — at least the
 * threshold (default 99%) of the requests that finished in the minute succeeded within their SLO.
 * A minute in which nothing finished counts as up; partial minutes (after the warm-up, at the
 * end) count for the time they were measured.
 */
function uptime(r: ReplicationResult): number {
  const { finished, good, threshold } = r.minutes;
  let up = 0;
  let total = 0;
  for (let i = 0; i < finished.length; i++) {
    const start = i * 60_000;
    const end = Math.min(start + 60_000, r.simulatedMs);
    const measured = end - Math.max(start, r.warmupMs);
    if (measured <= 0) continue;
    total += measured;
    if (finished[i] === 0 || good[i] / finished[i] >= threshold) up += measured;
  }
  return total > 0 ? up / total : 1;
}
