/** A command a key press maps to (pure, so the mapping is unit-tested). */
export type ShortcutCommand = 'open' | 'save' | 'saveAs' | 'undo' | 'redo' | 'run' | 'cancel';

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
  /** True when the focus is in a text field (undo/redo then belong to the field). */
  inTextField: boolean;
}

/** Ctrl (Cmd on macOS) + O, S, Shift+S, Z, Shift+Z or Y, Enter; Esc alone cancels a run. */
export function shortcutFor(e: KeyLike): ShortcutCommand | undefined {
  if (e.key === 'Escape' && !e.ctrlKey && !e.metaKey && !e.altKey) return 'cancel';
  if (!(e.ctrlKey || e.metaKey) || e.altKey) return undefined;
  const key = e.key.toLowerCase();
  if (key === 'o') return 'open';
  if (key === 's') return e.shiftKey ? 'saveAs' : 'save';
  if (key === 'enter') return 'run';
  if (e.inTextField) return undefined;
  if (key === 'z') return e.shiftKey ? 'redo' : 'undo';
  if (key === 'y') return 'redo';
  return undefined;
}
