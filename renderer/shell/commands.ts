import { useStore } from '../state/store.ts';
import { cancelActive, exportReport, openFile, redoActive, runActive, saveActive, undoActive } from './actions.ts';
import type { ShortcutCommand } from './shortcuts.ts';
import { NEXT_THEME } from './theme.ts';

/**
 * What each keyboard command does — the same for a key press (use-shortcuts.ts) and for the
 * Electron menu item that shows the key (menu-commands.ts). Each resolves true when it completed.
 */
export const COMMANDS: Readonly<Record<ShortcutCommand, () => Promise<boolean> | boolean>> = {
  open: async () => {
    await openFile();
    return true;
  },
  save: () => saveActive(),
  saveAs: () => saveActive(true),
  undo: () => (undoActive(), true),
  redo: () => (redoActive(), true),
  run: () => (runActive(), true),
  cancel: () => (cancelActive(), true),
  exportReport: async () => {
    await exportReport();
    return true;
  },
  toggleTheme: () => {
    const s = useStore.getState();
    s.setTheme(NEXT_THEME[s.theme]);
    return true;
  },
};

/** True when the focus is in a text field (its own undo/redo apply there, not the document's). */
export function isTextField(t: EventTarget | null): boolean {
  if (typeof HTMLElement === 'undefined' || !(t instanceof HTMLElement)) return false;
  return t.isContentEditable || t.tagName === 'TEXTAREA' || (t.tagName === 'INPUT' && !['checkbox', 'radio', 'button', 'range'].includes((t as HTMLInputElement).type));
}
