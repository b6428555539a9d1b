import type { RunResult } from '../../sim-core/run/result.ts';
import { TEST_IDS } from '../state/test-ids.ts';
import { DataTable } from './DataTable.tsx';
import { fmtDowntime, fmtPercent, withCi } from './format.ts';
import { availabilityTable, componentAvailabilityTable } from './run-tables.ts';

/** Headline availability figures, then the table (the run's own, and the uptime study's per year when failures are modelled). */
export function AvailabilityPanel({ run }: { run: RunResult }) {
  const u = run.uptimeStudy;
  const o = run.overall;
  return (
    <section className="results-section" data-testid={TEST_IDS.availability}>
      <h3>Availability</h3>
      <div className="figures">
        {u ? (
          <>
            <Figure label="availability per year (requests within SLO)" value={withCi('percent', u.availability.mean, u.availability.halfWidth)} />
            <Figure label="downtime per year" value={`${fmtDowntime(u.downtimeMinutesPerYear.mean)}`} detail={`±${fmtDowntime(u.downtimeMinutesPerYear.halfWidth)}`} />
            <Figure label={`uptime per year (minutes ≥ ${fmtPercent(u.threshold)} good)`} value={withCi('percent', u.uptime.mean, u.uptime.halfWidth)} />
          </>
        ) : null}
        <Figure label="this run: minutes up" value={fmtPercent(o.uptime)} />
        <Figure label="this run: requests within SLO" value={withCi('percent', o.sloShare, o.ci95?.sloShare)} />
      </div>
      {u ? null : <p className="muted">No failures, zone failures or deploys are modelled, so there is no yearly figure: the run's own uptime is shown.</p>}
      <DataTable table={availabilityTable(run)} />
      {u && Object.keys(u.components).length > 0 ? (
        <details>
          <summary>Component availability</summary>
          <DataTable table={componentAvailabilityTable(u)} />
        </details>
      ) : null}
    </section>
  );
}

function Figure({ label, value, detail }: { label: string; value: string; detail?: string }) {
  return (
    <div className="figure">
      <div className="figure-value">{value}</div>
      {detail ? <div className="figure-detail">{detail}</div> : null}
      <div className="figure-label">{label}</div>
    </div>
  );
}
