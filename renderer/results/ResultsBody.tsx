import { memo } from 'react';
import type { Scenario } from '../../sim-core/model/schema.ts';
import type { RunResult } from '../../sim-core/run/result.ts';
import { AvailabilityPanel } from './AvailabilityPanel.tsx';
import { CostBreakdown } from './CostBreakdown.tsx';
import { Deferred } from './Deferred.tsx';
import { EndpointsTable } from './EndpointsTable.tsx';
import { LatencyCdfChart } from './LatencyCdfChart.tsx';
import { RunSummary } from './RunSummary.tsx';
import { TimeSeriesCharts } from './TimeSeriesCharts.tsx';

/**
 * Everything about one RunResult, from props only: the app's results view and the exported
 * report both render this. In the app the summary, the endpoint table and the CDF come at once
 * and the other charts and panels after, one per frame (Deferred), so the page's thread is never held long;
 * the static report renders everything in one go. Memoised: a run's progress re-renders the
 * view, not the previous result's charts.
 */
export const ResultsBody = memo(function ResultsBody({ run, scenario, staticMode }: { run: RunResult; scenario?: Scenario; staticMode?: boolean }) {
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
      <Deferred height={260} immediate={staticMode}>
        <AvailabilityPanel run={run} />
      </Deferred>
      <Deferred height={300} immediate={staticMode}>
        <CostBreakdown run={run} staticMode={staticMode} />
      </Deferred>
    </div>
  );
});
