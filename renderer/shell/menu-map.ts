import type { MenuCommandName } from '../../electron/ipc-contract.ts';
import type { ShortcutCommand } from './shortcuts.ts';

/**
 * Which keyboard command each native-menu command is (pure): the menu runs the same action as the
 * key the menu item shows. `open-recent` has no key (it carries a path).
 */
export const MENU_TO_SHORTCUT: Readonly<Record<MenuCommandName, ShortcutCommand | undefined>> = {
  open: 'open',
  'open-recent': undefined,
  save: 'save',
  'save-as': 'saveAs',
  undo: 'undo',
  redo: 'redo',
  run: 'run',
  cancel: 'cancel',
  'export-report': 'exportReport',
  'toggle-theme': 'toggleTheme',
};
