import type { ComparisonResult } from '../../sim-core/run/compare.ts';
import type { ScenarioDocument, RunState } from '../state/store-types.ts';
import { CompareBody } from '../results/CompareBody.tsx';
import { ResultsBody } from '../results/ResultsBody.tsx';
import { TopologyPicture } from './TopologyPicture.tsx';

/** The report's <main>: title and date, the topology, assumptions (the scenario text, comments and all), results, comparison. */
export function ReportDocument(props: { doc: ScenarioDocument; run: RunState | undefined; comparison?: ComparisonResult; names?: readonly string[]; date: Date }) {
  const { doc, run, comparison, names, date } = props;
  const result = run?.result;
  return (
    <main>
      <header>
        <h1>{doc.scenario?.name ?? doc.name}</h1>
        <p className="muted">
          archsim report · {doc.name} · generated {date.toISOString().slice(0, 16).replace('T', ' ')} UTC
        </p>
      </header>
      <section>
        <h2>Topology</h2>
        <TopologyPicture doc={doc} />
      </section>
      <section>
        <h2>Assumptions</h2>
        <p className="muted">The scenario exactly as simulated, with its comments.</p>
        <pre className="assumptions">{doc.text}</pre>
      </section>
      <section>
        <h2>Results</h2>
        {result ? <ResultsBody run={result} scenario={doc.scenario} staticMode /> : <p className="muted">{run?.status === 'failed' ? `The run failed: ${run.error ?? 'unknown error'}` : 'Not run yet: run the scenario to include its results.'}</p>}
      </section>
      {comparison ? (
        <section>
          <h2>Comparison</h2>
          <CompareBody comparison={comparison} names={names} staticMode />
        </section>
      ) : null}
    </main>
  );
}
