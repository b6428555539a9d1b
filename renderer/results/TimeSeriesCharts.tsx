import type { Scenario } from '../../sim-core/model/schema.ts';
import type { RunResult, SeriesResult } from '../../sim-core/run/result.ts';
import { TEST_IDS } from '../state/test-ids.ts';
import { ChartFrame } from './ChartFrame.tsx';
import { Deferred } from './Deferred.tsx';
import { LineChart, Legend } from './charts/LineChart.tsx';
import { fmtNumber, tickNumber } from './format.ts';
import { formatTick, incidentWindows, seriesPanels, seriesTable, type IncidentWindow, type SeriesPanel } from './series.ts';

/**
 * Small multiples over simulated time: throughput, p95, errors, utilisation, queues, replicas,
 * breakers; incidents shaded. In the app each panel mounts on its own turn (Deferred), and its
 * table and geometry are computed only then.
 */
export function TimeSeriesCharts({ run, scenario, staticMode }: { run: RunResult; scenario?: Scenario; staticMode?: boolean }) {
  const s = run.series;
  const windows = incidentWindows(scenario);
  const panels = seriesPanels(s);
  const last = s.t.length > 0 ? s.t[s.t.length - 1] + s.intervalSeconds : run.simulatedSeconds;
  return (
    <div className="series-grid" data-testid={TEST_IDS.timeSeries}>
      {panels.map((panel) => (
        <Deferred key={panel.id} height={250} immediate={staticMode}>
          <SeriesPanelChart panel={panel} series={s} last={last} windows={windows} fileName={`${run.scenario}-${panel.id}`} staticMode={staticMode} />
        </Deferred>
      ))}
      {run.warmupSeconds > 0 ? <p className="muted series-note">The first {fmtNumber(run.warmupSeconds)} s are warm-up: shown here, left out of the statistics.</p> : null}
    </div>
  );
}

function SeriesPanelChart(props: { panel: SeriesPanel; series: SeriesResult; last: number; windows: IncidentWindow[]; fileName: string; staticMode?: boolean }) {
  const { panel, series: s, last, windows, fileName, staticMode } = props;
  return (
    <ChartFrame
      title={panel.title}
      table={seriesTable(panel, s.t)}
      fileName={fileName}
      staticMode={staticMode}
      legend={<Legend names={panel.lines.map((l) => l.name)} incidents={windows.length > 0} />}
    >
      <LineChart
        label={`${panel.title} over simulated time`}
        xLabel="simulated seconds"
        input={{
          // Small multiples: drawn at about the size they show, so 11px labels stay 11px.
          width: 480,
          height: 190,
          // Each value is the interval's mean, drawn at the interval's middle.
          lines: panel.lines.map((l) => ({ name: l.name, points: s.t.map((t, i) => [t + s.intervalSeconds / 2, l.values[i]] as const) })),
          x: { domain: [0, last], format: tickNumber },
          y: { domain: panel.kind === 'percent' && panel.id !== 'errorRate' ? [0, 1] : undefined, format: (v) => formatTick(panel.kind, v), ticks: 4 },
          bands: windows,
        }}
      />
    </ChartFrame>
  );
}
