import type { Scenario } from '../../sim-core/model/schema.ts';
import { ChartFrame } from './ChartFrame.tsx';
import { LineChart, Legend } from './charts/LineChart.tsx';
import { CsvButton, DataTable } from './DataTable.tsx';
import { Deferred } from './Deferred.tsx';
import { fmtNumber } from './format.ts';
import { formatTick } from './series.ts';
import { axisLabel, defaultForm, firstKnee, fmtAxis, kneeBand, kneeSentence, sweepPanels, sweepTable, varyOf, type SweepForm, type SweepSummary } from './sweep-model.ts';
import { useSweeps } from './sweep-state.ts';
import { TEST_IDS } from '../state/test-ids.ts';

/**
 * The sweep section of the results view: a form (users or arrivals from a start to an end in n
 * steps), run in the study worker like `archsim sweep`, then throughput, p95/p99 and error rate
 * against the swept value with the knee shaded, the knees in words and the table.
 */
export function SweepSection({ documentId, scenario }: { documentId: string; scenario?: Scenario }) {
  const sweep = useSweeps((s) => s.sweeps[documentId]);
  const start = useSweeps((s) => s.start);
  const cancel = useSweeps((s) => s.cancel);
  const draft = useSweeps((s) => s.drafts[documentId]);
  const setDraft = useSweeps((s) => s.setDraft);
  const setForm = (form: SweepForm) => setDraft(documentId, form);
  const shown = draft ?? sweep?.form ?? (scenario ? defaultForm(scenario) : undefined);
  const running = sweep?.status === 'running';
  const problem = shown ? varyOf(shown).error : undefined;
  return (
    <section className="results-section sweep" aria-labelledby="sweep-title">
      <h3 id="sweep-title">Sweep</h3>
      <p className="muted">Runs the scenario at several loads (same seed and replications at each, so the curve is smooth) and marks the knee: the first load where an endpoint breaks its SLO.</p>
      {!scenario || !shown ? (
        <p className="muted">Fix the scenario's errors to sweep it.</p>
      ) : (
        <form
          className="sweep-form"
          data-testid={TEST_IDS.sweepForm}
          onSubmit={(e) => {
            e.preventDefault();
            if (!problem) void start(documentId, scenario, shown);
          }}
        >
          <label>
            <span>{shown.axis === 'users' ? 'Users' : 'Arrivals (/s)'} from</span>
            <input type="number" min={1} value={shown.from} disabled={running} onChange={(e) => setForm({ ...shown, from: e.target.valueAsNumber })} />
          </label>
          <label>
            <span>to</span>
            <input type="number" min={1} value={shown.to} disabled={running} onChange={(e) => setForm({ ...shown, to: e.target.valueAsNumber })} />
          </label>
          <label>
            <span>in steps</span>
            <input type="number" min={2} max={20} value={shown.steps} disabled={running} onChange={(e) => setForm({ ...shown, steps: e.target.valueAsNumber })} />
          </label>
          {running ? (
            <button type="button" onClick={() => cancel(documentId)}>
              Cancel sweep ({Math.round((sweep?.fraction ?? 0) * 100)}%)
            </button>
          ) : (
            <button type="submit" className="primary" disabled={problem !== undefined} title={problem}>
              Run sweep
            </button>
          )}
          {problem ? <span className="warning">{problem}</span> : null}
        </form>
      )}
      {sweep?.status === 'failed' ? <p className="warning">The sweep failed: {sweep.error ?? 'unknown error'}</p> : null}
      {sweep?.status === 'cancelled' && !sweep.summary ? <p className="muted">The sweep was cancelled.</p> : null}
      {sweep?.summary ? <SweepResults summary={sweep.summary} /> : null}
    </section>
  );
}

function SweepResults({ summary: s }: { summary: SweepSummary }) {
  const table = sweepTable(s);
  const bands = kneeBand(s);
  const knee = firstKnee(s);
  return (
    <div className="sweep-results" data-testid={TEST_IDS.sweepResults}>
      <p className="muted">
        {s.points.length} points × {s.replications} replication{s.replications === 1 ? '' : 's'} (seed {s.seed}) in {fmtNumber(s.wallSeconds)} s. ± is the 95% half-width.
        {s.partial ? ' Cancelled: some points lack replications.' : ''}
      </p>
      <ul className="verdicts">
        {knee ? <li className="tone-worse">Knee: {kneeSentence(knee, s)}.</li> : <li className="tone-better">No endpoint breaks its SLO over this range.</li>}
        {s.knees.filter((k) => k !== knee).map((k) => (
          <li key={`${k.endpoint}-${JSON.stringify(k.fixed)}`}>{kneeSentence(k, s)}.</li>
        ))}
      </ul>
      <div className="series-grid">
        {sweepPanels(s).map((panel) => (
          <Deferred key={panel.id} height={250}>
            <ChartFrame title={`${panel.title} vs ${axisLabel(s)}`} table={table} fileName={`${s.scenario}-sweep-${panel.id}`} legend={<Legend names={panel.lines.map((l) => l.name)} incidents={false} />}>
              <LineChart
                label={`${panel.title} against ${axisLabel(s)}, the knee shaded`}
                xLabel={axisLabel(s)}
                input={{ width: 480, height: 190, lines: panel.lines, x: { format: (v) => fmtAxis(s, v) }, y: { format: (v) => formatTick(panel.kind, v), ticks: 4 }, bands }}
              />
            </ChartFrame>
          </Deferred>
        ))}
      </div>
      {bands.length > 0 ? <p className="muted series-note">The shaded window is the knee: between the last load that met every SLO and the first that broke one.</p> : null}
      <div className="section-head">
        <h4>Points</h4>
        <CsvButton table={table} fileName={`${s.scenario}-sweep`} />
      </div>
      <DataTable table={table} />
    </div>
  );
}
