import type { ReplayReport } from '../../sim-core/case-study/replay.ts';
import { formatSpan } from '../../sim-core/cli/format-units.ts';
import type { CaseStudyEntry } from '../library/case-study-library.ts';
import { CellText, CsvButton } from '../results/DataTable.tsx';
import { useStore } from '../state/store.ts';
import { TEST_IDS } from '../state/test-ids.ts';
import { LedgerPanel } from './LedgerPanel.tsx';
import { CHECK_BADGES, checksTable, FIGURE_BADGES, replaySummary, verdictTable } from './replay-tables.ts';
import { QUICK_NOTE } from './quick-run.ts';
import { RunControls } from './RunControls.tsx';
import { VerdictBadge } from './VerdictBadge.tsx';

/**
 * A case study's replay (the app's `archsim replay`): quick or full, run in the study worker;
 * then the verdict table — reported against simulated ± 95%, a verdict per figure with its quote
 * and, where not reproduced or not modelled, why — the plausibility checks with their working,
 * and the assumption ledger of every scenario.
 */
export function ReplayPanel({ study }: { study: CaseStudyEntry }) {
  const run = useStore((s) => s.replays[study.slug]);
  const startReplay = useStore((s) => s.startReplay);
  const cancel = useStore((s) => s.cancelCaseStudy);
  const disabled = !study.manifest ? (study.manifestErrors.length > 0 ? 'The case-study.yaml has errors (listed above): fix them to replay.' : 'This study has no case-study.yaml yet: nothing to replay.') : undefined;
  const report = run?.report;
  return (
    <div className="cs-panel">
      <RunControls run={run} what="replay" disabled={disabled} onStart={(quick) => void startReplay(study, quick)} onCancel={() => cancel(study.slug, 'replay')} />
      {run?.status === 'failed' ? (
        <pre className="cs-error" data-testid={TEST_IDS.caseStudyError}>
          The replay failed: {run.error ?? 'unknown error'}
        </pre>
      ) : null}
      {run?.status === 'cancelled' ? <p className="muted">The replay was cancelled: a replay reports only when every scenario has run.</p> : null}
      {report ? <ReplayResults slug={study.slug} report={report} quick={run.quick} running={run.status === 'running'} wallSeconds={run.wallSeconds} /> : null}
      <LedgerPanel study={study} />
    </div>
  );
}

function ReplayResults({ slug, report: r, quick, running, wallSeconds }: { slug: string; report: ReplayReport; quick: boolean; running: boolean; wallSeconds?: number }) {
  const table = verdictTable(r);
  return (
    <>
      <section className="results-section" aria-labelledby="cs-verdicts">
        <div className="section-head">
          <h3 id="cs-verdicts">
            Reported against simulated
            {quick ? <span className="cs-quick-tag" title={QUICK_NOTE}>quick · rough</span> : null}
          </h3>
          <CsvButton table={table} fileName={`${slug}-replay${quick ? '-quick' : ''}`} />
        </div>
        {running ? <p className="muted">A newer replay is running; these are the previous results.</p> : null}
        <p className="cs-summary">{replaySummary(r)}</p>
        <p className="muted cs-ran">
          Ran {r.scenarios.map((s) => `${s.name} (${s.file}, ${s.replications} × ${formatSpan(s.simulatedSeconds * 1000)})`).join(', ')}
          {wallSeconds !== undefined ? ` in ${wallSeconds.toFixed(1)} s` : ''}.
          {quick ? ' Quick numbers are rough: wider intervals, fewer rare events — run the full replay before quoting a verdict.' : ''}
        </p>
        <div className="results-table-wrap">
          <table className="results-table cs-verdict-table" data-testid={TEST_IDS.verdictTable}>
            <thead>
              <tr>
                <th scope="col">figure</th>
                <th scope="col">scenario</th>
                <th scope="col" className="num">reported</th>
                <th scope="col" className="num">simulated ±95%</th>
                <th scope="col">verdict</th>
              </tr>
            </thead>
            <tbody>
              {r.figures.map((f, i) => (
                <tr key={i} data-testid={TEST_IDS.verdictRow} data-verdict={f.verdict}>
                  <th scope="row">
                    <span className="cs-figure">{f.figure}</span>
                    {f.metric ? <span className="cs-metric">{f.metric}</span> : null}
                    <q className="cs-quote">{f.quote}</q>
                  </th>
                  <td>{f.scenario}</td>
                  <td className="num">{f.reported}</td>
                  <td className="num">{f.simulated === '' ? '—' : <CellText text={f.simulated} />}</td>
                  <td className="cs-verdict-cell">
                    <VerdictBadge badge={FIGURE_BADGES[f.verdict]} />
                    {f.why !== undefined && (f.verdict !== 'reproduced' || f.metric === 'sustains') ? <span className="cs-why">{f.why}</span> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="muted table-note">Reproduced: within ±15% of the reported value (for uptime and availability, of the downtime), or the reported value inside the simulated 95% interval.</p>
      </section>
      <Checks slug={slug} report={r} />
    </>
  );
}

function Checks({ slug, report: r }: { slug: string; report: ReplayReport }) {
  if (r.checks.length === 0) return null;
  const table = checksTable(r);
  return (
    <section className="results-section" aria-labelledby="cs-checks">
      <div className="section-head">
        <h3 id="cs-checks">Plausibility checks</h3>
        <CsvButton table={table} fileName={`${slug}-checks`} />
      </div>
      <p className="muted">Arithmetic on the text's own numbers (with a scenario's simulated demand where a check names one); none needs calibration. An implausible claim is a finding, not an error.</p>
      <ol className="cs-checks" data-testid={TEST_IDS.plausibilityChecks}>
        {r.checks.map((c, i) => (
          <li key={i} className="cs-check" data-testid={TEST_IDS.checkItem} data-verdict={c.verdict}>
            <div className="cs-check-head">
              <span className="cs-check-title">{c.title}</span>
              <VerdictBadge badge={CHECK_BADGES[c.verdict]} />
              <span className="cs-check-kind">{c.check}</span>
            </div>
            <p className="cs-check-why">{c.why}</p>
            <pre className="cs-working">{c.working.join('\n')}</pre>
            <q className="cs-quote">{c.quote}</q>
          </li>
        ))}
      </ol>
    </section>
  );
}
