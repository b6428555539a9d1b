/**
 * Undo/redo over a document's text and canvas layout together (pure). Every step is a snapshot
 * of both: the texts in `past`/`future` (what the store contract and the toolbar read) and, at the
 * same indexes, the layouts in `pastLayouts`/`futureLayouts`. A change of either pushes the
 * current snapshot onto `past` and clears `future` — except when it carries the same coalesce key
 * as the change before it (a drag, Auto layout, a burst of typing in one field): then it replaces
 * the current snapshot without a new step, so the whole gesture undoes at once.
 */

export type Layout = Readonly<Record<string, { x: number; y: number }>>;

export interface History {
  text: string;
  layout: Layout;
  past: string[];
  future: string[];
  /** The layout of each `past` step, same length and order (absent until the first step). */
  pastLayouts?: Layout[];
  /** The layout of each `future` step, same length and order. */
  futureLayouts?: Layout[];
  /** The coalesce key of the last edit, if any. */
  lastEditKey?: string;
}

/** At most this many undo steps are kept per document. */
export const MAX_UNDO = 200;

/** What an edit changes: the text, the layout or both (one step). */
export interface Change {
  text?: string;
  layout?: Layout;
}

/** `layouts` aligned to `n` entries: a missing entry (a document from before layouts were kept) is `fill`. */
function aligned(layouts: Layout[] | undefined, n: number, fill: Layout): Layout[] {
  const list = (layouts ?? []).slice(-n);
  return list.length === n ? list : [...Array<Layout>(n - list.length).fill(fill), ...list];
}

export function sameLayout(a: Layout, b: Layout): boolean {
  if (a === b) return true;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => b[k] !== undefined && a[k].x === b[k].x && a[k].y === b[k].y);
}

/** Records a change of text and/or layout as one undo step (or joins the last step, see above). */
export function recordChange<H extends History>(h: H, change: Change, coalesceKey?: string): H {
  const text = change.text ?? h.text;
  const layout = change.layout ?? h.layout;
  if (text === h.text && sameLayout(layout, h.layout)) return h;
  const coalesce = coalesceKey !== undefined && coalesceKey === h.lastEditKey && h.past.length > 0;
  if (coalesce) return { ...h, text, layout, future: [], futureLayouts: [], lastEditKey: coalesceKey };
  const pastLayouts = [...aligned(h.pastLayouts, h.past.length, h.layout), h.layout].slice(-MAX_UNDO);
  const past = [...h.past, h.text].slice(-MAX_UNDO);
  return { ...h, text, layout, past, pastLayouts, future: [], futureLayouts: [], lastEditKey: coalesceKey };
}

/** A new text as one step (the layout unchanged). */
export function recordEdit<H extends History>(h: H, text: string, coalesceKey?: string): H {
  return recordChange(h, { text }, coalesceKey);
}

/** New canvas positions as one step (the text unchanged). */
export function recordLayout<H extends History>(h: H, layout: Layout, coalesceKey?: string): H {
  return recordChange(h, { layout }, coalesceKey);
}

export function undoEdit<H extends History>(h: H): H {
  const n = h.past.length;
  if (n === 0) return h;
  const pastLayouts = aligned(h.pastLayouts, n, h.layout);
  const futureLayouts = aligned(h.futureLayouts, h.future.length, h.layout);
  return {
    ...h,
    text: h.past[n - 1],
    layout: pastLayouts[n - 1],
    past: h.past.slice(0, -1),
    pastLayouts: pastLayouts.slice(0, -1),
    future: [h.text, ...h.future],
    futureLayouts: [h.layout, ...futureLayouts],
    lastEditKey: undefined,
  };
}

export function redoEdit<H extends History>(h: H): H {
  if (h.future.length === 0) return h;
  const futureLayouts = aligned(h.futureLayouts, h.future.length, h.layout);
  const pastLayouts = aligned(h.pastLayouts, h.past.length, h.layout);
  const [text, ...future] = h.future;
  const [layout, ...restLayouts] = futureLayouts;
  return {
    ...h,
    text,
    layout,
    past: [...h.past, h.text],
    pastLayouts: [...pastLayouts, h.layout],
    future,
    futureLayouts: restLayouts,
    lastEditKey: undefined,
  };
}
