import { useStore, selectActive } from '../state/store.ts';
import { TEST_IDS } from '../state/test-ids.ts';
import { cancelActive, canExportPdf, compare, exportReport, exportReportPdf, openFile, redoActive, runActive, saveActive, undoActive } from './actions.ts';
import { RecentMenu } from './RecentMenu.tsx';
import { NEXT_THEME } from './theme.ts';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
const mod = isMac ? '⌘' : 'Ctrl+';

/** The header: file commands, edit history, run/cancel, compare, export, theme. */
export function Toolbar() {
  const doc = useStore(selectActive);
  const canUndo = useStore((s) => (selectActive(s)?.past.length ?? 0) > 0);
  const canRedo = useStore((s) => (selectActive(s)?.future.length ?? 0) > 0);
  const running = useStore((s) => (s.view === 'compare' ? s.comparison?.status === 'running' : !!s.activeId && s.runs[s.activeId]?.status === 'running'));
  const openCount = useStore((s) => Object.keys(s.documents).length);
  const theme = useStore((s) => s.theme);
  const setTheme = useStore((s) => s.setTheme);
  const setView = useStore((s) => s.setView);

  return (
    <header className="toolbar" role="toolbar" aria-label="archsim">
      <div className="brand" aria-label="archsim">
        <span className="brand-mark" aria-hidden="true" />
        archsim
      </div>
      <div className="tool-group">
        <button type="button" data-testid={TEST_IDS.openExample} onClick={() => setView('library')} title="Examples and case studies">Library</button>
        <button type="button" data-testid={TEST_IDS.openFile} onClick={() => void openFile()} title={`Open a scenario file (${mod}O)`}>Open</button>
        <RecentMenu />
        <button type="button" data-testid={TEST_IDS.saveFile} onClick={() => void saveActive()} disabled={!doc} title={`Save (${mod}S)`}>Save</button>
      </div>
      <div className="tool-group">
        <button type="button" data-testid={TEST_IDS.undo} onClick={undoActive} disabled={!canUndo} title={`Undo (${mod}Z)`} aria-label="Undo">↶ Undo</button>
        <button type="button" data-testid={TEST_IDS.redo} onClick={redoActive} disabled={!canRedo} title={`Redo (${mod}Shift+Z)`} aria-label="Redo">↷ Redo</button>
      </div>
      <div className="tool-group">
        {running ? (
          <button type="button" className="danger" data-testid={TEST_IDS.cancelButton} onClick={cancelActive} title="Cancel (Esc)">Cancel</button>
        ) : (
          <button type="button" className="primary" data-testid={TEST_IDS.runButton} onClick={runActive} disabled={!doc || doc.errors.length > 0} title={doc && doc.errors.length > 0 ? 'Fix the errors first' : `Run (${mod}Enter)`}>▶ Run</button>
        )}
        <button type="button" data-testid={TEST_IDS.compareButton} onClick={compare} disabled={openCount < 2} title="Compare 2–4 open scenarios">Compare</button>
        <button type="button" data-testid={TEST_IDS.exportReport} onClick={() => void exportReport()} disabled={!doc} title={`Export a self-contained HTML report (${mod}E)`}>Export report</button>
        {canExportPdf() && (
          <button type="button" data-testid={TEST_IDS.exportPdf} onClick={() => void exportReportPdf()} disabled={!doc} title="Export the report as PDF">Export PDF</button>
        )}
      </div>
      <div className="tool-spacer" />
      <button type="button" className="ghost" data-testid={TEST_IDS.themeToggle} data-theme-choice={theme} onClick={() => setTheme(NEXT_THEME[theme])} title={`Theme: light, dark or the system's (${mod}Shift+L)`}>
        Theme: {theme}
      </button>
    </header>
  );
}
