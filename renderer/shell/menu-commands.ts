import type { MenuCommand } from '../../electron/ipc-contract.ts';
import { electronPlatform } from '../platform/current-platform.ts';
import { openText, saveAllDirty } from './actions.ts';
import { COMMANDS, isTextField } from './commands.ts';
import { MENU_TO_SHORTCUT } from './menu-map.ts';

/**
 * What a native-menu command does; resolves true when it completed (for the close guard). A
 * command with a key runs exactly what the key runs (menu-map.ts, commands.ts), except:
 * - `open-recent` opens the path it carries;
 * - `save` with a requestId is the close guard's Save: every unsaved document must be saved;
 * - Edit › Undo/Redo while a text field has the focus undo the field's typing, as a native app's
 *   Edit menu does (on macOS Cmd+Z in a field reaches the menu, since the page leaves it alone).
 */
async function handle(c: MenuCommand): Promise<boolean> {
  if (c.command === 'open-recent') {
    const file = c.path ? await electronPlatform()?.openRecentFile(c.path) : undefined;
    if (file) openText(file.name, file.text, file.handle);
    return file !== undefined;
  }
  if (c.command === 'save' && c.requestId) return saveAllDirty();
  if ((c.command === 'undo' || c.command === 'redo') && isTextField(document.activeElement)) {
    // execCommand is deprecated but still the only way to drive a field's own undo stack.
    return document.execCommand(c.command);
  }
  const shortcut = MENU_TO_SHORTCUT[c.command];
  return shortcut ? COMMANDS[shortcut]() : false;
}

/** In Electron: routes the native menu's commands to the same actions as the toolbar. Returns the unsubscribe. */
export function listenToMenu(): () => void {
  const electron = electronPlatform();
  if (!electron) return () => {};
  return electron.onMenuCommand((c) => {
    void Promise.resolve()
      .then(() => handle(c))
      .catch((e: unknown) => {
        console.error(`archsim: menu command ${c.command} failed`, e);
        return false;
      })
      .then((ok) => {
        if (c.requestId) electron.commandDone(c.requestId, ok);
      });
  });
}
