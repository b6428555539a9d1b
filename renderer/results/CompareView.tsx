import { useStore } from '../state/store.ts';
import { CompareBody } from './CompareBody.tsx';
import { identityKey } from './mount-queue.ts';
import './results.css';

/** The latest comparison (2–4 documents, paired replications). */
export function CompareView() {
  const comparison = useStore((s) => s.comparison);
  const documents = useStore((s) => s.documents);
  if (!comparison) {
    return (
      <section className="results-view results-empty">
        <p className="muted">Tick 2–4 open scenarios for comparison and press Compare: they run with the same seed and replications, so differences are paired.</p>
      </section>
    );
  }
  if (comparison.status === 'failed') {
    return (
      <section className="results-view results-empty">
        <p className="warning">The comparison failed: {comparison.error ?? 'unknown error'}</p>
      </section>
    );
  }
  if (!comparison.result) {
    return (
      <section className="results-view results-empty">
        <p className="muted">Comparing {comparison.documentIds.map((id) => documents[id]?.name ?? id).join(', ')}…</p>
      </section>
    );
  }
  const names = comparison.documentIds.map((id, i) => documents[id]?.name ?? comparison.result!.scenarios[i]?.scenario ?? id);
  return (
    <section className="results-view">
      <header className="results-header">
        <h2>Comparison</h2>
      </header>
      <CompareBody key={identityKey(comparison.result)} comparison={comparison.result} names={names} />
    </section>
  );
}
