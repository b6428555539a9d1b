import { HOURS_PER_MONTH } from '../cost/money.ts';
import type { ComponentResult, CostLine, EndpointResult, LatencyStats, RunResult } from '../run/result.ts';
import {
  formatCount,
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
import { formatDataTier } from './data-tier-report.ts';
import { formatUptime } from './uptime-report.ts';

/**
 * The readable report `archsim run` prints: a header, a per-endpoint table with an overall row,
 * a per-component table and the monthly cost. Where a statistic has a 95% confidence
 * half-width, a second row under it shows `±…` in the same unit, so the tables stay narrow
 * enough for a terminal. Pure.
 */

export interface RunReportOptions {
  /** Latency objective per endpoint in ms (Infinity = none); adds the SLO columns when given. */
  slos?: Readonly<Record<string, number>>;
}

const LATENCY_KEYS = ['mean', 'p50', 'p90', 'p95', 'p99', 'p999'] as const;
const LATENCY_HEADERS = ['mean', 'p50', 'p90', 'p95', 'p99', 'p99.9'];

export function formatRunReport(result: RunResult, options: RunReportOptions = {}): string {
  return [formatHeader(result), formatEndpointTable(result, options), formatErrorCauses(result), formatRunUptime(result), formatDeploys(result), formatComponentTable(result), formatDataTier(result), formatUptime(result), formatCost(result)]
    .filter((s) => s !== '')
    .join('\n\n') + '\n';
}

function formatHeader(r: RunResult): string {
  const eventsPerSecond = r.wallSeconds > 0 ? `, ${formatCount(r.events / r.wallSeconds)} events/s` : '';
  const warmup = r.warmupSeconds > 0 ? `the first ${formatSpan(r.warmupSeconds * 1000)} of it warm-up (discarded)` : 'no warm-up';
  const ci = r.replications > 1 ? '; ± is the 95% confidence half-width over replications' : '';
  const lines: Array<[string, string]> = [
    ['duration', `${formatSpan(r.simulatedSeconds * 1000)} simulated per replication, ${warmup}`],
    ['replications', `${r.replications}, seed ${r.seed}${ci}`],
    ['wall time', `${formatDuration(r.wallSeconds * 1000)}, ${formatCount(r.events)} events${eventsPerSecond}`],
  ];
  if (r.warmupAuto) lines.push(['warm-up', formatWarmupAuto(r.warmupAuto)]);
  if (r.stopping) lines.push(['stopping', formatStopping(r)]);
  if (r.cost.lines.length > 0) lines.push(['cost', `${formatUsd(r.cost.monthly)}/month`]);
  const keyWidth = Math.max(...lines.map(([k]) => k.length));
  return [r.scenario, ...lines.map(([k, v]) => `  ${k.padEnd(keyWidth)}  ${v}`)].join('\n');
}

function formatWarmupAuto(w: NonNullable<RunResult['warmupAuto']>): string {
  if (w.removedSeconds === 0) return `none: ${w.method} found no initial transient on a pilot replication (warmup: auto)`;
  return `${formatSpan(w.removedSeconds * 1000)}, chosen by ${w.method} on a pilot replication (warmup: auto)`;
}

/** "precision 2% met after 7 replications", or why it was not met and the widest half-width. */
function formatStopping(r: RunResult): string {
  const s = r.stopping!;
  const target = `precision ${plainPercent(s.precision)}`;
  const n = `${r.replications} replication${r.replications === 1 ? '' : 's'}`;
  if (s.met) return `${target} met after ${n}`;
  const widest = widestRelativeHalfWidth(r, s.keys);
  const detail = widest ? ` (${widest.label} half-width ${plainPercent(widest.relative, 2)})` : '';
  if (r.partial) return `${target} NOT met: cancelled after ${n}${detail}`;
  if (r.replications >= s.maxReplications) return `${target} NOT met: stopped at the cap of ${s.maxReplications} replications${detail}`;
  return `${target} NOT met after ${n} (cap ${s.maxReplications})${detail}`;
}

/** The stopping key whose 95% half-width is the largest share of its mean, e.g. `overall.latency.p99` → p99. */
function widestRelativeHalfWidth(r: RunResult, keys: readonly string[]): { label: string; relative: number } | undefined {
  let widest: { label: string; relative: number } | undefined;
  for (const key of keys) {
    const path = key.split('.');
    const last = path.pop()!;
    let parent: unknown = r;
    for (const segment of path) parent = (parent as Record<string, unknown> | undefined)?.[segment];
    const record = parent as { [k: string]: unknown; ci95?: Record<string, number> } | undefined;
    const mean = record?.[last];
    const halfWidth = record?.ci95?.[last];
    if (typeof mean !== 'number' || typeof halfWidth !== 'number' || mean === 0) continue;
    const relative = Math.abs(halfWidth / mean);
    const label = path.at(-1) === 'latency' ? (last === 'mean' ? 'mean latency' : last) : last;
    if (!widest || relative > widest.relative) widest = { label, relative };
  }
  return widest;
}

/** 0.02 → `2%`, 0.0312 → `3.1%`, 0.0005 → `0.05%`: `digits` significant digits, no trailing zeros. */
function plainPercent(ratio: number, digits = 3): string {
  return `${Number((ratio * 100).toPrecision(digits))}%`;
}

function formatEndpointTable(r: RunResult, { slos }: RunReportOptions): string {
  const withSlo = slos !== undefined;
  const columns: Column[] = [
    { header: 'endpoint', align: 'left' },
    { header: 'thru/s', align: 'right' },
    ...LATENCY_HEADERS.map((header): Column => ({ header, align: 'right' })),
    { header: 'errors', align: 'right' },
    ...(withSlo ? [{ header: 'SLO', align: 'right' } as const] : []),
    { header: 'in SLO', align: 'right' },
  ];
  const anySlo = withSlo && Object.values(slos).some((ms) => Number.isFinite(ms));
  const rows: TableRow[] = [];
  for (const [name, e] of Object.entries(r.endpoints)) {
    const sloMs = slos?.[name] ?? Infinity;
    rows.push(...endpointRows(name, e, withSlo ? [Number.isFinite(sloMs) ? formatSpan(sloMs) : '—'] : [], !withSlo || Number.isFinite(sloMs)));
  }
  rows.push('rule');
  rows.push(...endpointRows('overall', r.overall, withSlo ? [''] : [], !withSlo || anySlo));
  return renderTable(columns, rows);
}

/** One endpoint's row, and under it the row of half-widths when there are any. */
function endpointRows(name: string, e: EndpointResult, sloCells: string[], showSloShare: boolean): TableRow[] {
  const values = [
    name,
    formatNumber(e.throughput),
    ...LATENCY_KEYS.map((k) => formatDuration(e.latency[k])),
    formatPercent(e.errorRate),
    ...sloCells,
    showSloShare ? formatPercent(e.sloShare) : '—',
  ];
  const ci = e.ci95 ?? {};
  const latencyCi: LatencyStats['ci95'] = e.latency.ci95 ?? {};
  const halfWidths = [
    '',
    halfWidth(ci.throughput, (h) => formatNumberHalfWidth(h, e.throughput)),
    ...LATENCY_KEYS.map((k) => halfWidth(latencyCi[k], (h) => formatDurationHalfWidth(h, e.latency[k]))),
    halfWidth(ci.errorRate, formatPercentHalfWidth),
    ...sloCells.map(() => ''),
    showSloShare ? halfWidth(ci.sloShare, formatPercentHalfWidth) : '',
  ];
  return halfWidths.some((c) => c !== '') ? [values, halfWidths] : [values];
}

function formatErrorCauses(r: RunResult): string {
  const causes = Object.entries(r.overall.errorsByCause).filter(([, share]) => share > 0);
  if (causes.length === 0) return '';
  return `errors by cause (overall): ${causes.map(([cause, share]) => `${cause} ${formatPercent(share)}`).join(', ')}`;
}

/** The run's own time-based uptime, when some minute was down (the uptime study, if any, gives the year). */
function formatRunUptime(r: RunResult): string {
  if (!(r.overall.uptime < 1)) return '';
  return `uptime of this run: ${formatPercent(r.overall.uptime)} of its minutes had enough requests within the SLO (uptime.threshold, default 99%)`;
}

/** Deployments inside the run, per service: started, rolled back, promoted (canaries). */
function formatDeploys(r: RunResult): string {
  const lines = Object.entries(r.components).flatMap(([name, c]) => {
    const d = c.deploys;
    if (!d || d.started === 0) return [];
    const canary = d.rolledBack > 0 || d.promoted > 0 ? `, ${formatCount(d.rolledBack)} rolled back, ${formatCount(d.promoted)} promoted` : '';
    return [`${name} ${formatCount(d.started)} started${canary}`];
  });
  return lines.length > 0 ? `deployments: ${lines.join('; ')}` : '';
}

function formatComponentTable(r: RunResult): string {
  const entries = Object.entries(r.components);
  if (entries.length === 0) return '';
  const columns: Column[] = [
    { header: 'component', align: 'left' },
    { header: 'kind', align: 'left' },
    { header: 'replicas', align: 'right' },
    { header: 'utilisation', align: 'right' },
    { header: 'busy', align: 'right' },
    { header: 'queue', align: 'right' },
    { header: 'thru/s', align: 'right' },
    { header: 'rejected/s', align: 'right' },
  ];
  const rows = entries.flatMap(([name, c]) => componentRows(name, c));
  return renderTable(columns, rows);
}

function componentRows(name: string, c: ComponentResult): TableRow[] {
  const values = [
    name,
    c.kind,
    // A mean over time once autoscaling lands; a plain count until then.
    Number.isInteger(c.replicas) ? String(c.replicas) : formatNumber(c.replicas),
    c.utilisation === null ? '—' : formatPercent(c.utilisation),
    formatNumber(c.busy),
    formatNumber(c.queueLength),
    formatNumber(c.throughput),
    formatNumber(c.rejections),
  ];
  const ci = c.ci95 ?? {};
  const halfWidths = [
    '',
    '',
    '',
    c.utilisation === null ? '' : halfWidth(ci.utilisation, formatPercentHalfWidth),
    halfWidth(ci.busy, (h) => formatNumberHalfWidth(h, c.busy)),
    halfWidth(ci.queueLength, (h) => formatNumberHalfWidth(h, c.queueLength)),
    halfWidth(ci.throughput, (h) => formatNumberHalfWidth(h, c.throughput)),
    halfWidth(ci.rejections, (h) => formatNumberHalfWidth(h, c.rejections)),
  ];
  return halfWidths.some((cell) => cell !== '') ? [values, halfWidths] : [values];
}

/**
 * The monthly bill: one row per priced component (what it runs, fixed and usage dollars), a
 * total, the price list it was priced at and what the figure leaves out.
 */
function formatCost(r: RunResult): string {
  const cost = r.cost;
  if (cost.priceList === null) return '';
  const columns: Column[] = [
    { header: 'cost per month', align: 'left' },
    { header: 'items', align: 'left' },
    { header: 'fixed', align: 'right' },
    { header: 'usage', align: 'right' },
    { header: 'total', align: 'right' },
  ];
  const rows: TableRow[] = Object.entries(cost.byComponent).map(([name, total]) => {
    const own = cost.lines.filter((l) => l.component === name);
    const sum = (kind: 'fixed' | 'usage') => own.filter((l) => l.kind === kind).reduce((s, l) => s + l.monthly, 0);
    return [name, own.map(describeCostLine).join(', '), formatUsd(sum('fixed')), formatUsd(sum('usage')), formatUsd(total)];
  });
  const fixed = cost.lines.filter((l) => l.kind === 'fixed').reduce((s, l) => s + l.monthly, 0);
  rows.push('rule');
  rows.push(['total', '', formatUsd(fixed), formatUsd(cost.monthly - fixed), formatUsd(cost.monthly)]);
  const notes = [
    `priced at '${cost.priceList.name}' (${cost.priceList.date}), ${HOURS_PER_MONTH} h per month`,
    ...cost.excluded.map((e) => `excluded: ${e}`),
  ];
  return [renderTable(columns, rows), ...notes.map((n) => `  ${n}`)].join('\n');
}

/** `3 × m6i.large @ $0.096/h`, `12.3 million requests sqs.requests @ $0.40`. */
function describeCostLine(l: CostLine): string {
  if (l.kind === 'fixed') {
    const replicas = l.quantity / HOURS_PER_MONTH;
    return `${Number.isInteger(replicas) ? replicas : formatNumber(replicas)} × ${l.item} @ $${l.unitPrice}/h`;
  }
  return `${formatNumber(l.quantity)} ${l.unit} ${l.item} @ $${l.unitPrice}`;
}

/** Dollars to the cent, thousands grouped: `$1,234.56`. */
function formatUsd(x: number): string {
  return `$${formatGrouped(x, 2)}`;
}

/** A zero half-width (every replication agreed, e.g. no errors at all) is left blank as noise. */
function halfWidth(h: number | undefined, format: (h: number) => string): string {
  return h === undefined || !Number.isFinite(h) || h === 0 ? '' : format(h);
}
