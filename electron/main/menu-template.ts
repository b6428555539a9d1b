/**
 * The native application menu: File / Edit / View / Run / Help (+ the app and Window menus on
 * macOS), standard roles where they fit, our commands sent to the renderer as MenuCommands.
 *
 * Our commands show their shortcut but do not register it (`registerAccelerator: false`): the
 * renderer's own keyboard shortcuts handle the keys, the same in the browser and here, so a key
 * never fires twice and Ctrl+Z in a text field stays the field's own undo.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand, MenuCommandName, RecentFilePayload } from '../ipc-contract.ts';

export interface MenuOptions {
  isMac: boolean;
  /** Show reload and devtools (ARCHSIM_DEV_URL set). */
  isDev: boolean;
  recentFiles: readonly RecentFilePayload[];
  send(command: MenuCommand): void;
}

function command(label: string, name: MenuCommandName, send: MenuOptions['send'], accelerator?: string): MenuItemConstructorOptions {
  return {
    label,
    ...(accelerator === undefined ? {} : { accelerator, registerAccelerator: false }),
    click: () => send({ command: name }),
  };
}

export function buildMenuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const { isMac, isDev, send } = options;
  const recent: MenuItemConstructorOptions[] = options.recentFiles.length === 0
    ? [{ label: 'No Recent Files', enabled: false }]
    : options.recentFiles.map((file) => ({
        label: file.name,
        sublabel: file.location,
        click: () => send({ command: 'open-recent', path: file.location }),
      }));

  const file: MenuItemConstructorOptions = {
    label: 'File',
    submenu: [
      command('Open…', 'open', send, 'CmdOrCtrl+O'),
      { label: 'Open Recent', submenu: recent },
      { type: 'separator' },
      command('Save', 'save', send, 'CmdOrCtrl+S'),
      command('Save As…', 'save-as', send, 'Shift+CmdOrCtrl+S'),
      { type: 'separator' },
      command('Export Report…', 'export-report', send, 'CmdOrCtrl+E'),
      { type: 'separator' },
      isMac ? { role: 'close' } : { role: 'quit' },
    ],
  };
  const edit: MenuItemConstructorOptions = {
    label: 'Edit',
    submenu: [
      command('Undo', 'undo', send, 'CmdOrCtrl+Z'),
      command('Redo', 'redo', send, isMac ? 'Shift+CmdOrCtrl+Z' : 'CmdOrCtrl+Y'),
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'delete' },
      { role: 'selectAll' },
    ],
  };
  const view: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [
      command('Toggle Theme', 'toggle-theme', send, 'CmdOrCtrl+Shift+L'),
      { type: 'separator' },
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
      ...(isDev ? [{ type: 'separator' } as const, { role: 'reload' } as const, { role: 'toggleDevTools' } as const] : []),
    ],
  };
  const run: MenuItemConstructorOptions = {
    label: 'Run',
    submenu: [
      command('Run Simulation', 'run', send, 'CmdOrCtrl+Enter'),
      command('Cancel Run', 'cancel', send, 'CmdOrCtrl+.'),
    ],
  };
  const help: MenuItemConstructorOptions = {
    role: 'help',
    label: 'Help',
    submenu: [isMac ? { role: 'about' } : { label: 'About archsim', role: 'about' }],
  };
  return [
    ...(isMac ? [{ role: 'appMenu' } as const] : []),
    file,
    edit,
    view,
    run,
    ...(isMac ? [{ role: 'windowMenu' } as const] : []),
    help,
  ];
}
