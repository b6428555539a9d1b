import type { ScenarioError } from '../../sim-core/model/errors.ts';
import type { Scenario } from '../../sim-core/model/schema.ts';
import type { RunResult } from '../../sim-core/run/result.ts';
import type { ComparisonResult } from '../../sim-core/run/compare.ts';
import type { CaseStudySlice } from './case-study-slice.ts';

/**
 * The shape of the zustand store (STYLE.md 10): three slices, read with selectors
 * (`useStore((s) => s.documents[s.activeId])`), actions at module level in each slice file.
 * renderer/state/store.ts creates it and exports `useStore`; views import only these types and
 * `useStore`.
 */

/** An open scenario. The YAML text is the source of truth (it keeps the user's comments and key order). */
export interface ScenarioDocument {
  id: string;
  /** File name shown in the tab, e.g. monolith.yaml. */
  name: string;
  format: 'yaml' | 'json';
  text: string;
  /** The validated scenario of `text`, or undefined while it has errors. */
  scenario?: Scenario;
  /** Validation errors with path, line and column (empty when valid). */
  errors: ScenarioError[];
  /** Text at the last save (dirty = text !== savedText). */
  savedText: string;
  /** Opaque platform handle of the file it was opened from / saved to. */
  handle?: unknown;
  /**
   * Undo/redo: previous and undone texts, with the canvas layout of each step in the parallel
   * arrays (renderer/state/history.ts). A drag, an auto layout or a burst of typing is one step.
   */
  past: string[];
  future: string[];
  pastLayouts?: Array<Record<string, { x: number; y: number }>>;
  futureLayouts?: Array<Record<string, { x: number; y: number }>>;
  /** Canvas positions by component name (not saved in the file; kept in the autosave). */
  layout: Record<string, { x: number; y: number }>;
  /** The coalesce key of the last edit (history.ts): the next edit with the same key joins its undo step. */
  lastEditKey?: string;
}

export interface DocumentsSlice {
  documents: Record<string, ScenarioDocument>;
  activeId: string | undefined;
  /** Open text as a new document (validates it) and make it active; returns its id. */
  openDocument(name: string, text: string, handle?: unknown): string;
  closeDocument(id: string): void;
  setActive(id: string): void;
  /** Replace the whole text (the YAML view). `coalesceKey`: consecutive edits with the same key are one undo step. */
  setText(id: string, text: string, coalesceKey?: string): void;
  /**
   * Set one value by path (the inspector, the canvas): edits the YAML document in place so that
   * comments and key order survive; `undefined` deletes the key.
   */
  setValue(id: string, path: ReadonlyArray<string | number>, value: unknown, coalesceKey?: string): void;
  addComponent(id: string, name: string, definition: Record<string, unknown>): void;
  removeComponent(id: string, name: string): void;
  /** Add a call step `component.operation` → `target.operation`. */
  connect(id: string, from: { component: string; operation: string }, to: { component: string; operation: string }): void;
  /**
   * Delete a canvas edge: remove the steps (or gateway routes) at `stepPaths`, e.g.
   * `['components', 'app', 'operations', 'get', 'steps', 2]` (yaml-edit.ts removeEntriesAt). One undo step.
   */
  removeEdge(id: string, stepPaths: ReadonlyArray<ReadonlyArray<string | number>>): void;
  /** Rename a component and every reference to it (and its canvas position); the selection follows. One undo step. */
  renameComponent(id: string, from: string, to: string): void;
  moveNode(id: string, name: string, x: number, y: number, coalesceKey?: string): void;
  undo(id: string): void;
  redo(id: string): void;
  markSaved(id: string, name: string, handle?: unknown): void;
  /** Reopen an autosaved edit (start-up recovery): a dirty document under the autosave's id. */
  recoverDocument(entry: { id: string; name: string; text: string }): string;
}

export interface RunProgress {
  simulatedMs: number;
  durationMs: number;
  eventsPerSecond: number;
  /** Wall seconds left, estimated. */
  etaSeconds: number;
  replicationsDone: number;
  replications: number;
}

export interface RunState {
  documentId: string;
  status: 'running' | 'done' | 'cancelled' | 'failed';
  progress?: RunProgress;
  result?: RunResult;
  error?: string;
  startedAt: number;
}

export interface RunsSlice {
  /** The latest run of each document. */
  runs: Record<string, RunState>;
  /** Run the document's scenario in Web Workers (never on the main thread). */
  startRun(documentId: string): Promise<void>;
  cancelRun(documentId: string): void;
  /** Compare 2–4 documents with paired replications (sim-core/run/compare.ts). */
  comparison?: { documentIds: string[]; status: 'running' | 'done' | 'cancelled' | 'failed'; progress?: RunProgress; result?: ComparisonResult; error?: string };
  startComparison(documentIds: string[]): Promise<void>;
  cancelComparison(): void;
}

export type MainView = 'canvas' | 'yaml' | 'results' | 'compare' | 'library' | 'case-study';

export interface ViewSlice {
  view: MainView;
  setView(view: MainView): void;
  /** Selected component on the canvas (its inspector is shown). */
  selection: string | undefined;
  select(name: string | undefined): void;
  theme: 'light' | 'dark' | 'system';
  setTheme(theme: 'light' | 'dark' | 'system'): void;
  /** Documents ticked for comparison. */
  compareSet: string[];
  toggleCompare(documentId: string): void;
}

export type Store = DocumentsSlice & RunsSlice & ViewSlice & CaseStudySlice;
