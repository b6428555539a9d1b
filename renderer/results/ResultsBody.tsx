import type { Scenario } from '../../sim-core/model/schema.ts';
import type { RunResult } from '../../sim-core/run/result.ts';
import { AvailabilityPanel } from './AvailabilityPanel.tsx';
import { CostBreakdown } from './CostBreakdown.tsx';
import { EndpointsTable } from './EndpointsTable.tsx';
import { LatencyCdfChart } from './LatencyCdfChart.tsx';
import { RunSummary } from './RunSummary.tsx';
import { TimeSeriesCharts } from './TimeSeriesCharts.tsx';

/** Everything about one RunResult, from props only: the app's results view and the exported report both render this. */
export function ResultsBody({ run, scenario, staticMode }: { run: RunResult; scenario?: Scenario; staticMode?: boolean }) {
  return (
    <div className="results-body">
      <RunSummary run={run} />
      <EndpointsTable run={run} staticMode={staticMode} />
      <section className="results-section">
        <h3>Latency</h3>
        <LatencyCdfChart run={run} staticMode={staticMode} />
      </section>
      <section className="results-section">
        <h3>Over time</h3>
        <TimeSeriesCharts run={run} scenario={scenario} staticMode={staticMode} />
      </section>
      <AvailabilityPanel run={run} />
      <CostBreakdown run={run} staticMode={staticMode} />
    </div>
  );
}
