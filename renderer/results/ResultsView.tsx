import type { ReactNode } from 'react';
import { useStore } from '../state/store.ts';
import { ResultsBody } from './ResultsBody.tsx';
import './results.css';

/** The results of the active document's latest run. */
export function ResultsView() {
  const run = useStore((s) => (s.activeId ? s.runs[s.activeId] : undefined));
  const doc = useStore((s) => (s.activeId ? s.documents[s.activeId] : undefined));
  if (!doc) return <Empty>Open a scenario to run it.</Empty>;
  if (!run) return <Empty>Run {doc.name} to see its results.</Empty>;
  if (run.status === 'failed') {
    return (
      <Empty>
        <span className="warning">The run failed: {run.error ?? 'unknown error'}</span>
      </Empty>
    );
  }
  if (!run.result) return <Empty>{run.status === 'running' ? 'Running… the results appear when the replications finish.' : 'The run was cancelled before any replication completed.'}</Empty>;
  return (
    <section className="results-view">
      <header className="results-header">
        <h2>{run.result.scenario}</h2>
        {run.status === 'running' ? <span className="muted">a newer run is in progress</span> : null}
      </header>
      <ResultsBody run={run.result} scenario={doc.scenario} />
    </section>
  );
}

function Empty({ children }: { children: ReactNode }) {
  return (
    <section className="results-view results-empty">
      <p className="muted">{children}</p>
    </section>
  );
}
