import { openText } from '../shell/actions.ts';
import { TEST_IDS } from '../state/test-ids.ts';
import { CaseStudyCard } from './CaseStudyCard.tsx';
import type { LibraryEntry } from './describe-example.ts';
import { CASE_STUDIES, EXAMPLES } from './examples.ts';

/**
 * The library: the bundled examples as cards (a click opens one as a new document), then the
 * case studies, one card per study with its scenario files, its replay and its migration.
 */
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
      <p className="muted library-note">Published fintech migrations as scenarios: replay one to see which of its reported figures a simulation reproduces, and which claims look implausible.</p>
      {CASE_STUDIES.length > 0 ? (
        <ul className="library-grid">
          {CASE_STUDIES.map((c) => (
            <li key={c.slug}>
              <CaseStudyCard study={c} />
            </li>
          ))}
        </ul>
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
