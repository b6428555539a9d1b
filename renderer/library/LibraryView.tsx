import { openText } from '../shell/actions.ts';
import { TEST_IDS } from '../state/test-ids.ts';
import type { LibraryEntry } from './describe-example.ts';
import { CASE_STUDIES, EXAMPLES } from './examples.ts';

/** The library: the bundled examples and case-study replays as cards; a click opens one as a new document. */
export function LibraryView() {
  return (
    <section className="library" aria-labelledby="library-title">
      <div className="library-head">
        <h1 id="library-title">Library</h1>
        <p className="muted">Start from an example: each assumption is commented with where it comes from. Opening one makes a copy you can edit and save.</p>
      </div>
      <h2 className="library-section">Examples</h2>
      <Cards entries={EXAMPLES} />
      <h2 className="library-section">Case studies</h2>
      {CASE_STUDIES.length > 0 ? (
        <Cards entries={CASE_STUDIES} />
      ) : (
        <p className="muted">Replays of published migration case studies (before, after and the phases between) will appear here.</p>
      )}
    </section>
  );
}

function Cards({ entries }: { entries: readonly LibraryEntry[] }) {
  return (
    <ul className="library-grid">
      {entries.map((e) => (
        <li key={e.id}>
          <button type="button" className="library-card" data-testid={TEST_IDS.libraryItem} data-name={e.id} onClick={() => openText(e.fileName, e.text)}>
            <span className="library-title">{e.title}</span>
            <span className="library-file">{e.fileName}</span>
            <span className="library-summary">{e.summary}</span>
            <span className="library-facts">
              {e.components} components{e.workload ? ` · ${e.workload}` : ''}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}
