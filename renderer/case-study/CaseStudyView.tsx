import { useEffect, useRef, useState } from 'react';
import { caseStudyBySlug } from '../library/examples.ts';
import { useStore } from '../state/store.ts';
import { TEST_IDS } from '../state/test-ids.ts';
import { MigrationPanel } from './MigrationPanel.tsx';
import { ReplayPanel } from './ReplayPanel.tsx';
import '../results/results.css';
import './case-study.css';

/** A case study from the library: its replay, or its migration as one timeline (tabs). */
export function CaseStudyView() {
  const open = useStore((s) => s.caseStudy);
  const openCaseStudy = useStore((s) => s.openCaseStudy);
  const setView = useStore((s) => s.setView);
  const study = open ? caseStudyBySlug(open.slug) : undefined;
  const top = useRef<HTMLElement>(null);
  // The main view scrolls as one: a study opens at its top, not where the library was scrolled to.
  useEffect(() => {
    top.current?.closest('.main-view')?.scrollTo(0, 0);
  }, [open?.slug]);
  if (!open || !study) {
    return (
      <section className="results-view results-empty">
        <p className="muted">Pick a case study in the library to replay it.</p>
      </section>
    );
  }
  const tab = open.tab === 'migration' && study.migration ? 'migration' : 'replay';
  return (
    <section ref={top} className="results-view cs-view" data-testid={TEST_IDS.caseStudyView} data-name={study.slug} data-tab={tab}>
      <button type="button" className="ghost cs-back" onClick={() => setView('library')}>
        ← Library
      </button>
      <header className="cs-header">
        <h2>{study.title}</h2>
        <p className="cs-source muted">
          {study.source ? <>Source: <code>../shared/case-studies/{study.source}</code> · </> : null}
          Folder: <code>scenarios/case-studies/{study.slug}/</code>
        </p>
        {study.summary ? <Summary key={study.slug} text={study.summary} /> : null}
        {study.manifestErrors.length > 0 ? (
          <div className="cs-error">
            <strong>case-study.yaml has errors:</strong>
            <ul>
              {study.manifestErrors.map((e, i) => (
                <li key={i}>{e}</li>
              ))}
            </ul>
          </div>
        ) : null}
      </header>
      <div className="cs-tabs cs-view-tabs" role="tablist" aria-label="Case study">
        <button type="button" role="tab" aria-selected={tab === 'replay'} className={tab === 'replay' ? 'active' : undefined} onClick={() => openCaseStudy(study.slug, 'replay')}>
          Replay
        </button>
        <button
          type="button"
          role="tab"
          aria-selected={tab === 'migration'}
          className={tab === 'migration' ? 'active' : undefined}
          disabled={!study.migration}
          title={study.migration ? `Phase by phase (${study.migration.file})` : 'This study has no migration.yaml'}
          onClick={() => openCaseStudy(study.slug, 'migration')}
        >
          Migration timeline
        </button>
      </div>
      {tab === 'replay' ? <ReplayPanel key={study.slug} study={study} /> : <MigrationPanel key={study.slug} study={study} />}
    </section>
  );
}

/** The manifest's summary, three lines until expanded (it can be a long paragraph). */
function Summary({ text }: { text: string }) {
  const [open, setOpen] = useState(false);
  const long = text.length > 360;
  return (
    <div className="cs-lede-wrap">
      <p className={`cs-lede${long && !open ? ' clamped' : ''}`}>{text}</p>
      {long ? (
        <button type="button" className="chart-action" aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? 'Less' : 'The whole summary'}
        </button>
      ) : null}
    </div>
  );
}
