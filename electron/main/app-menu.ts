/** Installs the application menu and rebuilds it when the recent-files list changes. */
import { Menu } from 'electron';
import type { BrowserWindow } from 'electron';
import { MENU_COMMAND_CHANNEL } from '../ipc-contract.ts';
import type { MenuCommand } from '../ipc-contract.ts';
import { buildMenuTemplate } from './menu-template.ts';
import type { RecentFilesStore } from './recent-files-store.ts';

export async function installApplicationMenu(options: {
  isDev: boolean;
  recent: RecentFilesStore;
  target(): BrowserWindow | undefined;
}): Promise<void> {
  const send = (command: MenuCommand) => {
    const win = options.target();
    if (win && !win.isDestroyed()) win.webContents.send(MENU_COMMAND_CHANNEL, command);
  };
  const template = buildMenuTemplate({
    isMac: process.platform === 'darwin',
    isDev: options.isDev,
    recentFiles: await options.recent.list(),
    send,
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
