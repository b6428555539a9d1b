import type { ComparisonResult, Difference, MetricComparison, MetricUnit } from '../run/compare.ts';
import {
  formatDuration,
  formatDurationHalfWidth,
  formatGrouped,
  formatNumber,
  formatNumberHalfWidth,
  formatPercent,
  formatPercentHalfWidth,
  formatSpan,
} from './format-units.ts';
import { renderTable, type Column, type TableRow } from './text-table.ts';

/**
 * The report `archsim compare` prints: who is A, B, …; a table per scope (overall, each common
 * endpoint, component utilisations, the monthly cost when the scenarios are priced) with each
 * scenario's value ± its half-width, then for each scenario after the baseline the paired
 * difference ± its half-width, the unpaired (Welch) half-width the same runs would give, and
 * the verdict; then the verdicts on the overall metrics and the cost as sentences. Differences
 * of shares are in percentage points (pp); dollars are to the cent, as in the run report. Pure.
 */

export interface CompareReportOptions {
  /** What each scenario was loaded from (file names), shown beside its name. */
  sources?: readonly string[];
}

/** The compared metrics' names in tables and sentences (the app's compare view uses them too). */
export const METRIC_LABELS: Record<string, string> = {
  throughput: 'throughput',
  'latency.mean': 'mean latency',
  'latency.p50': 'p50',
  'latency.p95': 'p95',
  'latency.p99': 'p99',
  errorRate: 'error rate',
  availability: 'availability',
  sloShare: 'share within SLO',
  utilisation: 'utilisation',
  monthly: 'monthly cost',
};

const VERDICT_CELLS: Record<Difference['verdict'], string> = {
  lower: 'lower',
  higher: 'higher',
  noDifference: 'no sig. diff.',
  identical: 'identical',
  undetermined: '—',
};

/** `A`, `B`, … `Z`, then `S27`, …: the scenario's label in the tables. */
export function scenarioLabel(i: number): string {
  return i < 26 ? String.fromCharCode(65 + i) : `S${i + 1}`;
}

export function formatCompareReport(c: ComparisonResult, options: CompareReportOptions = {}): string {
  return [formatHeader(c, options), ...formatTables(c), formatVerdicts(c)].filter((s) => s !== '').join('\n\n') + '\n';
}

function formatHeader(c: ComparisonResult, { sources }: CompareReportOptions): string {
  const names = c.scenarios.map((r, i) => [`  ${scenarioLabel(i)}`, r.scenario, sources?.[i] ?? '']);
  const nameWidth = Math.max(...names.map(([, n]) => n.length));
  const first = c.scenarios[0];
  const warmup = first.warmupSeconds > 0 ? `, the first ${formatSpan(first.warmupSeconds * 1000)} discarded` : '';
  const n = c.replications.length;
  const lines = [
    `Comparison of ${c.scenarios.length} scenarios with common random numbers (A is the baseline)`,
    ...names.map(([label, name, source]) => `${label}  ${name.padEnd(nameWidth)}  ${source}`.trimEnd()),
    `  ${n} paired replication${n === 1 ? '' : 's'} (seed ${c.seed}), ${formatSpan(first.simulatedSeconds * 1000)} simulated each${warmup}`,
    `  ± is the 95% confidence half-width; B − A is paired (replication by replication);`,
    `  "unpaired" is the half-width the same runs would give compared without pairing (Welch)`,
  ];
  if (c.partial) lines.push('  partial: cancelled; the statistics cover the replications every scenario completed');
  for (const [i, r] of c.scenarios.entries()) {
    for (const f of r.failedReplications ?? []) lines.push(`  ${scenarioLabel(i)}: replication index ${f.replication} failed twice (run, then one retry): ${f.error}`);
  }
  return lines.join('\n');
}

function formatTables(c: ComparisonResult): string[] {
  const groups = new Map<string, MetricComparison[]>();
  for (const m of c.metrics) {
    const title = m.scope === 'overall' ? 'overall' : m.scope === 'endpoint' ? `endpoint ${m.name}` : m.scope === 'component' ? 'components' : 'cost';
    const group = groups.get(title);
    if (group) group.push(m);
    else groups.set(title, [m]);
  }
  return [...groups].map(([title, metrics]) => formatTable(c, title, metrics));
}

function formatTable(c: ComparisonResult, title: string, metrics: MetricComparison[]): string {
  const others = c.scenarios.slice(1).map((_, j) => scenarioLabel(j + 1));
  const columns: Column[] = [
    { header: title, align: 'left' },
    ...c.scenarios.map((_, i): Column => ({ header: scenarioLabel(i), align: 'right' })),
    ...others.flatMap((label): Column[] => [
      { header: `${label} − A`, align: 'right' },
      { header: 'unpaired', align: 'right' },
      { header: 'verdict', align: 'left' },
    ]),
  ];
  const rows: TableRow[] = metrics.map((m) => [
    m.scope === 'component' ? `${m.name} utilisation` : METRIC_LABELS[m.metric] ?? m.metric,
    ...m.values.map((v) => joinCell(formatValue(v.mean, m.unit), formatValueHalfWidth(v.halfWidth, v.mean, m.unit))),
    ...m.differences.flatMap((d) => [
      formatDifferenceCell(d, m.unit),
      formatUnpairedCell(d, m.unit),
      VERDICT_CELLS[d.verdict],
    ]),
  ]);
  return renderTable(columns, rows);
}

function joinCell(value: string, halfWidth: string): string {
  return halfWidth === '' ? value : `${value} ${halfWidth}`;
}

/** The verdicts on the overall metrics (and cost), one sentence each, per compared scenario. */
function formatVerdicts(c: ComparisonResult): string {
  const lines: string[] = [];
  for (let j = 1; j < c.scenarios.length; j++) {
    lines.push(`${scenarioLabel(j)} against A:`);
    for (const m of c.metrics) {
      if (m.scope !== 'overall' && m.scope !== 'cost') continue;
      lines.push(`  ${verdictSentence(m, m.differences[j - 1], scenarioLabel(j))}`);
    }
  }
  return lines.join('\n');
}

/**
 * `B's overall p99 is 240 ms ± 30 ms lower: significant`, `no significant difference in monthly
 * cost (B − A: +$12 ± $40)`, `overall error rate: identical in every replication`.
 */
export function verdictSentence(m: MetricComparison, d: Difference, label: string): string {
  const what = `${m.scope === 'overall' ? 'overall ' : m.name ? `${m.name} ` : ''}${METRIC_LABELS[m.metric] ?? m.metric}`;
  const scale = differenceScale(d);
  const size = `${formatMagnitude(Math.abs(d.mean), m.unit, scale)} ± ${formatMagnitude(d.halfWidth, m.unit, scale)}`;
  switch (d.verdict) {
    case 'lower':
    case 'higher':
      // The same difference in every pair (a fixed bill): exact, no interval to speak of.
      if (showsAsZero(formatMagnitude(d.halfWidth, m.unit, scale))) return `${label}'s ${what} is ${formatMagnitude(Math.abs(d.mean), m.unit, scale)} ${d.verdict} in every replication`;
      return `${label}'s ${what} is ${size} ${d.verdict}: significant`;
    case 'noDifference':
      return `no significant difference in ${what} (${label} − A: ${formatSigned(d.mean, m.unit, scale)} ± ${formatMagnitude(d.halfWidth, m.unit, scale)})`;
    case 'identical':
      return `${what}: identical in every replication`;
    case 'undetermined':
      return `${what}: cannot tell with ${d.pairs} paired replication${d.pairs === 1 ? '' : 's'} holding a value`;
  }
}

/** A metric's value in its unit, as the comparison tables print it: `8.10 ms`, `12.50%`, `$1,234.00`, `850/s`. */
export function formatValue(x: number, unit: MetricUnit): string {
  switch (unit) {
    case 'ms':
      return formatDuration(x);
    case 'ratio':
      return formatPercent(x);
    case 'usd':
      return Number.isFinite(x) ? formatUsd(x) : '—';
    case 'perSecond':
      return Number.isFinite(x) ? `${formatNumber(x)}/s` : '—';
  }
}

/**
 * The ± of a value at the precision the value is shown with; '' when unknown or when it shows as
 * 0 (every replication agreed, up to floating-point rounding).
 */
export function formatValueHalfWidth(h: number, x: number, unit: MetricUnit): string {
  if (!Number.isFinite(h) || h === 0) return '';
  const scale = Number.isFinite(x) && x !== 0 ? x : h;
  const text = valueHalfWidthText(h, scale, unit);
  return showsAsZero(text) ? '' : text;
}

function valueHalfWidthText(h: number, scale: number, unit: MetricUnit): string {
  switch (unit) {
    case 'ms':
      return formatDurationHalfWidth(h, scale);
    case 'ratio':
      return formatPercentHalfWidth(h);
    case 'usd':
      return `±${formatUsd(h)}`;
    case 'perSecond':
      return formatNumberHalfWidth(h, scale);
  }
}

/**
 * Whether a formatted size reads as zero (`$0.00`, `0 pp`): such a sign or half-width is
 * rounding residue — a paired difference of two bills with the same usage differs from the
 * fixed difference in the 14th digit — and is left out.
 */
function showsAsZero(text: string): boolean {
  return Number.parseFloat(text.replace(/[^\d.]/g, '')) === 0;
}

/**
 * A difference and its half-widths share one unit and precision, set by the larger of |d| and
 * the paired half-width, so `-0.09 ms ±1.46 ms` reads as one quantity.
 */
function differenceScale(d: Difference): number {
  const scale = Math.max(...[Math.abs(d.mean), d.halfWidth].filter((x) => Number.isFinite(x)));
  return scale > 0 ? scale : 1;
}

/** A size without sign at the given scale's unit and precision: `240 ms`, `2.10/s`, `1.25 pp`, `$120`. */
function formatMagnitude(x: number, unit: MetricUnit, scale: number): string {
  if (!Number.isFinite(x)) return '?';
  switch (unit) {
    case 'ms':
      return formatDurationHalfWidth(x, scale).slice(1);
    case 'ratio':
      return `${formatPoints(x, scale)} pp`;
    case 'usd':
      return formatUsd(x);
    case 'perSecond':
      return `${formatNumberHalfWidth(x, scale).slice(1)}/s`;
  }
}

/** `+0.41/s`, `-240 ms`, `+1.25 pp`, `0 pp`. */
function formatSigned(x: number, unit: MetricUnit, scale: number): string {
  if (!Number.isFinite(x)) return '—';
  const text = formatMagnitude(Math.abs(x), unit, scale);
  // A difference that shows as zero at this precision gets no sign.
  return showsAsZero(text) ? text : `${x < 0 ? '-' : '+'}${text}`;
}

/** The difference cell: `-0.09 ms ±1.46 ms`; the half-width is left out when unknown or when it shows as 0. */
export function formatDifferenceCell(d: Difference, unit: MetricUnit): string {
  const scale = differenceScale(d);
  const h = Number.isFinite(d.halfWidth) ? formatMagnitude(d.halfWidth, unit, scale) : '';
  return formatSigned(d.mean, unit, scale) + (h === '' || showsAsZero(h) ? '' : ` ±${h}`);
}

/** The unpaired half-width cell: what the same runs would give without pairing; '' when unknown or 0. */
export function formatUnpairedCell(d: Difference, unit: MetricUnit): string {
  if (!Number.isFinite(d.unpairedHalfWidth)) return '';
  const h = formatMagnitude(d.unpairedHalfWidth, unit, differenceScale(d));
  return showsAsZero(h) ? '' : `±${h}`;
}

/**
 * A share in percentage points with two decimals, or enough for two significant digits of the
 * scale when it is smaller: 0.0125 → `1.25`; at scale 0.0001, 0.00005 → `0.005`.
 */
function formatPoints(ratio: number, scale: number): string {
  if (ratio === 0) return '0';
  const decimals = Math.min(6, Math.max(2, 1 - Math.floor(Math.log10(Math.abs(scale * 100)))));
  return formatGrouped(ratio * 100, decimals);
}

/** Dollars to the cent, thousands grouped: `$1,234.56`. */
function formatUsd(x: number): string {
  return `$${formatGrouped(x, 2)}`;
}
