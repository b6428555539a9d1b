import { formatDuration, formatRate } from '../sim/run-progress.ts';
import { useStore } from '../state/store.ts';
import type { RunProgress } from '../state/store-types.ts';
import { TEST_IDS } from '../state/test-ids.ts';

/** The running study's progress (the active document's run, or the comparison on the compare view). */
export function ProgressBar() {
  const compareView = useStore((s) => s.view === 'compare');
  const running = useStore((s) => (compareView ? s.comparison?.status === 'running' : !!s.activeId && s.runs[s.activeId]?.status === 'running'));
  const progress = useStore((s): RunProgress | undefined => (compareView ? s.comparison?.progress : s.activeId ? s.runs[s.activeId]?.progress : undefined));
  const state = running ? { label: compareView ? 'Comparing' : 'Running', progress } : undefined;
  if (!state) return null;
  const p = state.progress;
  const fraction = p && p.durationMs > 0 ? Math.min(1, p.simulatedMs / p.durationMs) : 0;
  return (
    <div className="progress" data-testid={TEST_IDS.progress} role="status" aria-live="polite">
      <div className="progress-track" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(fraction * 100)}>
        <div className="progress-fill" style={{ width: `${(fraction * 100).toFixed(1)}%` }} />
      </div>
      <span className="progress-text">
        {p ? `${state.label}: simulated ${formatDuration(p.simulatedMs)} of ${formatDuration(p.durationMs)} · replication ${Math.min(p.replicationsDone + 1, p.replications)} of ${p.replications} · ${formatRate(p.eventsPerSecond)} · ETA ${formatDuration(p.etaSeconds * 1000)}` : `${state.label}: starting workers…`}
      </span>
    </div>
  );
}
