import { useEffect } from 'react';
import { cancelActive, openFile, redoActive, runActive, saveActive, undoActive } from './actions.ts';
import { shortcutFor, type ShortcutCommand } from './shortcuts.ts';

const COMMANDS: Record<ShortcutCommand, () => void> = {
  open: () => void openFile(),
  save: () => void saveActive(),
  saveAs: () => void saveActive(true),
  undo: undoActive,
  redo: redoActive,
  run: runActive,
  cancel: cancelActive,
};

function isTextField(t: EventTarget | null): boolean {
  if (!(t instanceof HTMLElement)) return false;
  return t.isContentEditable || t.tagName === 'TEXTAREA' || (t.tagName === 'INPUT' && !['checkbox', 'radio', 'button', 'range'].includes((t as HTMLInputElement).type));
}

/** The window's keyboard shortcuts (shortcuts.ts has the mapping). */
export function useShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const command = shortcutFor({ key: e.key, ctrlKey: e.ctrlKey, metaKey: e.metaKey, shiftKey: e.shiftKey, altKey: e.altKey, inTextField: isTextField(e.target) });
      if (!command) return;
      e.preventDefault();
      COMMANDS[command]();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
