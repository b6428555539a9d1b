import { electronPlatform, platform } from '../platform/current-platform.ts';
import type { RecentFile } from '../platform/platform.ts';
import { buildReportHtml } from '../report/build-report.ts';
import { selectActive, useStore } from '../state/store.ts';
import { MAX_COMPARE } from '../state/view-slice.ts';
import { handleFor, keepHandle, pruneHandles, readKept } from './recent-handles.ts';

/**
 * The toolbar's, the shortcuts' and the menu's commands, at module level (STYLE.md 10): each
 * reads the store when called, so the components that trigger them do not re-render for it.
 */

export function openText(name: string, text: string, handle?: unknown): void {
  const s = useStore.getState();
  s.openDocument(name, text, handle);
  s.setView('canvas');
}

export async function openFile(): Promise<void> {
  const file = await platform().openFile();
  if (!file) return;
  openText(file.name, file.text, file.handle);
  void rememberRecent(file.name, file.handle);
}

/** Adds a file to the recent list; in the browser its FileSystemFileHandle is kept too (recent-handles.ts). */
async function rememberRecent(name: string, handle: unknown): Promise<void> {
  const location = typeof handle === 'string' ? handle : name;
  await platform().addRecentFile({ name, location, openedAt: Date.now() });
  if (platform().kind !== 'browser') return;
  await keepHandle(location, handle);
  await pruneHandles((await platform().recentFiles()).map((f) => f.location));
}

/**
 * Reopens a recent file: Electron by its path; the browser through its kept handle (after the
 * permission prompt), else by asking for the file again. Resolves false if nothing was opened.
 */
export async function openRecent(file: RecentFile): Promise<boolean> {
  const electron = electronPlatform();
  if (electron) {
    const opened = await electron.openRecentFile(file.location);
    if (!opened) return false;
    openText(opened.name, opened.text, opened.handle);
    void rememberRecent(opened.name, opened.handle);
    return true;
  }
  const handle = await handleFor(file.location);
  const kept = handle && (await readKept(handle));
  if (handle && kept) {
    openText(kept.name, kept.text, handle);
    void rememberRecent(kept.name, handle);
    return true;
  }
  const before = useStore.getState().activeId;
  await openFile();
  return useStore.getState().activeId !== before;
}

/** Saves the active document in place (or asks where, the first time). `as`: always ask. */
export async function saveActive(as = false): Promise<boolean> {
  const id = useStore.getState().activeId;
  return id ? saveDocument(id, as) : false;
}

/** Saves one document; false when the user cancelled the dialog. */
export async function saveDocument(id: string, as = false): Promise<boolean> {
  const doc = useStore.getState().documents[id];
  if (!doc) return false;
  const saved = await platform().saveFile(doc.text, doc.name, as ? undefined : doc.handle);
  if (!saved) return false;
  useStore.getState().markSaved(id, saved.name, saved.handle);
  // What was written is the text at the time of the call: edits made while saving stay dirty.
  useStore.setState((s) => (s.documents[id] ? { documents: { ...s.documents, [id]: { ...s.documents[id], savedText: doc.text } } } : s));
  void rememberRecent(saved.name, saved.handle);
  return true;
}

/** Saves every document with unsaved edits (the close guard's Save); false if any was cancelled. */
export async function saveAllDirty(): Promise<boolean> {
  for (const doc of Object.values(useStore.getState().documents)) {
    if (doc.text !== doc.savedText && !(await saveDocument(doc.id))) return false;
  }
  return true;
}

export function undoActive(): void {
  const s = useStore.getState();
  if (s.activeId) s.undo(s.activeId);
}

export function redoActive(): void {
  const s = useStore.getState();
  if (s.activeId) s.redo(s.activeId);
}

export function runActive(): void {
  const s = useStore.getState();
  if (!s.activeId) return;
  void s.startRun(s.activeId);
  s.setView('results');
}

/** Cancels what is running for the active view: the comparison on the compare view, else the active document's run. */
export function cancelActive(): void {
  const s = useStore.getState();
  if (s.view === 'compare' && s.comparison?.status === 'running') s.cancelComparison();
  else if (s.activeId) s.cancelRun(s.activeId);
}

/** The documents a comparison takes: those ticked, else the open ones (at most 4). */
export function compareCandidates(): string[] {
  const s = useStore.getState();
  return s.compareSet.length >= 2 ? s.compareSet : Object.keys(s.documents).slice(0, MAX_COMPARE);
}

export function compare(): void {
  const ids = compareCandidates();
  const s = useStore.getState();
  s.setView('compare');
  if (ids.length >= 2) void s.startComparison(ids);
}

/** The active document's report as HTML, and the file name's stem; undefined without a document. */
function activeReport(): { html: string; base: string } | undefined {
  const s = useStore.getState();
  const doc = selectActive(s);
  if (!doc) return undefined;
  const comparison = s.comparison?.documentIds.includes(doc.id) ? s.comparison.result : undefined;
  const html = buildReportHtml(doc, s.runs[doc.id], comparison);
  return { html, base: doc.name.replace(/\.(ya?ml|json)$/i, '') };
}

export async function exportReport(): Promise<void> {
  const report = activeReport();
  if (report) await platform().exportFile(report.html, `${report.base}-report.html`, 'text/html');
}

/** True where the platform can print the report to PDF (Electron's printToPDF). */
export function canExportPdf(): boolean {
  return typeof platform().exportPdf === 'function';
}

/** The same report as PDF (Electron only). */
export async function exportReportPdf(): Promise<void> {
  const report = activeReport();
  const exportPdf = platform().exportPdf;
  if (report && exportPdf) await exportPdf.call(platform(), report.html, `${report.base}-report.pdf`);
}

export function closeDocument(id: string): void {
  const s = useStore.getState();
  const doc = s.documents[id];
  if (!doc) return;
  if (doc.text !== doc.savedText && !window.confirm(`${doc.name} has unsaved changes. Close it and discard them?`)) return;
  s.cancelRun(id);
  s.closeDocument(id);
  if (Object.keys(useStore.getState().documents).length === 0) s.setView('library');
}
