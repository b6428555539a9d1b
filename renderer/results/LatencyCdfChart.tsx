import type { RunResult } from '../../sim-core/run/result.ts';
import { TEST_IDS } from '../state/test-ids.ts';
import { ChartFrame } from './ChartFrame.tsx';
import { cdfPoints, cdfTable } from './run-tables.ts';
import { CHART_WIDTH, LineChart, Legend } from './charts/LineChart.tsx';
import { fmtMs, tickPercent } from './format.ts';

/** The latency CDF of each endpoint and overall (log latency axis), from `latency.cdf`. */
export function LatencyCdfChart({ run, staticMode }: { run: RunResult; staticMode?: boolean }) {
  const all = Object.entries({ ...run.endpoints, overall: run.overall });
  // From p0.1 up: the minimum (q = 0) is a single request and would stretch the log axis by decades.
  const lines = all.map(([name, e]) => ({ name, points: cdfPoints(e.latency.cdf).filter((p) => p.q > 0).map((p) => [p.ms, p.q] as const) }));
  const table = cdfTable(run);
  if (lines.every((l) => l.points.length === 0)) {
    return (
      <figure className="chart-frame" data-testid={TEST_IDS.latencyCdf}>
        <figcaption className="chart-title">Latency distribution</figcaption>
        <p className="muted">This result has no latency distribution (it was produced before `latency.cdf` existed).</p>
      </figure>
    );
  }
  return (
    <ChartFrame title="Latency distribution (CDF)" testId={TEST_IDS.latencyCdf} table={table} fileName={`${run.scenario}-latency-cdf`} staticMode={staticMode} legend={<Legend names={lines.map((l) => l.name)} />}>
      <LineChart
        label="Latency CDF: share of successful requests at or below each latency"
        xLabel="latency (log scale)"
        input={{
          width: CHART_WIDTH,
          height: 260,
          lines,
          x: { type: 'log', format: fmtMs },
          y: { domain: [0, 1], format: tickPercent },
        }}
      />
    </ChartFrame>
  );
}
