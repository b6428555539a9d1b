import { isDirty } from '../state/documents-slice.ts';
import { useStore } from '../state/store.ts';
import { TEST_IDS } from '../state/test-ids.ts';
import type { MainView } from '../state/store-types.ts';
import { closeDocument } from './actions.ts';

const VIEWS: Array<{ view: MainView; label: string; testId?: string }> = [
  { view: 'canvas', label: 'Topology', testId: TEST_IDS.canvasTab },
  { view: 'yaml', label: 'Source', testId: TEST_IDS.yamlTab },
  { view: 'results', label: 'Results', testId: TEST_IDS.resultsTab },
  { view: 'compare', label: 'Compare', testId: TEST_IDS.compareTab },
];

/** One tab per open document (dirty marker, compare tick, close), then the view switcher. */
export function DocumentTabs() {
  const ids = useStore((s) => Object.keys(s.documents).join('\n'));
  const view = useStore((s) => s.view);
  const setView = useStore((s) => s.setView);
  const hasDoc = ids.length > 0;
  return (
    <nav className="tabs-bar" aria-label="Documents">
      <div className="doc-tabs" role="tablist">
        {hasDoc ? ids.split('\n').map((id) => <DocumentTab key={id} id={id} />) : <span className="muted tabs-empty">No scenario open — pick one from the library.</span>}
      </div>
      {hasDoc ? (
        <div className="view-switch" role="tablist" aria-label="View">
          {VIEWS.map((v) => (
            <button key={v.view} type="button" role="tab" aria-selected={view === v.view} className={view === v.view ? 'active' : undefined} data-testid={v.testId} onClick={() => setView(v.view)}>
              {v.label}
            </button>
          ))}
        </div>
      ) : null}
    </nav>
  );
}

function DocumentTab({ id }: { id: string }) {
  const name = useStore((s) => s.documents[id]?.name ?? '');
  const dirty = useStore((s) => (s.documents[id] ? isDirty(s.documents[id]) : false));
  const errors = useStore((s) => s.documents[id]?.errors.length ?? 0);
  const active = useStore((s) => s.activeId === id);
  const ticked = useStore((s) => s.compareSet.includes(id));
  const status = useStore((s) => s.runs[id]?.status);
  const setActive = useStore((s) => s.setActive);
  const toggleCompare = useStore((s) => s.toggleCompare);
  const view = useStore((s) => s.view);
  const setView = useStore((s) => s.setView);
  return (
    <div className={`doc-tab${active ? ' active' : ''}`} role="tab" aria-selected={active} data-testid={TEST_IDS.documentTab} data-name={name}>
      <input type="checkbox" checked={ticked} onChange={() => toggleCompare(id)} title="Include in the comparison" aria-label={`Compare ${name}`} />
      <button type="button" className="doc-tab-name" onClick={() => {
        setActive(id);
        if (view === 'library' || view === 'case-study') setView('canvas');
      }}>
        {name}
        {errors > 0 ? <span className="badge error" title={`${errors} error(s)`}>{errors}</span> : null}
        {status === 'running' ? <span className="badge running" title="Running" /> : null}
      </button>
      {dirty && active ? <span className="dirty" data-testid={TEST_IDS.dirtyMarker} title="Unsaved changes" aria-label="unsaved changes">●</span> : dirty ? <span className="dirty" title="Unsaved changes">●</span> : null}
      <button type="button" className="doc-tab-close" onClick={() => closeDocument(id)} aria-label={`Close ${name}`} title="Close">×</button>
    </div>
  );
}
