import { useState } from 'react';
import type { RunResult } from '../../sim-core/run/result.ts';
import { TEST_IDS } from '../state/test-ids.ts';
import { CsvButton, DataTable } from './DataTable.tsx';
import { endpointsTable, errorCausesTable } from './run-tables.ts';

/** The endpoint table (± = 95% CI half-width); error causes on hover and in an expandable table. */
export function EndpointsTable({ run, staticMode }: { run: RunResult; staticMode?: boolean }) {
  const [showCauses, setShowCauses] = useState(false);
  const table = endpointsTable(run);
  const causes = errorCausesTable(run);
  const hasErrors = causes.columns.length > 1;
  return (
    <section className="results-section">
      <div className="section-head">
        <h3>Endpoints</h3>
        {staticMode ? null : (
          <span className="chart-actions">
            {hasErrors ? (
              <button type="button" className="chart-action" aria-expanded={showCauses} onClick={() => setShowCauses(!showCauses)}>
                {showCauses ? 'Hide error causes' : 'Error causes'}
              </button>
            ) : null}
            <CsvButton table={table} fileName={`${run.scenario}-endpoints`} />
          </span>
        )}
      </div>
      <DataTable table={table} testId={TEST_IDS.resultsTable} />
      {hasErrors && (showCauses || staticMode) ? <DataTable table={causes} caption /> : null}
      <p className="muted table-note">
        {run.replications > 1 ? `± is the 95% confidence half-width over ${run.replications} replications. ` : 'One replication: no confidence intervals. '}
        Latency is of successful requests; goodput counts successes within the SLO.
      </p>
    </section>
  );
}
