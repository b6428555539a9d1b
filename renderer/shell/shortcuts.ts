/** A command a key press maps to (pure, so the mapping is unit-tested). */
export type ShortcutCommand = 'open' | 'save' | 'saveAs' | 'undo' | 'redo' | 'run' | 'cancel' | 'exportReport' | 'toggleTheme';

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
  /** True when the focus is in a text field (undo/redo then belong to the field). */
  inTextField: boolean;
}

/**
 * Ctrl (Cmd on macOS) + O, S, Shift+S, Z, Shift+Z or Y, Enter, E (export the report), Shift+L
 * (theme), "." (cancel); Esc alone cancels a run. These are also the keys the Electron menu shows
 * (electron/main/menu-template.ts): the menu does not register them, this mapping handles them
 * (test/renderer/menu-shortcuts.test.ts checks that the two agree).
 */
export function shortcutFor(e: KeyLike): ShortcutCommand | undefined {
  if (e.key === 'Escape' && !e.ctrlKey && !e.metaKey && !e.altKey) return 'cancel';
  if (!(e.ctrlKey || e.metaKey) || e.altKey) return undefined;
  const key = e.key.toLowerCase();
  if (key === 'o' && !e.shiftKey) return 'open';
  if (key === 's') return e.shiftKey ? 'saveAs' : 'save';
  if (key === 'enter') return 'run';
  if (key === 'e' && !e.shiftKey) return 'exportReport';
  if (key === 'l' && e.shiftKey) return 'toggleTheme';
  if (key === '.' && !e.shiftKey) return 'cancel';
  if (e.inTextField) return undefined;
  if (key === 'z') return e.shiftKey ? 'redo' : 'undo';
  if (key === 'y') return 'redo';
  return undefined;
}
