import { create } from 'zustand';
import { createCaseStudySlice } from './case-study-slice.ts';
import { createDocumentsSlice } from './documents-slice.ts';
import { createRunsSlice } from './runs-slice.ts';
import type { Store } from './store-types.ts';
import { createViewSlice } from './view-slice.ts';

/** The renderer's one store (STYLE.md 10): three slices, read with selectors. */
export const useStore = create<Store>()((...a) => ({
  ...createDocumentsSlice(...a),
  ...createRunsSlice(...a),
  ...createViewSlice(...a),
  ...createCaseStudySlice(...a),
}));

/** The active document, or undefined (a selector). */
export const selectActive = (s: Store) => (s.activeId ? s.documents[s.activeId] : undefined);
