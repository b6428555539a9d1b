import { formatDifferenceCell, formatUnpairedCell, formatValueHalfWidth, METRIC_LABELS, scenarioLabel, verdictSentence } from '../../sim-core/cli/compare-report.ts';
import type { ComparisonResult, Difference, MetricComparison, MetricUnit } from '../../sim-core/run/compare.ts';
import { fmtMs, fmtPercent, fmtRate, fmtUsd } from './format.ts';
import { numberCell, textCell, type TableCell, type TableModel } from './table-model.ts';

/** The comparison's tables (pure): one per scope, each scenario's value ± CI, then per compared scenario the paired B − A ± CI, the unpaired ±, the verdict. */

/** Which direction is better, for colouring verdicts; utilisation has none. */
export function betterDirection(metric: string): 'lower' | 'higher' | undefined {
  if (metric.startsWith('latency.') || metric === 'errorRate' || metric === 'monthly') return 'lower';
  if (metric === 'throughput' || metric === 'availability' || metric === 'sloShare') return 'higher';
  return undefined;
}

export const VERDICT_TEXT: Record<Difference['verdict'], string> = {
  lower: 'lower',
  higher: 'higher',
  noDifference: 'no sig. difference',
  identical: 'identical',
  undetermined: 'undetermined',
};

/** `better`, `worse` or `neutral`, for a verdict on a metric. */
export function verdictTone(metric: string, verdict: Difference['verdict']): 'better' | 'worse' | 'neutral' {
  const better = betterDirection(metric);
  if (!better || (verdict !== 'lower' && verdict !== 'higher')) return 'neutral';
  return verdict === better ? 'better' : 'worse';
}

export function formatMetricValue(x: number, unit: MetricUnit): string {
  return unit === 'ms' ? fmtMs(x) : unit === 'ratio' ? fmtPercent(x) : unit === 'usd' ? fmtUsd(x) : fmtRate(x);
}

/** `-0.09 ms ±1.46 ms`, `+1.25 pp ±0.40 pp`: the difference and its paired half-width at one precision (as the CLI prints it). */
export const formatDifference = formatDifferenceCell;

/** The unpaired half-width, as the CLI prints it. */
export const formatUnpaired = formatUnpairedCell;

export function metricLabel(m: MetricComparison): string {
  return m.scope === 'component' ? `${m.name} utilisation` : METRIC_LABELS[m.metric] ?? m.metric;
}

export interface CompareGroup {
  title: string;
  metrics: MetricComparison[];
}

export function compareGroups(c: ComparisonResult): CompareGroup[] {
  const groups = new Map<string, MetricComparison[]>();
  for (const m of c.metrics) {
    const title = m.scope === 'overall' ? 'Overall' : m.scope === 'endpoint' ? `Endpoint ${m.name}` : m.scope === 'component' ? 'Components' : 'Cost';
    groups.set(title, [...(groups.get(title) ?? []), m]);
  }
  return [...groups].map(([title, metrics]) => ({ title, metrics }));
}

/** `A: monolith`, `B: microservices`, … */
export function scenarioNames(c: ComparisonResult, names?: readonly string[]): string[] {
  return c.scenarios.map((r, i) => `${scenarioLabel(i)}: ${names?.[i] ?? r.scenario}`);
}

/** The verdict cell carries its tone (better / worse / neutral) for the views to colour. */
export function compareTable(c: ComparisonResult, group: CompareGroup): TableModel {
  // Headers are the letters (the names are listed above the tables) so the table stays narrow.
  const columns = [
    { label: group.title },
    ...c.scenarios.map((_, i) => ({ label: scenarioLabel(i), numeric: true })),
    ...c.scenarios.slice(1).flatMap((_, j) => {
      const l = scenarioLabel(j + 1);
      return [{ label: `${l} − A (paired)`, numeric: true }, { label: `${l}: unpaired ±`, numeric: true }, { label: `${l}: verdict` }];
    }),
  ];
  const rows: TableCell[][] = group.metrics.map((m) => [
    textCell(metricLabel(m)),
    ...m.values.map((v) => {
      const hw = Number.isFinite(v.halfWidth) && v.halfWidth > 0 ? v.halfWidth : undefined;
      const text = formatMetricValue(v.mean, m.unit);
      const ci = hw === undefined ? '' : formatValueHalfWidth(hw, v.mean, m.unit);
      return numberCell(ci ? `${text} ${ci}` : text, v.mean, hw);
    }),
    ...m.differences.flatMap((d) => [
      numberCell(formatDifference(d, m.unit), d.mean, Number.isFinite(d.halfWidth) ? d.halfWidth : undefined),
      numberCell(formatUnpaired(d, m.unit), d.unpairedHalfWidth),
      { text: VERDICT_TEXT[d.verdict], tone: verdictTone(m.metric, d.verdict) },
    ]),
  ]);
  return { caption: group.title, columns, rows };
}

/** The verdicts on the overall metrics and cost as sentences, per compared scenario (the CLI's wording). */
export function verdictSentences(c: ComparisonResult): Array<{ scenario: number; text: string; tone: 'better' | 'worse' | 'neutral' }> {
  const out: Array<{ scenario: number; text: string; tone: 'better' | 'worse' | 'neutral' }> = [];
  for (let j = 1; j < c.scenarios.length; j++) {
    for (const m of c.metrics) {
      if (m.scope !== 'overall' && m.scope !== 'cost') continue;
      const d = m.differences[j - 1];
      out.push({ scenario: j, text: verdictSentence(m, d, scenarioLabel(j)), tone: verdictTone(m.metric, d.verdict) });
    }
  }
  return out;
}
