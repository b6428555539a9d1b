import type { MigrationReport } from '../../sim-core/case-study/run-migration.ts';
import type { CaseStudyEntry } from '../library/case-study-library.ts';
import { ChartFrame } from '../results/ChartFrame.tsx';
import { CsvButton, DataTable } from '../results/DataTable.tsx';
import { fmtMs, fmtUsd, tickPercent } from '../results/format.ts';
import { useStore } from '../state/store.ts';
import { TEST_IDS } from '../state/test-ids.ts';
import { QUICK_NOTE } from './quick-run.ts';
import { RunControls } from './RunControls.tsx';
import { TimelineChart, TimelineLegend } from './TimelineChart.tsx';
import { changeTable, formatEstimate, LOG_SPREAD, migrationTable, phaseLabels, timelinePanels, type TimelinePanel } from './timeline-model.ts';

const CHART = { width: 420, height: 230 };

/**
 * A study's migration as one timeline (the app's `archsim migrate`): every phase on common
 * random numbers, run in the study worker; small multiples of latency, uptime and monthly cost
 * along the phases, the phase table and the paired changes from the first phase.
 */
export function MigrationPanel({ study }: { study: CaseStudyEntry }) {
  const run = useStore((s) => s.migrations[study.slug]);
  const start = useStore((s) => s.startMigration);
  const cancel = useStore((s) => s.cancelCaseStudy);
  const report = run?.report;
  return (
    <div className="cs-panel">
      <RunControls run={run} what="migration" disabled={study.migration ? undefined : 'This study has no migration.yaml.'} onStart={(quick) => void start(study, quick)} onCancel={() => cancel(study.slug, 'migration')} />
      {run?.status === 'failed' ? (
        <pre className="cs-error" data-testid={TEST_IDS.caseStudyError}>
          The migration failed: {run.error ?? 'unknown error'}
        </pre>
      ) : null}
      {run?.status === 'cancelled' && !report ? <p className="muted">The migration was cancelled before every phase completed a replication.</p> : null}
      {report ? <Timeline slug={study.slug} report={report} quick={run.quick} running={run.status === 'running'} wallSeconds={run.wallSeconds} /> : null}
    </div>
  );
}

function Timeline({ slug, report: m, quick, running, wallSeconds }: { slug: string; report: MigrationReport; quick: boolean; running: boolean; wallSeconds?: number }) {
  const labels = phaseLabels(m);
  const panels = timelinePanels(m);
  const phases = migrationTable(m);
  const changes = changeTable(m);
  const n = m.comparison.replications.length;
  const file = `${slug}-migration${quick ? '-quick' : ''}`;
  return (
    <>
      <section className="results-section" aria-labelledby="cs-timeline">
        <div className="section-head">
          <h3 id="cs-timeline">
            {m.name}
            {quick ? <span className="cs-quick-tag" title={QUICK_NOTE}>quick · rough</span> : null}
          </h3>
        </div>
        {running ? <p className="muted">A newer run is in progress; these are the previous results.</p> : null}
        <p className="muted">
          {m.phases.length} phases, {n} paired replication{n === 1 ? '' : 's'} with common random numbers (seed {m.comparison.seed})
          {wallSeconds !== undefined ? `, ${wallSeconds.toFixed(1)} s` : ''}. Points are means; whiskers the 95% interval over replications.
          {quick ? ' Quick numbers are rough: run the full migration before quoting them.' : ''}
        </p>
        {m.comparison.partial ? <p className="warning">Cancelled: the figures cover the {n} replications every phase completed.</p> : null}
        <ol className="cs-phases">
          {m.phases.map((p, i) => (
            <li key={i}>
              <span className="cs-phase-name">{labels[i]}</span>
              <span className="cs-phase-changes">{p.changes.join('; ')}</span>
            </li>
          ))}
        </ol>
        <div className="cs-multiples" data-testid={TEST_IDS.migrationTimeline}>
          {panels.map((panel) => (
            <Panel key={panel.id} panel={panel} labels={labels} fileName={`${file}-${panel.id}`} />
          ))}
        </div>
      </section>
      <section className="results-section" data-testid={TEST_IDS.migrationTable}>
        <div className="section-head">
          <h3>Every phase</h3>
          <CsvButton table={phases} fileName={file} />
        </div>
        <div className="cs-phase-table">
          <DataTable table={phases} />
        </div>
        <div className="section-head cs-change-head">
          <h3>Paired change from {labels[0]}</h3>
          <CsvButton table={changes} fileName={`${file}-changes`} />
        </div>
        <DataTable table={changes} />
        <p className="muted table-note">
          Each phase against the first, replication by replication (the same random numbers in every phase), so the change is the phase's own effect; coloured where the 95% interval excludes no change. Latency is of successful requests.
        </p>
      </section>
    </>
  );
}

function Panel({ panel, labels, fileName }: { panel: TimelinePanel; labels: string[]; fileName: string }) {
  const format = (v: number, h?: number) => formatEstimate(v, h, panel.unit);
  const tick = panel.unit === 'ms' ? fmtMs : panel.unit === 'ratio' ? tickPercent : fmtUsd;
  const names = panel.series.map((s) => s.name);
  return (
    <ChartFrame title={panel.title} table={panel.table} fileName={fileName} legend={<TimelineLegend names={names} mode={panel.mode} />}>
      <TimelineChart
        label={`${panel.title} per phase: ${names.join(', ')} for each of ${labels.length} phases`}
        format={format}
        input={{ ...CHART, phases: labels, series: panel.series, mode: panel.mode, y: { zero: panel.unit !== 'ratio', log: panel.log, ...(panel.unit === 'ratio' ? { max: 1 } : {}), format: tick, ticks: 4 } }}
      />
      {panel.log ? <p className="muted cs-panel-note">Log scale: the phases' latencies differ by more than {LOG_SPREAD}×.</p> : null}
      {panel.note ? <p className="muted cs-panel-note">{panel.note}</p> : null}
    </ChartFrame>
  );
}
