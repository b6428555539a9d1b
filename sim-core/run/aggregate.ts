import type { ReplicationResult } from '../metrics/replication-result.ts';
import type { CompiledModel } from '../model/compiled.ts';
import type { RunResult, SeriesResult } from './result.ts';
import { estimate } from './stats.ts';
import type { ReplicationSummary } from './summarise.ts';

type NumberRecord = Record<string, unknown>;

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
      // errorsByCause is a map keyed by cause: a nested `ci95` key would read as one more cause.
      out[key] = averageRecords(values as NumberRecord[], withCi && key !== 'errorsByCause');
    } else {
      out[key] = first;
    }
  }
  if (withCi && Object.keys(ci).length > 0) out.ci95 = ci;
  return out;
}

export function aggregateRun(
  model: CompiledModel,
  replications: ReplicationResult[],
  summaries: ReplicationSummary[],
  meta: { seed: number; wallSeconds: number },
): RunResult {
  const withCi = summaries.length > 1;
  const average = (pick: (s: ReplicationSummary) => NumberRecord) => averageRecords(summaries.map(pick), withCi);
  const endpoints: NumberRecord = {};
  for (const name of Object.keys(summaries[0].endpoints)) endpoints[name] = average((s) => s.endpoints[name] as unknown as NumberRecord);
  const components: NumberRecord = {};
  for (const name of Object.keys(summaries[0].components)) components[name] = average((s) => s.components[name] as unknown as NumberRecord);
  const first = replications[0];
  return {
    archsim: 1,
    scenario: model.name,
    seed: meta.seed,
    replications: replications.length,
    simulatedSeconds: first.simulatedMs / 1000,
    warmupSeconds: first.warmupMs / 1000,
    wallSeconds: meta.wallSeconds,
    events: replications.reduce((n, r) => n + r.events, 0),
    requests: {
      arrived: replications.reduce((n, r) => n + r.invariants.arrivals, 0),
      completed: replications.reduce((n, r) => n + r.invariants.completed, 0),
      failed: replications.reduce((n, r) => n + r.invariants.failed, 0),
    },
    overall: average((s) => s.overall as unknown as NumberRecord) as unknown as RunResult['overall'],
    endpoints: endpoints as unknown as RunResult['endpoints'],
    components: components as unknown as RunResult['components'],
    // The cost model (per-component prices, usage-based cost) arrives with the data-tier issue.
    cost: { monthly: 0, byComponent: {} },
    series: averageSeries(model, replications),
  };
}

function averageSeries(model: CompiledModel, reps: ReplicationResult[]): SeriesResult {
  const s0 = reps[0].series;
  const n = s0.completed.length;
  const intervalSeconds = s0.intervalMs / 1000;
  const meanAt = (pick: (r: ReplicationResult) => ArrayLike<number>, i: number) => estimate(reps.map((r) => pick(r)[i])).mean;
  const t: number[] = [];
  const throughput: number[] = [];
  const p95: number[] = [];
  const errorRate: number[] = [];
  for (let i = 0; i < n; i++) {
    const width = Math.min((i + 1) * s0.intervalMs, reps[0].simulatedMs) - i * s0.intervalMs;
    t.push(i * intervalSeconds);
    throughput.push(meanAt((r) => r.series.completed, i) / (width / 1000));
    p95.push(meanAt((r) => r.series.p95, i));
    errorRate.push(estimate(reps.map((r) => {
      const finished = r.series.completed[i] + r.series.failed[i];
      return finished > 0 ? r.series.failed[i] / finished : 0;
    })).mean);
  }
  const utilisation: Record<string, number[]> = {};
  const queueLength: Record<string, number[]> = {};
  model.stations.forEach((st, s) => {
    utilisation[st.name] = Array.from({ length: n }, (_, i) => meanAt((r) => r.series.utilisation[s], i));
    queueLength[st.name] = Array.from({ length: n }, (_, i) => meanAt((r) => r.series.queueLength[s], i));
  });
  return { intervalSeconds, t, throughput, p95, errorRate, utilisation, queueLength };
}
