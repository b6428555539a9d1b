import { parsePath } from '../model/errors.ts';
import { KNEE_SLO_SHARE, type Knee } from '../run/knee.ts';
import type { EndpointResult, RunResult } from '../run/result.ts';
import type { SweepPointResult, SweepResult } from '../run/sweep.ts';
import { formatVary, type VarySpec } from '../run/vary.ts';
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
 * The report `archsim sweep` (and `archsim merge`) prints: a header, a table of the overall
 * metrics per point (each row of values with a row of ± half-widths under it, as in
 * `archsim run`), the same per endpoint when there are several, the utilisation of each
 * component per point, and the knees as sentences. Pure.
 */

const LATENCY_KEYS = ['mean', 'p50', 'p95', 'p99'] as const;

export function formatSweepReport(s: SweepResult): string {
  const parts = [formatHeader(s), formatEndpointTable(s, 'overall', (r) => r.overall)];
  const endpointNames = endpointsOf(s);
  if (endpointNames.length > 1) {
    for (const name of endpointNames) parts.push(formatEndpointTable(s, endpointTitle(s, name), (r) => r.endpoints[name]));
  }
  parts.push(formatUtilisationTable(s), formatKnees(s));
  return parts.filter((p) => p !== '').join('\n\n') + '\n';
}

function endpointsOf(s: SweepResult): string[] {
  const first = s.points.find((p) => p.result !== null);
  return first?.result ? Object.keys(first.result.endpoints) : [];
}

function endpointTitle(s: SweepResult, name: string): string {
  const slos = new Set(s.points.map((p) => p.slos[name]).filter((v) => v !== undefined));
  return slos.size === 1 ? `${name} (SLO ${formatSlo([...slos][0])})` : name;
}

function formatHeader(s: SweepResult): string {
  const first = s.points.find((p) => p.result !== null)?.result;
  const each = first
    ? `, ${formatSpan(first.simulatedSeconds * 1000)} simulated each${first.warmupSeconds > 0 ? `, the first ${formatSpan(first.warmupSeconds * 1000)} discarded` : ''}`
    : '';
  const lines = [
    `Sweep of ${s.scenario}: ${s.points.length} point${s.points.length === 1 ? '' : 's'} × ${s.replications} replication${s.replications === 1 ? '' : 's'} (seed ${s.seed})${each}`,
    ...s.vary.map((v) => `  --vary ${formatVary(v)}`),
    `  every point runs on the same random streams (common random numbers); ± is the 95% confidence half-width over replications`,
    `  wall time ${formatDuration(s.wallSeconds * 1000)}`,
  ];
  if (s.partial) lines.push('  partial: cancelled; some points have fewer replications than asked, or none');
  for (const p of s.points) {
    for (const f of p.result?.failedReplications ?? []) lines.push(`  point ${pointName(s, p)}: replication index ${f.replication} failed twice (run, then one retry): ${f.error}`);
  }
  return lines.join('\n');
}

function pointName(s: SweepResult, p: SweepPointResult): string {
  return s.vary.map((v) => `${v.path}=${p.values[v.path]}${v.unit}`).join(', ');
}

/** The column header of a swept path: its last name (`users` for workload.users). */
function varyHeader(v: VarySpec): string {
  const segments = parsePath(v.path) ?? [v.path];
  const named = segments.filter((seg): seg is string => typeof seg === 'string' && !/^\d+$/.test(seg));
  return named.at(-1) ?? v.path;
}

function formatVaryValue(v: VarySpec, x: number): string {
  return `${Number.isInteger(x) ? formatGrouped(x) : formatNumber(x)}${v.unit}`;
}

function varyColumns(s: SweepResult): Column[] {
  return s.vary.map((v): Column => ({ header: varyHeader(v), align: 'right' }));
}

function varyCells(s: SweepResult, p: SweepPointResult): string[] {
  return s.vary.map((v) => formatVaryValue(v, p.values[v.path]));
}

function formatEndpointTable(s: SweepResult, title: string, pick: (r: RunResult) => EndpointResult | undefined): string {
  const columns: Column[] = [
    ...varyColumns(s),
    { header: 'thru/s', align: 'right' },
    ...LATENCY_KEYS.map((header): Column => ({ header, align: 'right' })),
    { header: 'errors', align: 'right' },
    { header: 'in SLO', align: 'right' },
  ];
  const rows: TableRow[] = [];
  for (const p of s.points) {
    const e = p.result ? pick(p.result) : undefined;
    if (!e) {
      rows.push([...varyCells(s, p), 'no result']);
      continue;
    }
    rows.push([
      ...varyCells(s, p),
      formatNumber(e.throughput),
      ...LATENCY_KEYS.map((k) => formatDuration(e.latency[k])),
      formatPercent(e.errorRate),
      formatPercent(e.sloShare),
    ]);
    const ci = e.ci95 ?? {};
    const lci = e.latency.ci95 ?? {};
    const halfWidths = [
      ...s.vary.map(() => ''),
      halfWidth(ci.throughput, (h) => formatNumberHalfWidth(h, e.throughput)),
      ...LATENCY_KEYS.map((k) => halfWidth(lci[k], (h) => formatDurationHalfWidth(h, e.latency[k]))),
      halfWidth(ci.errorRate, formatPercentHalfWidth),
      halfWidth(ci.sloShare, formatPercentHalfWidth),
    ];
    if (halfWidths.some((c) => c !== '')) rows.push(halfWidths);
  }
  return `${title}\n${renderTable(columns, rows)}`;
}

function formatUtilisationTable(s: SweepResult): string {
  const first = s.points.find((p) => p.result !== null)?.result;
  const names = first ? Object.keys(first.components).filter((n) => first.components[n].utilisation !== null) : [];
  if (names.length === 0) return '';
  const columns: Column[] = [...varyColumns(s), ...names.map((header): Column => ({ header, align: 'right' }))];
  const rows: TableRow[] = s.points.map((p) => [
    ...varyCells(s, p),
    ...names.map((n) => {
      const c = p.result?.components[n];
      if (!c || c.utilisation === null) return '—';
      const h = halfWidth(c.ci95?.utilisation, formatPercentHalfWidth);
      return h === '' ? formatPercent(c.utilisation) : `${formatPercent(c.utilisation)} ${h}`;
    }),
  ]);
  return `utilisation\n${renderTable(columns, rows)}`;
}

function halfWidth(h: number | undefined, format: (h: number) => string): string {
  return h === undefined || !Number.isFinite(h) || h === 0 ? '' : format(h);
}

function formatKnees(s: SweepResult): string {
  if (s.knees.length === 0) return 'knees: no endpoint has an SLO (slo: on an endpoint), so there is no knee to find';
  const title =
    `knees along ${s.vary[0].path} — the first point where an endpoint breaks its SLO ` +
    `(p99 above it, or under ${plainPercent(KNEE_SLO_SHARE)} of requests within it):`;
  return [title, ...s.knees.map((k) => `  ${describeKnee(k, s.vary)}`)].join('\n');
}

/**
 * `p99 of transfer crosses 500 ms between 84,000 and 102,000 users`, or that it never does, or
 * that it is broken from the first point; prefixed by the other swept values with several --vary.
 */
export function describeKnee(k: Knee, vary: readonly VarySpec[]): string {
  const axis = vary.find((v) => v.path === k.axis) ?? vary[0];
  const noun = varyHeader(axis);
  const at = (x: number) => formatVaryValue(axis, x);
  const slo = formatSlo(k.sloMs);
  const fixed = Object.entries(k.fixed);
  const prefix = fixed.length > 0
    ? `with ${fixed.map(([path, x]) => `${path}=${formatVaryValue(vary.find((v) => v.path === path)!, x)}`).join(', ')}: `
    : '';
  const broken = (breach: Knee['breach']) =>
    breach === 'p99' ? `p99 of ${k.endpoint} crosses ${slo}` : `the share of ${k.endpoint} within ${slo} falls below ${plainPercent(KNEE_SLO_SHARE)}`;
  switch (k.status) {
    case 'crosses':
      return `${prefix}${broken(k.breach)} between ${at(k.before!.value)} and ${at(k.after!.value)} ${noun}` +
        ` (${formatSample(k.before!)} → ${formatSample(k.after!)})`;
    case 'brokenAtStart':
      return `${prefix}${k.endpoint} breaks its SLO of ${slo} already at the first point, ${at(k.after!.value)} ${noun} (${formatSample(k.after!)})`;
    case 'holds':
      return `${prefix}${k.endpoint} stays within its SLO of ${slo} up to ${at(k.before!.value)} ${noun} (${formatSample(k.before!)})`;
    case 'noData':
      return `${prefix}${k.endpoint}: no point has a result`;
  }
}

function formatSample(x: { p99: number; sloShare: number }): string {
  return `p99 ${formatDuration(x.p99)}, ${formatPercent(x.sloShare)} within`;
}

/** An SLO as the user wrote it, spaced like the tables: `500 ms`, `20 ms`, `1.5 s`. */
function formatSlo(ms: number): string {
  if (ms < 1000) return `${Number(ms.toPrecision(6))} ms`;
  return `${Number((ms / 1000).toPrecision(6))} s`;
}

function plainPercent(ratio: number): string {
  return `${Number((ratio * 100).toPrecision(6))}%`;
}
