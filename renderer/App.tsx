import { CaseStudyView } from './case-study/CaseStudyView.tsx';
import { EditorView } from './editor/EditorView.tsx';
import { LibraryView } from './library/LibraryView.tsx';
import { CompareView } from './results/CompareView.tsx';
import { ResultsView } from './results/ResultsView.tsx';
import { DocumentTabs } from './shell/DocumentTabs.tsx';
import { ProgressBar } from './shell/ProgressBar.tsx';
import { RecoverBanner } from './shell/RecoverBanner.tsx';
import { Toolbar } from './shell/Toolbar.tsx';
import { useTheme } from './shell/theme.ts';
import { useFileDrop } from './shell/use-file-drop.ts';
import { useShortcuts } from './shell/use-shortcuts.ts';
import { useStore } from './state/store.ts';

/** The application shell: toolbar, recovery banner, document tabs, progress, and the main view. */
export function App() {
  useTheme();
  useShortcuts();
  const dragging = useFileDrop();
  const view = useStore((s) => s.view);
  const hasDoc = useStore((s) => s.activeId !== undefined);
  const shown = !hasDoc && view !== 'compare' && view !== 'case-study' ? 'library' : view;
  return (
    <div className="app">
      <Toolbar />
      <RecoverBanner />
      <DocumentTabs />
      <ProgressBar />
      <main className="main-view">
        {shown === 'library' ? <LibraryView /> : null}
        {shown === 'canvas' || shown === 'yaml' ? <EditorView /> : null}
        {shown === 'results' ? <ResultsView /> : null}
        {shown === 'compare' ? <CompareView /> : null}
        {shown === 'case-study' ? <CaseStudyView /> : null}
      </main>
      {dragging ? <div className="drop-overlay" aria-hidden="true">Drop a scenario file (YAML or JSON) to open it</div> : null}
    </div>
  );
}
