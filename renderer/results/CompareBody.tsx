import type { ComparisonResult } from '../../sim-core/run/compare.ts';
import { TEST_IDS } from '../state/test-ids.ts';
import { ChartFrame } from './ChartFrame.tsx';
import { CHART_WIDTH, Legend, LineChart } from './charts/LineChart.tsx';
import { compareGroups, compareTable, scenarioNames, verdictSentences } from './compare-tables.ts';
import { CsvButton, DataTable } from './DataTable.tsx';
import { Deferred } from './Deferred.tsx';
import { fmtMs, fmtNumber, fmtRate, tickNumber, tickPercent } from './format.ts';
import { cdfPoints } from './run-tables.ts';
import { numberCell, textCell, type TableModel } from './table-model.ts';

/** A comparison from props only (the app's compare view and the report): tables, verdicts, overlaid CDFs and series (in the app, mounted one per frame: Deferred). */
export function CompareBody({ comparison: c, names, staticMode }: { comparison: ComparisonResult; names?: readonly string[]; staticMode?: boolean }) {
  const labels = scenarioNames(c, names);
  const groups = compareGroups(c);
  const n = c.replications.length;
  return (
    <div className="compare-body">
      <p className="muted">
        {c.scenarios.length} scenarios, {n} paired replication{n === 1 ? '' : 's'} with common random numbers (seed {c.seed}); A is the baseline. ± is the 95% half-width; “paired” differences are replication by replication, “unpaired” is what the same runs would give without pairing.
      </p>
      <ul className="scenario-key">
        {labels.map((label) => (
          <li key={label}>{label}</li>
        ))}
      </ul>
      {c.partial ? <p className="warning">Cancelled: the statistics cover the replications every scenario completed.</p> : null}
      <ul className="verdicts">
        {verdictSentences(c).map((v, i) => (
          <li key={i} className={`tone-${v.tone}`}>
            {v.text}
          </li>
        ))}
      </ul>
      <div data-testid={TEST_IDS.compareTable}>
        {groups.map((g) => {
          const table = compareTable(c, g);
          return (
            <section key={g.title} className="results-section">
              <div className="section-head">
                <h3>{g.title}</h3>
                {staticMode ? null : <CsvButton table={table} fileName={`comparison-${g.title.toLowerCase().replace(/\s+/g, '-')}`} />}
              </div>
              <DataTable table={table} />
            </section>
          );
        })}
      </div>
      <Deferred height={330} immediate={staticMode}>
        <OverlaidCdf comparison={c} labels={labels} staticMode={staticMode} />
      </Deferred>
      <Deferred height={270} immediate={staticMode}>
        <OverlaidSeries comparison={c} labels={labels} pick="throughput" staticMode={staticMode} />
      </Deferred>
      <Deferred height={270} immediate={staticMode}>
        <OverlaidSeries comparison={c} labels={labels} pick="p95" staticMode={staticMode} />
      </Deferred>
    </div>
  );
}

function OverlaidCdf({ comparison: c, labels, staticMode }: { comparison: ComparisonResult; labels: string[]; staticMode?: boolean }) {
  const lines = c.scenarios.map((r, i) => ({ name: labels[i], points: cdfPoints(r.overall.latency.cdf).filter((p) => p.q > 0).map((p) => [p.ms, p.q] as const) }));
  if (lines.every((l) => l.points.length === 0)) return null;
  const qs = [...new Set(lines.flatMap((l) => l.points.map((p) => p[1])))].sort((a, b) => a - b);
  const table: TableModel = {
    caption: 'Overall latency by quantile',
    columns: [{ label: 'quantile', numeric: true }, ...labels.map((label) => ({ label, numeric: true }))],
    rows: qs.map((q) => [
      numberCell(`p${+(q * 100).toFixed(2)}`, q),
      ...lines.map((l) => {
        const p = l.points.find((pt) => pt[1] === q);
        return p ? numberCell(fmtMs(p[0]), p[0]) : textCell('—');
      }),
    ]),
  };
  return (
    <ChartFrame title="Overall latency distribution (CDF)" table={table} fileName="comparison-latency-cdf" staticMode={staticMode} legend={<Legend names={labels} dashByIndex />}>
      <LineChart dashByIndex label="Overlaid latency CDFs of the compared scenarios" xLabel="latency (log scale)" input={{ width: CHART_WIDTH, height: 260, lines, x: { type: 'log', format: fmtMs }, y: { domain: [0, 1], format: tickPercent } }} />
    </ChartFrame>
  );
}

function OverlaidSeries({ comparison: c, labels, pick, staticMode }: { comparison: ComparisonResult; labels: string[]; pick: 'throughput' | 'p95'; staticMode?: boolean }) {
  const format = pick === 'throughput' ? fmtRate : fmtMs;
  const title = pick === 'throughput' ? 'Throughput over time' : 'Latency p95 over time';
  const lines = c.scenarios.map((r, i) => ({ name: labels[i], points: r.series.t.map((t, k) => [t + r.series.intervalSeconds / 2, r.series[pick][k]] as const) }));
  const t = c.scenarios[0].series.t;
  const table: TableModel = {
    caption: title,
    columns: [{ label: 'time (s)', numeric: true }, ...labels.map((label) => ({ label, numeric: true }))],
    rows: t.map((time, k) => [numberCell(fmtNumber(time), time), ...c.scenarios.map((r) => numberCell(format(r.series[pick][k]), r.series[pick][k]))]),
  };
  return (
    <ChartFrame title={title} table={table} fileName={`comparison-${pick}`} staticMode={staticMode} legend={<Legend names={labels} dashByIndex />}>
      <LineChart dashByIndex label={`${title}, one line per scenario`} xLabel="simulated seconds" input={{ width: CHART_WIDTH, height: 200, lines, x: { format: tickNumber }, y: { format: pick === 'throughput' ? (v: number) => `${tickNumber(v)}/s` : fmtMs, ticks: 4 } }} />
    </ChartFrame>
  );
}
