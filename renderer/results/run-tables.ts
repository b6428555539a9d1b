import type { EndpointResult, LatencyCdf, RunResult } from '../../sim-core/run/result.ts';
import type { UptimeStudy } from '../../sim-core/run/uptime-study.ts';
import { fmtDowntime, fmtPercent, fmtUsd, withCi } from './format.ts';
import { numberCell, textCell, type TableCell, type TableModel } from './table-model.ts';

/** The tables of one RunResult (pure): the views render them, the report embeds them, CSV exports them. */

function errorsTitle(e: EndpointResult): string | undefined {
  const causes = Object.entries(e.errorsByCause).filter(([, share]) => share > 0);
  if (causes.length === 0) return undefined;
  return causes.sort((a, b) => b[1] - a[1]).map(([cause, share]) => `${cause}: ${fmtPercent(share)}`).join('\n');
}

function endpointRow(name: string, e: EndpointResult): TableCell[] {
  const l = e.latency;
  const lc = l.ci95 ?? {};
  const c = e.ci95 ?? {};
  const ms = (k: 'mean' | 'p50' | 'p95' | 'p99' | 'p999') => numberCell(withCi('ms', l[k], lc[k]), l[k], lc[k]);
  return [
    textCell(name),
    numberCell(withCi('rate', e.throughput, c.throughput), e.throughput, c.throughput),
    ms('mean'),
    ms('p50'),
    ms('p95'),
    ms('p99'),
    ms('p999'),
    numberCell(withCi('percent', e.errorRate, c.errorRate), e.errorRate, c.errorRate, errorsTitle(e)),
    numberCell(withCi('percent', e.sloShare, c.sloShare), e.sloShare, c.sloShare),
    numberCell(withCi('rate', e.goodput, c.goodput), e.goodput, c.goodput),
  ];
}

/** One row per endpoint, then `overall`: throughput, latency with ± CI, errors (causes on hover), SLO share, goodput. */
export function endpointsTable(run: RunResult): TableModel {
  return {
    caption: 'Endpoints',
    columns: [
      { label: 'endpoint' },
      ...['throughput', 'mean', 'p50', 'p95', 'p99', 'p99.9', 'errors', 'within SLO', 'goodput'].map((label) => ({ label, numeric: true })),
    ],
    rows: [...Object.entries(run.endpoints).map(([name, e]) => endpointRow(name, e)), endpointRow('overall', run.overall)],
  };
}

/** The error causes of each endpoint as rows (the expanded form of the errors column). */
export function errorCausesTable(run: RunResult): TableModel {
  const all = { ...run.endpoints, overall: run.overall };
  const causes = [...new Set(Object.values(all).flatMap((e) => Object.entries(e.errorsByCause).filter(([, v]) => v > 0).map(([k]) => k)))];
  return {
    caption: 'Errors by cause (share of finished requests)',
    columns: [{ label: 'endpoint' }, ...causes.map((label) => ({ label, numeric: true }))],
    rows: Object.entries(all).map(([name, e]) => [textCell(name), ...causes.map((k) => numberCell(fmtPercent(e.errorsByCause[k] ?? 0), e.errorsByCause[k] ?? 0))]),
  };
}

/** The quantile points of a latency CDF, sorted by quantile (the `ci95` entry skipped). */
export function cdfPoints(cdf: LatencyCdf | undefined): Array<{ q: number; ms: number; halfWidth?: number }> {
  if (!cdf) return [];
  return Object.entries(cdf)
    .filter(([k, v]) => k !== 'ci95' && typeof v === 'number')
    .map(([k, v]) => {
      const hw = cdf.ci95?.[k as `${number}`];
      return hw === undefined ? { q: Number(k), ms: v as number } : { q: Number(k), ms: v as number, halfWidth: hw };
    })
    .sort((a, b) => a.q - b.q);
}

/** Latency at each quantile, one column per endpoint and overall. */
export function cdfTable(run: RunResult): TableModel {
  const all = Object.entries({ ...run.endpoints, overall: run.overall });
  const byName = all.map(([, e]) => new Map(cdfPoints(e.latency.cdf).map((p) => [p.q, p])));
  const qs = [...new Set(byName.flatMap((m) => [...m.keys()]))].sort((a, b) => a - b);
  return {
    caption: 'Latency distribution (quantile → latency)',
    columns: [{ label: 'quantile', numeric: true }, ...all.map(([name]) => ({ label: name, numeric: true }))],
    rows: qs.map((q) => [
      numberCell(q === 0 ? 'min' : q === 1 ? 'max' : `p${+(q * 100).toFixed(2)}`, q),
      ...byName.map((m) => {
        const p = m.get(q);
        return p ? numberCell(withCi('ms', p.ms, p.halfWidth), p.ms, p.halfWidth) : textCell('—');
      }),
    ]),
  };
}

/** Monthly cost by component: fixed (replica-hours) vs usage (requests, bytes), and the total. */
export function costByComponent(run: RunResult): Array<{ component: string; fixed: number; usage: number }> {
  const rows = new Map<string, { component: string; fixed: number; usage: number }>();
  for (const line of run.cost.lines) {
    const row = rows.get(line.component) ?? { component: line.component, fixed: 0, usage: 0 };
    row[line.kind] += line.monthly;
    rows.set(line.component, row);
  }
  return [...rows.values()].sort((a, b) => b.fixed + b.usage - (a.fixed + a.usage));
}

export function costTable(run: RunResult): TableModel {
  const rows = costByComponent(run);
  const total = { fixed: rows.reduce((s, r) => s + r.fixed, 0), usage: rows.reduce((s, r) => s + r.usage, 0) };
  const row = (name: string, fixed: number, usage: number) => [textCell(name), numberCell(fmtUsd(fixed), fixed), numberCell(fmtUsd(usage), usage), numberCell(fmtUsd(fixed + usage), fixed + usage)];
  return {
    caption: 'Monthly cost by component (US$, 730 h)',
    columns: [{ label: 'component' }, { label: 'fixed', numeric: true }, { label: 'usage', numeric: true }, { label: 'total', numeric: true }],
    rows: [...rows.map((r) => row(r.component, r.fixed, r.usage)), row('total', total.fixed, total.usage)],
  };
}

/** Every priced line of the bill. */
export function costLinesTable(run: RunResult): TableModel {
  return {
    caption: 'Cost lines',
    columns: [{ label: 'component' }, { label: 'item' }, { label: 'kind' }, { label: 'quantity / month', numeric: true }, { label: 'unit' }, { label: 'unit price', numeric: true }, { label: 'monthly', numeric: true }],
    rows: run.cost.lines.map((l) => [
      textCell(l.component),
      textCell(l.item),
      textCell(l.kind),
      numberCell(withCi('number', l.quantity), l.quantity),
      textCell(l.unit),
      numberCell(`$${l.unitPrice}`, l.unitPrice),
      numberCell(fmtUsd(l.monthly), l.monthly),
    ]),
  };
}

/** Availability figures: the run's own (request- and minute-based) and, with failures modelled, the uptime study's. */
export function availabilityTable(run: RunResult): TableModel {
  const o = run.overall;
  const rows: TableCell[][] = [
    [textCell('this run: requests that succeeded'), numberCell(withCi('percent', o.availability, o.ci95?.availability), o.availability, o.ci95?.availability), textCell('')],
    [textCell('this run: requests within SLO'), numberCell(withCi('percent', o.sloShare, o.ci95?.sloShare), o.sloShare, o.ci95?.sloShare), textCell('')],
    [textCell('this run: minutes up (uptime)'), numberCell(fmtPercent(o.uptime), o.uptime), textCell('')],
  ];
  const u: UptimeStudy | undefined = run.uptimeStudy;
  if (u) {
    rows.push(
      [textCell('per year: requests within SLO'), numberCell(withCi('percent', u.availability.mean, u.availability.halfWidth), u.availability.mean, u.availability.halfWidth), numberCell(fmtDowntime(u.downtimeMinutesPerYear.mean), u.downtimeMinutesPerYear.mean, u.downtimeMinutesPerYear.halfWidth)],
      [textCell(`per year: time up (≥ ${fmtPercent(u.threshold)} good)`), numberCell(withCi('percent', u.uptime.mean, u.uptime.halfWidth), u.uptime.mean, u.uptime.halfWidth), numberCell(fmtDowntime(u.uptimeDowntimeMinutesPerYear.mean), u.uptimeDowntimeMinutesPerYear.mean, u.uptimeDowntimeMinutesPerYear.halfWidth)],
    );
    if (u.deploys) rows.push([textCell('per year: of which deploys'), textCell(''), numberCell(fmtDowntime(u.deploys.downtimeMinutesPerYear.mean), u.deploys.downtimeMinutesPerYear.mean, u.deploys.downtimeMinutesPerYear.halfWidth)]);
  }
  return { caption: 'Availability', columns: [{ label: 'measure' }, { label: 'value', numeric: true }, { label: 'downtime', numeric: true }], rows };
}

/** Time-share each component is up, from the uptime study. */
export function componentAvailabilityTable(u: UptimeStudy): TableModel {
  return {
    caption: 'Component availability (share of time up)',
    columns: [{ label: 'component' }, { label: 'availability', numeric: true }],
    rows: Object.entries(u.components).map(([name, a]) => [textCell(name), numberCell(withCi('percent', a.availability, a.halfWidth), a.availability, a.halfWidth)]),
  };
}
