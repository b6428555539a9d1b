import type { StateCreator } from 'zustand';
import { parse } from 'yaml';
import { recordChange, recordLayout, redoEdit, undoEdit, type Layout } from './history.ts';
import type { DocumentsSlice, ScenarioDocument, Store } from './store-types.ts';
import { cancelValidation, scheduleValidation, validateText } from './validate-document.ts';
import { addComponentTo, appendStep, detectFormat, removeComponentFrom, removeEntriesAt, renameComponent, setValueAt, stepFor, type EditOutcome } from './yaml-edit.ts';

/**
 * Open scenarios, their edits and undo/redo. The text is the source of truth: every edit is a
 * text → text function (yaml-edit.ts) recorded in the document's history (history.ts), then
 * validated after a short pause (validate-document.ts). Canvas moves are recorded in the same
 * history (a step holds the text and the layout), so undo restores both in order.
 */

let nextId = 1;
function newId(): string {
  return `doc-${Date.now().toString(36)}-${nextId++}`;
}

export function isDirty(doc: ScenarioDocument): boolean {
  return doc.text !== doc.savedText;
}

export const createDocumentsSlice: StateCreator<Store, [], [], DocumentsSlice> = (set, get) => {
  const update = (id: string, change: (doc: ScenarioDocument) => ScenarioDocument) => {
    set((s) => {
      const doc = s.documents[id];
      if (!doc) return s;
      const next = change(doc);
      return next === doc ? s : { documents: { ...s.documents, [id]: next } };
    });
  };

  /** Re-validates after the pause, if the text is still the one that was edited. */
  const revalidateLater = (id: string) => {
    scheduleValidation(id, () => {
      const doc = get().documents[id];
      if (doc) update(id, (d) => (d.text === doc.text ? { ...d, ...validateText(d.name, d.text) } : d));
    });
  };

  /** One undo step: the text edit and, if given, a layout change made with it (removing a node). */
  const edit = (id: string, apply: (doc: ScenarioDocument) => EditOutcome | string, coalesceKey?: string, relayout?: (layout: Layout) => Layout) => {
    const doc = get().documents[id];
    if (!doc) return;
    const out = apply(doc);
    const outcome = typeof out === 'string' ? { text: out } : out;
    if (outcome.error) {
      console.warn(`archsim: edit not applied: ${outcome.error}`);
      return;
    }
    update(id, (d) => recordChange(d, { text: outcome.text, layout: relayout?.(d.layout) }, coalesceKey));
    revalidateLater(id);
  };

  const open = (id: string, name: string, text: string, savedText: string, handle?: unknown): string => {
    const doc: ScenarioDocument = {
      id, name, format: detectFormat(name, text), text, savedText, handle,
      past: [], future: [], layout: {}, ...validateText(name, text),
    };
    set((s) => ({ documents: { ...s.documents, [id]: doc }, activeId: id }));
    return id;
  };

  return {
    documents: {},
    activeId: undefined,

    openDocument: (name, text, handle) => open(newId(), name, text, text, handle),

    recoverDocument: (entry) => open(entry.id, entry.name, entry.text, ''),

    closeDocument(id) {
      cancelValidation(id);
      set((s) => {
        const { [id]: _closed, ...documents } = s.documents;
        const ids = Object.keys(documents);
        return { documents, activeId: s.activeId === id ? ids[ids.length - 1] : s.activeId };
      });
    },

    setActive(id) {
      if (get().documents[id]) set({ activeId: id });
    },

    setText: (id, text, coalesceKey) => edit(id, () => text, coalesceKey),

    setValue: (id, path, value, coalesceKey) => edit(id, (d) => setValueAt(d.text, d.format, path, value), coalesceKey),

    addComponent: (id, name, definition) => edit(id, (d) => addComponentTo(d.text, d.format, name, definition)),

    removeComponent(id, name) {
      edit(id, (d) => removeComponentFrom(d.text, d.format, name), undefined, (layout) => {
        if (!(name in layout)) return layout;
        const { [name]: _removed, ...rest } = layout;
        return rest;
      });
    },

    connect: (id, from, to) => edit(id, (d) => appendStep(d.text, d.format, from.component, from.operation, stepFor(kindOf(d, to.component), to.component, to.operation))),

    removeEdge: (id, stepPaths) => edit(id, (d) => removeEntriesAt(d.text, d.format, stepPaths)),

    renameComponent(id, from, to) {
      const before = get().documents[id]?.text;
      edit(id, (d) => renameComponent(d.text, d.format, from, to), undefined, (layout) => {
        if (!(from in layout)) return layout;
        return Object.fromEntries(Object.entries(layout).map(([k, v]) => [k === from ? to : k, v]));
      });
      if (get().documents[id]?.text !== before && get().selection === from) set({ selection: to });
    },

    // Every move of one gesture carries the gesture's key (Canvas.tsx): a drag or an Auto layout is one undo step.
    moveNode(id, name, x, y, coalesceKey) {
      update(id, (d) => recordLayout(d, { ...d.layout, [name]: { x, y } }, coalesceKey));
    },

    undo(id) {
      const before = get().documents[id]?.text;
      update(id, undoEdit);
      if (get().documents[id]?.text !== before) revalidateLater(id);
    },

    redo(id) {
      const before = get().documents[id]?.text;
      update(id, redoEdit);
      if (get().documents[id]?.text !== before) revalidateLater(id);
    },

    markSaved(id, name, handle) {
      // A save ends a burst of typing: the next edit is its own undo step.
      update(id, (d) => ({ ...d, name, handle: handle ?? d.handle, savedText: d.text, format: detectFormat(name, d.text), lastEditKey: undefined }));
    },
  };
};

/** A component's kind, from the validated scenario or, while the text has errors, from the raw YAML. */
function kindOf(doc: ScenarioDocument, component: string): string | undefined {
  const fromScenario = doc.scenario?.components[component]?.kind;
  if (fromScenario) return fromScenario;
  try {
    const data = parse(doc.text) as { components?: Record<string, { kind?: unknown }> } | null;
    const kind = data?.components?.[component]?.kind;
    return typeof kind === 'string' ? kind : undefined;
  } catch {
    return undefined;
  }
}
