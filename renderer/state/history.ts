/**
 * Undo/redo over a document's texts (pure). A new text pushes the previous one onto `past`
 * and clears `future` — except when the edit carries the same coalesce key as the edit before
 * it (a drag, a burst of typing in one field): then it replaces the text without a new step, so
 * the whole gesture undoes at once.
 */

export interface History {
  text: string;
  past: string[];
  future: string[];
  /** The coalesce key of the last edit, if any. */
  lastEditKey?: string;
}

/** At most this many undo steps are kept per document. */
export const MAX_UNDO = 200;

export function recordEdit<H extends History>(h: H, text: string, coalesceKey?: string): H {
  if (text === h.text) return h;
  const coalesce = coalesceKey !== undefined && coalesceKey === h.lastEditKey && h.past.length > 0;
  const past = coalesce ? h.past : [...h.past, h.text].slice(-MAX_UNDO);
  return { ...h, text, past, future: [], lastEditKey: coalesceKey };
}

export function undoEdit<H extends History>(h: H): H {
  if (h.past.length === 0) return h;
  const text = h.past[h.past.length - 1];
  return { ...h, text, past: h.past.slice(0, -1), future: [h.text, ...h.future], lastEditKey: undefined };
}

export function redoEdit<H extends History>(h: H): H {
  if (h.future.length === 0) return h;
  const [text, ...future] = h.future;
  return { ...h, text, past: [...h.past, h.text], future, lastEditKey: undefined };
}
