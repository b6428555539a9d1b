import { openText } from '../shell/actions.ts';
import { TEST_IDS } from '../state/test-ids.ts';
import { EXAMPLES } from './examples.ts';

/** The library: the bundled examples as cards; a click opens one as a new document. */
export function LibraryView() {
  return (
    <section className="library" aria-labelledby="library-title">
      <div className="library-head">
        <h1 id="library-title">Library</h1>
        <p className="muted">Start from an example: each assumption is commented with where it comes from. Opening one makes a copy you can edit and save.</p>
      </div>
      <ul className="library-grid">
        {EXAMPLES.map((e) => (
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
    </section>
  );
}
