import { platform } from '../platform/current-platform.ts';
import { buildReportHtml } from '../report/build-report.ts';
import { selectActive, useStore } from '../state/store.ts';
import { MAX_COMPARE } from '../state/view-slice.ts';

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
  void platform().addRecentFile({ name: file.name, location: typeof file.handle === 'string' ? file.handle : file.name, openedAt: Date.now() });
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
  void platform().addRecentFile({ name: saved.name, location: typeof saved.handle === 'string' ? saved.handle : saved.name, openedAt: Date.now() });
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

export async function exportReport(): Promise<void> {
  const s = useStore.getState();
  const doc = selectActive(s);
  if (!doc) return;
  const comparison = s.comparison?.documentIds.includes(doc.id) ? s.comparison.result : undefined;
  const html = buildReportHtml(doc, s.runs[doc.id], comparison);
  const base = doc.name.replace(/\.(ya?ml|json)$/i, '');
  await platform().exportFile(html, `${base}-report.html`, 'text/html');
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
