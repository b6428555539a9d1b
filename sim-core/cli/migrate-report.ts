import type { MetricComparison } from '../run/compare.ts';
import { MIGRATION_COLUMNS, type MigrationReport } from '../case-study/run-migration.ts';
import { fmtPct } from '../case-study/plausibility-checks.ts';
import { formatDifferenceCell, formatValue, formatValueHalfWidth } from './compare-report.ts';
import { formatPercent } from './format-units.ts';
import { renderTable, type Column } from './text-table.ts';

/**
 * The migration timeline as text: one row per phase (what it changes, then latency, throughput,
 * errors, uptime and cost with their CIs), and a second table of paired changes from the first
 * phase — the same random numbers in every phase, so the changes are the phases' own effect.
 */

export function formatMigrationReport(m: MigrationReport): string {
  const metrics = new Map(m.comparison.metrics.map((x) => [x.id, x]));
  const shown = MIGRATION_COLUMNS.filter(([id]) => metrics.has(id));
  const columns: Column[] = [
    { header: 'phase', align: 'left' },
    ...shown.map(([, label]) => ({ header: label, align: 'right' as const })),
    { header: 'uptime (run)', align: 'right' },
    { header: 'uptime (year)', align: 'right' },
  ];
  const rows = m.phases.map((p, i) => [
    `${i + 1}. ${p.name}`,
    ...shown.map(([id]) => valueCell(metrics.get(id)!, i)),
    formatPercent(m.comparison.scenarios[i].overall.uptime),
    yearUptime(m, i),
  ]);
  const out = [`Migration: ${m.name} — ${m.phases.length} phases, ${m.comparison.replications.length} paired replications, seed ${m.comparison.seed}`, ''];
  out.push(renderTable(columns, rows), '');
  const changeColumns: Column[] = [{ header: `change from 1. ${m.phases[0].name}`, align: 'left' }, ...shown.map(([, label]) => ({ header: label, align: 'right' as const }))];
  const changeRows = m.phases.slice(1).map((p, j) => [`${j + 2}. ${p.name}`, ...shown.map(([id]) => changeCell(metrics.get(id)!, j))]);
  out.push(renderTable(changeColumns, changeRows), '');
  out.push('What each phase changes:');
  m.phases.forEach((p, i) => out.push(`  ${i + 1}. ${p.name}: ${p.changes.join('; ')}`));
  out.push(
    '',
    `Latency is of successful requests; ± is the 95% half-width over replications; changes are paired (common random numbers).`,
    `uptime (run): minutes within the SLO in the simulated run; uptime (year): the long-horizon study of failures and deploys (— when a phase models none).`,
  );
  if (m.comparison.partial) out.push(`partial: cancelled after ${m.comparison.replications.length} paired replications`);
  return `${out.join('\n')}\n`;
}

function valueCell(metric: MetricComparison, i: number): string {
  const v = metric.values[i];
  const h = formatValueHalfWidth(v.halfWidth, v.mean, metric.unit);
  return `${formatValue(v.mean, metric.unit)}${h === '' ? '' : ` ${h}`}`;
}

function changeCell(metric: MetricComparison, j: number): string {
  const d = metric.differences[j];
  return d === undefined ? '' : formatDifferenceCell(d, metric.unit);
}

function yearUptime(m: MigrationReport, i: number): string {
  const study = m.uptime[i];
  if (!study) return '—';
  return `${fmtPct(study.uptime.mean)} ±${(study.uptime.halfWidth * 100).toPrecision(2)}%`;
}
