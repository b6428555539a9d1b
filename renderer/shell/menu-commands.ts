import type { MenuCommand, MenuCommandName } from '../../electron/ipc-contract.ts';
import { electronPlatform } from '../platform/current-platform.ts';
import { useStore } from '../state/store.ts';
import { cancelActive, exportReport, openFile, openText, redoActive, runActive, saveActive, saveAllDirty, undoActive } from './actions.ts';
import { NEXT_THEME } from './theme.ts';

/** What each native-menu command does; each resolves true when it completed (for the close guard). */
const HANDLERS: Record<MenuCommandName, (c: MenuCommand) => Promise<boolean> | boolean> = {
  open: async () => {
    await openFile();
    return true;
  },
  'open-recent': async (c) => {
    const file = c.path ? await electronPlatform()?.openRecentFile(c.path) : undefined;
    if (file) openText(file.name, file.text, file.handle);
    return file !== undefined;
  },
  // With a requestId, 'save' is the close guard's Save: every unsaved document must be saved.
  save: (c) => (c.requestId ? saveAllDirty() : saveActive()),
  'save-as': () => saveActive(true),
  undo: () => (undoActive(), true),
  redo: () => (redoActive(), true),
  run: () => (runActive(), true),
  cancel: () => (cancelActive(), true),
  'export-report': async () => {
    await exportReport();
    return true;
  },
  'toggle-theme': () => {
    const s = useStore.getState();
    s.setTheme(NEXT_THEME[s.theme]);
    return true;
  },
};

/** In Electron: routes the native menu's commands to the same actions as the toolbar. Returns the unsubscribe. */
export function listenToMenu(): () => void {
  const electron = electronPlatform();
  if (!electron) return () => {};
  return electron.onMenuCommand((c) => {
    void Promise.resolve()
      .then(() => HANDLERS[c.command](c))
      .catch((e: unknown) => {
        console.error(`archsim: menu command ${c.command} failed`, e);
        return false;
      })
      .then((ok) => {
        if (c.requestId) electron.commandDone(c.requestId, ok);
      });
  });
}
