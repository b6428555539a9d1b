import type { Scenario } from '../../sim-core/model/schema.ts';
import { parseDuration } from '../../sim-core/model/units.ts';
import type { SeriesResult } from '../../sim-core/run/result.ts';
import { fmtMs, fmtNumber, fmtPercent, fmtRate, tickNumber, tickPercent } from './format.ts';
import { numberCell, textCell, type TableModel } from './table-model.ts';

/** The time-series panels of a run, built from `result.series` (pure). */

export type ValueKind = 'rate' | 'ms' | 'percent' | 'number';

export interface SeriesPanel {
  id: string;
  title: string;
  kind: ValueKind;
  /** One line per name, values aligned with `t`. */
  lines: Array<{ name: string; values: number[] }>;
}

/** A scheduled incident as a shaded window of simulated seconds. */
export interface IncidentWindow {
  start: number;
  end: number;
  label: string;
}

/** Axis ticks: shorter than table values (`25%`, `1,000/s`, `50`). */
export function formatTick(kind: ValueKind, x: number): string {
  return kind === 'rate' ? `${tickNumber(x)}/s` : kind === 'ms' ? fmtMs(x) : kind === 'percent' ? tickPercent(x) : tickNumber(x);
}

export function formatValue(kind: ValueKind, x: number): string {
  return kind === 'rate' ? fmtRate(x) : kind === 'ms' ? fmtMs(x) : kind === 'percent' ? fmtPercent(x) : fmtNumber(x);
}

function named(record: Record<string, number[]> | undefined): Array<{ name: string; values: number[] }> {
  return Object.entries(record ?? {}).map(([name, values]) => ({ name, values }));
}

/** A record's lines only when some value moves or is non-zero (e.g. replicas that never change still show). */
function anyFinite(lines: Array<{ values: number[] }>): boolean {
  return lines.some((l) => l.values.some((v) => Number.isFinite(v)));
}

/**
 * Throughput and goodput, p95, error rate, then per component: utilisation, queue length,
 * serving replicas, cache hit ratio and breaker open share — each panel only when it has data.
 */
export function seriesPanels(s: SeriesResult): SeriesPanel[] {
  const goodput = s.goodput && anyFinite([{ values: s.goodput }]) ? [{ name: 'goodput (within SLO)', values: s.goodput }] : [];
  const panels: SeriesPanel[] = [
    { id: 'throughput', title: 'Throughput', kind: 'rate', lines: [{ name: 'throughput', values: s.throughput }, ...goodput] },
    { id: 'p95', title: 'Latency p95', kind: 'ms', lines: [{ name: 'p95', values: s.p95 }] },
    { id: 'errorRate', title: 'Error rate', kind: 'percent', lines: [{ name: 'errors', values: s.errorRate }] },
    { id: 'utilisation', title: 'Utilisation', kind: 'percent', lines: named(s.utilisation).filter((l) => anyFinite([l])) },
    { id: 'queueLength', title: 'Queue length', kind: 'number', lines: named(s.queueLength) },
    { id: 'replicas', title: 'Serving replicas', kind: 'number', lines: named(s.replicas) },
    { id: 'cacheHitRatio', title: 'Cache hit ratio', kind: 'percent', lines: named(s.cacheHitRatio) },
    { id: 'breakerOpen', title: 'Circuit breakers open (share of interval)', kind: 'percent', lines: named(s.breakerOpen) },
  ];
  return panels.filter((p) => p.lines.length > 0 && anyFinite(p.lines));
}

/** The panel's data as a table: one row per interval. */
export function seriesTable(panel: SeriesPanel, t: readonly number[]): TableModel {
  return {
    caption: panel.title,
    columns: [{ label: 'time (s)', numeric: true }, ...panel.lines.map((l) => ({ label: l.name, numeric: true }))],
    rows: t.map((time, i) => [numberCell(String(+time.toFixed(3)), time), ...panel.lines.map((l) => numberCell(formatValue(panel.kind, l.values[i]), l.values[i]))]),
  };
}

/** The scenario's scheduled incidents (`at`, `for`) in seconds; invalid durations are skipped. */
export function incidentWindows(scenario: Scenario | undefined): IncidentWindow[] {
  const out: IncidentWindow[] = [];
  for (const inc of scenario?.incidents ?? []) {
    const at = parseDuration(inc.at);
    const span = parseDuration(inc.for);
    if (!at.ok || !span.ok) continue;
    out.push({ start: at.value / 1000, end: (at.value + span.value) / 1000, label: `${inc.target}: ${inc.effect}` });
  }
  return out;
}

export function incidentsTable(windows: readonly IncidentWindow[]): TableModel {
  return {
    caption: 'Scheduled incidents',
    columns: [{ label: 'incident' }, { label: 'from (s)', numeric: true }, { label: 'to (s)', numeric: true }],
    rows: windows.map((w) => [textCell(w.label), numberCell(String(w.start), w.start), numberCell(String(w.end), w.end)]),
  };
}
