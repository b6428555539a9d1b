import { useDeferredValue, useEffect, type ReactNode } from 'react';
import { perfMark } from '../sim/perf-marks.ts';
import { useStore } from '../state/store.ts';
import { identityKey } from './mount-queue.ts';
import { ResultsBody } from './ResultsBody.tsx';
import { SweepSection } from './SweepView.tsx';
import './results.css';

/**
 * The results of the active document's latest run. Selects the run's fields one by one, so the
 * progress ticks of a newer run (which replace the run object ~4 times a second) re-render only
 * what changed; a new result gets a new key, so its charts mount progressively again.
 */
export function ResultsView() {
  const status = useStore((s) => (s.activeId ? s.runs[s.activeId]?.status : undefined));
  const error = useStore((s) => (s.activeId ? s.runs[s.activeId]?.error : undefined));
  // The store's update is synchronous (useSyncExternalStore); the deferred copy renders the new
  // result in a transition, which React splits into ~5 ms slices instead of one long task.
  const result = useDeferredValue(useStore((s) => (s.activeId ? s.runs[s.activeId]?.result : undefined)));
  const activeId = useStore((s) => s.activeId);
  const name = useStore((s) => (s.activeId ? s.documents[s.activeId]?.name : undefined));
  const scenario = useStore((s) => (s.activeId ? s.documents[s.activeId]?.scenario : undefined));
  useEffect(() => {
    if (result) perfMark('results-shown');
  }, [result]);
  if (name === undefined || !activeId) return <Empty>Open a scenario to run it.</Empty>;
  const sweep = <SweepSection key={activeId} documentId={activeId} scenario={scenario} />;
  if (!status) return <Empty sweep={sweep}>Run {name} to see its results.</Empty>;
  if (status === 'failed') {
    return (
      <Empty sweep={sweep}>
        <span className="warning">The run failed: {error ?? 'unknown error'}</span>
      </Empty>
    );
  }
  if (!result) return <Empty sweep={sweep}>{status === 'running' ? 'Running… the results appear when the replications finish.' : 'The run was cancelled before any replication completed.'}</Empty>;
  return (
    <section className="results-view">
      <header className="results-header">
        <h2>{result.scenario}</h2>
        {status === 'running' ? <span className="muted">a newer run is in progress</span> : null}
      </header>
      <ResultsBody key={identityKey(result)} run={result} scenario={scenario} />
      {sweep}
    </section>
  );
}

function Empty({ children, sweep }: { children: ReactNode; sweep?: ReactNode }) {
  return (
    <section className={sweep ? 'results-view' : 'results-view results-empty'}>
      <p className="muted">{children}</p>
      {sweep}
    </section>
  );
}
