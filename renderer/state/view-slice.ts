import type { StateCreator } from 'zustand';
import type { Store, ViewSlice } from './store-types.ts';

const THEME_KEY = 'archsim.theme';
/** Compare takes 2–4 scenarios. */
export const MAX_COMPARE = 4;

type Theme = ViewSlice['theme'];

function storedTheme(): Theme {
  try {
    const t = globalThis.localStorage?.getItem(THEME_KEY);
    return t === 'light' || t === 'dark' ? t : 'system';
  } catch {
    return 'system';
  }
}

export const createViewSlice: StateCreator<Store, [], [], ViewSlice> = (set) => ({
  view: 'library',
  setView: (view) => set({ view }),
  selection: undefined,
  select: (selection) => set({ selection }),
  theme: storedTheme(),
  setTheme(theme) {
    try {
      globalThis.localStorage?.setItem(THEME_KEY, theme);
    } catch {
      // not persisted; the theme still applies
    }
    set({ theme });
  },
  compareSet: [],
  toggleCompare: (documentId) => set((s) => {
    if (s.compareSet.includes(documentId)) return { compareSet: s.compareSet.filter((id) => id !== documentId) };
    if (s.compareSet.length >= MAX_COMPARE) return s;
    return { compareSet: [...s.compareSet, documentId] };
  }),
});
