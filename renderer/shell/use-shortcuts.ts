import { useEffect } from 'react';
import { COMMANDS, isTextField } from './commands.ts';
import { shortcutFor } from './shortcuts.ts';

/**
 * The window's keyboard shortcuts (shortcuts.ts has the mapping). A handled key is
 * preventDefault-ed: in Electron on macOS, where menu accelerators cannot be left unregistered,
 * that is what keeps the menu item from firing the same command a second time (Electron only
 * offers the menu the key presses the page did not handle).
 */
export function useShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const command = shortcutFor({ key: e.key, ctrlKey: e.ctrlKey, metaKey: e.metaKey, shiftKey: e.shiftKey, altKey: e.altKey, inTextField: isTextField(e.target) });
      if (!command) return;
      e.preventDefault();
      void Promise.resolve(COMMANDS[command]()).catch((err: unknown) => console.error(`archsim: ${command} failed`, err));
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
