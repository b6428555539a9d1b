import { formatValueHalfWidth } from '../../sim-core/cli/compare-report.ts';
import { fmtPct } from '../../sim-core/case-study/plausibility-checks.ts';
import { MIGRATION_COLUMNS, type MigrationReport } from '../../sim-core/case-study/run-migration.ts';
import type { MetricComparison, MetricUnit } from '../../sim-core/run/compare.ts';
import { formatDifference, formatMetricValue, verdictTone } from '../results/compare-tables.ts';
import { numberCell, textCell, type TableCell, type TableModel } from '../results/table-model.ts';
import type { TimelineValue } from './timeline-geometry.ts';

/**
 * The migration timeline's data (pure): per phase, latency (mean, p95, p99), uptime (in the
 * simulated run and over the long horizon) and the monthly cost, each with its 95% half-width,
 * shaped for the small multiples and their tables; the phase table and the paired changes from
 * the first phase (common random numbers: the change is the phases' own effect).
 */

export interface TimelinePanel {
  id: 'latency' | 'uptime' | 'cost';
  title: string;
  unit: MetricUnit;
  mode: 'line' | 'bar';
  /** A log y axis: latency that changes by more than LOG_SPREAD× between phases (a saturated before, a fast after). */
  log: boolean;
  series: Array<{ name: string; values: TimelineValue[] }>;
  /** Said under the chart (what a missing point means). */
  note?: string;
  table: TableModel;
}

/** Largest ÷ smallest latency above which the latency panel uses a log axis. */
export const LOG_SPREAD = 20;

/** Whether values (positive, finite) spread over more than LOG_SPREAD×. */
export function spreadsWide(series: TimelinePanel['series']): boolean {
  const values = series.flatMap((s) => s.values.map((v) => v.value)).filter((v) => Number.isFinite(v) && v > 0);
  return values.length > 1 && Math.max(...values) / Math.min(...values) > LOG_SPREAD;
}

/** `1. before`, `2. payments at 2%`, … */
export function phaseLabels(m: MigrationReport): string[] {
  return m.phases.map((p, i) => `${i + 1}. ${p.name}`);
}

const metricOf = (m: MigrationReport, id: string): MetricComparison | undefined => m.comparison.metrics.find((x) => x.id === id);

const fromMetric = (metric: MetricComparison | undefined, phases: number): TimelineValue[] =>
  Array.from({ length: phases }, (_, i) => {
    const v = metric?.values[i];
    return v ? { value: v.mean, halfWidth: v.halfWidth } : { value: NaN };
  });

/** `20.3 ms ±5.5 ms`, `$70`, `99.02%`: a value as the CLI's migrate table prints it. */
export function formatEstimate(value: number, halfWidth: number | undefined, unit: MetricUnit): string {
  if (!Number.isFinite(value)) return '—';
  const main = unit === 'ratio' ? fmtPct(value) : formatMetricValue(value, unit);
  const h = halfWidth === undefined ? '' : formatValueHalfWidth(halfWidth, value, unit);
  return h === '' ? main : `${main} ${h}`;
}

function panelTable(title: string, labels: readonly string[], series: TimelinePanel['series'], unit: MetricUnit): TableModel {
  return {
    caption: title,
    columns: [{ label: 'phase' }, ...series.map((s) => ({ label: s.name, numeric: true }))],
    rows: labels.map((label, i) => [
      textCell(label),
      ...series.map((s): TableCell => {
        const v = s.values[i];
        return v && Number.isFinite(v.value) ? numberCell(formatEstimate(v.value, v.halfWidth, unit), v.value, v.halfWidth) : textCell('—');
      }),
    ]),
  };
}

export function timelinePanels(m: MigrationReport): TimelinePanel[] {
  const n = m.phases.length;
  const labels = phaseLabels(m);
  const latency: TimelinePanel['series'] = [
    { name: 'mean', values: fromMetric(metricOf(m, 'overall.latency.mean'), n) },
    { name: 'p95', values: fromMetric(metricOf(m, 'overall.latency.p95'), n) },
    { name: 'p99', values: fromMetric(metricOf(m, 'overall.latency.p99'), n) },
  ];
  const uptime: TimelinePanel['series'] = [
    { name: 'in the run', values: m.comparison.scenarios.map((r) => ({ value: r.overall.uptime })) },
    { name: 'long horizon', values: m.uptime.map((u) => (u ? { value: u.uptime.mean, halfWidth: u.uptime.halfWidth } : { value: NaN })) },
  ];
  const costMetric = metricOf(m, 'cost.monthly');
  const cost: TimelinePanel['series'] = [
    {
      name: 'monthly cost',
      values: costMetric ? fromMetric(costMetric, n) : m.comparison.scenarios.map((r) => ({ value: r.cost?.monthly ?? NaN })),
    },
  ];
  const noStudy = m.uptime.some((u) => u === null);
  return [
    { id: 'latency', title: 'Latency', unit: 'ms', mode: 'line', log: spreadsWide(latency), series: latency, table: panelTable('Latency per phase', labels, latency, 'ms') },
    {
      id: 'uptime',
      title: 'Uptime',
      unit: 'ratio',
      mode: 'line',
      log: false,
      series: uptime,
      table: panelTable('Uptime per phase', labels, uptime, 'ratio'),
      note: `In the run: minutes within the SLO in the simulated run. Long horizon: the uptime study of failures and deploys${noStudy ? ' (no point where a phase models none)' : ''}.`,
    },
    {
      id: 'cost',
      title: 'Monthly cost',
      unit: 'usd',
      mode: 'bar',
      log: false,
      series: cost,
      table: panelTable('Monthly cost per phase', labels, cost, 'usd'),
      ...(cost[0].values.every((v) => !Number.isFinite(v.value)) ? { note: 'No phase is priced: no component names an instance type or a price.' } : {}),
    },
  ];
}


/** One row per phase, as `archsim migrate` prints it: what it changes, latency, throughput, errors, cost, uptime. */
export function migrationTable(m: MigrationReport): TableModel {
  const shown = MIGRATION_COLUMNS.map(([id, label]) => [metricOf(m, id), label] as const).filter((x): x is readonly [MetricComparison, string] => x[0] !== undefined);
  return {
    caption: `${m.name}: every phase`,
    columns: [
      { label: 'phase' },
      { label: 'changes' },
      ...shown.map(([, label]) => ({ label, numeric: true })),
      { label: 'uptime (run)', numeric: true },
      { label: 'uptime (year)', numeric: true },
    ],
    rows: phaseLabels(m).map((label, i) => {
      const year = m.uptime[i];
      const run = m.comparison.scenarios[i].overall.uptime;
      return [
        textCell(label),
        textCell(m.phases[i].changes.join('; ')),
        ...shown.map(([metric]) => {
          const v = metric.values[i];
          return numberCell(formatEstimate(v.mean, v.halfWidth, metric.unit), v.mean, v.halfWidth);
        }),
        numberCell(formatEstimate(run, undefined, 'ratio'), run),
        year ? numberCell(formatEstimate(year.uptime.mean, year.uptime.halfWidth, 'ratio'), year.uptime.mean, year.uptime.halfWidth) : textCell('—'),
      ];
    }),
  };
}

/** The paired change of every phase after the first from the first, with a tone where the verdict is significant. */
export function changeTable(m: MigrationReport): TableModel {
  const shown = MIGRATION_COLUMNS.map(([id, label]) => [metricOf(m, id), label] as const).filter((x): x is readonly [MetricComparison, string] => x[0] !== undefined);
  const labels = phaseLabels(m);
  return {
    caption: `Paired change from ${labels[0]}`,
    columns: [{ label: `change from ${labels[0]}` }, ...shown.map(([, label]) => ({ label, numeric: true }))],
    rows: labels.slice(1).map((label, j) => [
      textCell(label),
      ...shown.map(([metric]): TableCell => {
        const d = metric.differences[j];
        if (!d) return textCell('');
        const cell = numberCell(formatDifference(d, metric.unit), d.mean, d.halfWidth);
        const tone = verdictTone(metric.metric, d.verdict);
        return tone === 'neutral' ? cell : { ...cell, tone };
      }),
    ]),
  };
}
