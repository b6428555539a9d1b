import { formatDuration, formatRate } from '../sim/run-progress.ts';
import type { CaseStudyRun } from '../state/case-study-slice.ts';
import { TEST_IDS } from '../state/test-ids.ts';
import { QUICK_NOTE, QUICK_REPLICATIONS } from './quick-run.ts';

/**
 * The quick and full buttons of a replay or a migration, what the quick version means, and while
 * it runs its progress (which scenario or stage, how far, events/s) with a cancel button.
 */
export function RunControls<R>(props: { run: CaseStudyRun<R> | undefined; what: string; onStart: (quick: boolean) => void; onCancel: () => void; disabled?: string }) {
  const { run, what, onStart, onCancel, disabled } = props;
  const running = run?.status === 'running';
  const p = run?.progress;
  const overall = p ? (p.step + Math.min(1, p.fraction)) / Math.max(1, p.steps) : 0;
  return (
    <div className="cs-controls">
      <div className="cs-buttons">
        {running ? (
          <button type="button" className="danger" data-testid={TEST_IDS.caseStudyCancel} onClick={onCancel}>
            Cancel
          </button>
        ) : (
          <>
            <button type="button" className="primary" data-testid={TEST_IDS.caseStudyQuick} disabled={disabled !== undefined} title={disabled ?? QUICK_NOTE} onClick={() => onStart(true)}>
              ▶ Quick {what}
            </button>
            <button type="button" data-testid={TEST_IDS.caseStudyFull} disabled={disabled !== undefined} title={disabled ?? 'Every scenario with its own run settings'} onClick={() => onStart(false)}>
              ▶ Full {what}
            </button>
          </>
        )}
        {running ? (
          <div className="cs-progress" data-testid={TEST_IDS.caseStudyProgress} role="status" aria-live="polite">
            <div className="progress-track" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(overall * 100)}>
              <div className="progress-fill" style={{ width: `${(overall * 100).toFixed(1)}%` }} />
            </div>
            <span className="progress-text">
              {p
                ? `${run.quick ? 'Quick' : 'Full'} ${what}: ${p.stage} (${p.step + 1} of ${p.steps}) · ${Math.round(p.fraction * 100)}% · ${formatRate(p.eventsPerSecond)}${Number.isFinite(p.etaMs) ? ` · ETA ${formatDuration(p.etaMs)}` : ''}`
                : `${run.quick ? 'Quick' : 'Full'} ${what}: validating the scenarios and starting the workers…`}
            </span>
          </div>
        ) : null}
      </div>
      <p className="muted cs-note">
        {disabled ?? <><strong>Quick</strong> runs {QUICK_REPLICATIONS} replications and half the measured time of every scenario: its numbers are rough, for a first look. <strong>Full</strong> runs each scenario as its file says; verdicts should be quoted from it.</>}
      </p>
    </div>
  );
}
