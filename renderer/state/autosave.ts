import type { Platform } from '../platform/platform.ts';
import { isDirty } from './documents-slice.ts';
import type { Store } from './store-types.ts';

/** Autosave after edits pause for this long. */
export const AUTOSAVE_DELAY_MS = 1000;

interface StoreApi {
  getState(): Store;
  subscribe(listener: (state: Store, prev: Store) => void): () => void;
}

/**
 * Keeps the platform's autosaves and dirty marker in step with the store: every document whose
 * text changed is written (debounced ~1 s) while it is dirty and removed once it is saved or
 * closed; the platform's dirty flag (close guard) is on while any document is dirty.
 * Returns the unsubscribe function.
 */
export function startAutosave(store: StoreApi, platform: Platform): () => void {
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  let anyDirty = false;

  const flush = (id: string) => {
    timers.delete(id);
    const doc = store.getState().documents[id];
    if (!doc) return;
    if (isDirty(doc)) void platform.writeAutosave({ id, name: doc.name, text: doc.text, savedAt: Date.now() });
    else void platform.removeAutosave(id);
  };

  return store.subscribe((state, prev) => {
    if (state.documents === prev.documents) return;
    for (const [id, doc] of Object.entries(state.documents)) {
      const before = prev.documents[id];
      if (before && before.text === doc.text && before.savedText === doc.savedText) continue;
      clearTimeout(timers.get(id));
      if (!isDirty(doc)) {
        timers.delete(id);
        void platform.removeAutosave(id);
      } else timers.set(id, setTimeout(() => flush(id), AUTOSAVE_DELAY_MS));
    }
    for (const id of Object.keys(prev.documents)) {
      if (state.documents[id]) continue;
      clearTimeout(timers.get(id));
      timers.delete(id);
      void platform.removeAutosave(id);
    }
    const dirty = Object.values(state.documents).some(isDirty);
    if (dirty !== anyDirty) {
      anyDirty = dirty;
      platform.setDirty(dirty);
    }
  });
}
