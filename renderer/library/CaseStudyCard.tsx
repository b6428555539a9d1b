import { openText } from '../shell/actions.ts';
import { useStore } from '../state/store.ts';
import { TEST_IDS } from '../state/test-ids.ts';
import type { CaseStudyEntry } from './case-study-library.ts';
import './case-study-card.css';

/**
 * One case study in the library: its title and summary (from case-study.yaml), the source, how
 * many figures it reports and checks; its scenario files in story order, each opening in the
 * editor; Replay, and Migration timeline when it has a migration.yaml.
 */
export function CaseStudyCard({ study }: { study: CaseStudyEntry }) {
  const openCaseStudy = useStore((s) => s.openCaseStudy);
  const { figures } = study;
  return (
    <article className="library-card cs-card" data-testid={TEST_IDS.caseStudyCard} data-name={study.slug} data-valid={study.manifest ? 'true' : 'false'}>
      <span className="library-title">{study.title}</span>
      <span className="library-file">{study.source ?? `scenarios/case-studies/${study.slug}/`}</span>
      {study.summary ? <span className="library-summary" title={study.summary}>{study.summary}</span> : null}
      {study.manifestErrors.length > 0 ? <span className="cs-card-error">case-study.yaml has {study.manifestErrors.length} error{study.manifestErrors.length === 1 ? '' : 's'}</span> : null}
      {study.manifest ? (
        <span className="library-facts">
          {figures.total} reported figure{figures.total === 1 ? '' : 's'} ({figures.modelled} simulated, {figures.notModelled} not modelled) · {study.checks} plausibility check{study.checks === 1 ? '' : 's'}
        </span>
      ) : null}
      <ul className="cs-card-files" aria-label={`Scenarios of ${study.title}`}>
        {study.scenarios.map((s) => (
          <li key={s.file}>
            <button
              type="button"
              className="cs-file"
              data-testid={TEST_IDS.libraryItem}
              data-name={s.docName.replace(/\.(ya?ml|json)$/i, '')}
              disabled={s.text === undefined}
              title={s.text === undefined ? `${s.file} is missing` : `Open ${s.file} in the editor`}
              onClick={() => s.text !== undefined && openText(s.docName, s.text)}
            >
              <span className="cs-file-name">{s.name}</span>
              {s.name !== s.file.replace(/\.(ya?ml|json)$/i, '') ? <span className="cs-file-path">{s.file}</span> : null}
            </button>
          </li>
        ))}
      </ul>
      <div className="cs-card-actions">
        <button
          type="button"
          className="primary"
          data-testid={TEST_IDS.caseStudyReplay}
          disabled={!study.manifest && study.manifestErrors.length === 0}
          title={study.manifest ? 'Reported figures against simulated ones, with verdicts' : study.manifestErrors.length > 0 ? 'Shows the errors of case-study.yaml' : 'Needs a case-study.yaml'}
          onClick={() => openCaseStudy(study.slug, 'replay')}
        >
          Replay
        </button>
        {study.migration ? (
          <button type="button" data-testid={TEST_IDS.caseStudyMigration} title={`Every phase of ${study.migration.file} on common random numbers`} onClick={() => openCaseStudy(study.slug, 'migration')}>
            Migration timeline
          </button>
        ) : null}
      </div>
    </article>
  );
}
