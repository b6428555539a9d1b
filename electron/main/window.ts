/** The main window: secure webPreferences, hardened contents, dirty marker and close guard. */
import { BrowserWindow, dialog } from 'electron';
import { askSaveChanges, attachCloseGuard } from './close-guard.ts';
import type { CommandRequests } from './command-requests.ts';
import { APP_TITLE, DocumentState } from './document-state.ts';
import type { RendererLocation } from './renderer-location.ts';
import { hardenWebContents, secureWebPreferences } from './security.ts';

export interface MainWindow {
  win: BrowserWindow;
  document: DocumentState;
}

export function createMainWindow(options: { preloadPath: string; location: RendererLocation; commands: CommandRequests }): MainWindow {
  const win = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: APP_TITLE,
    webPreferences: secureWebPreferences(options.preloadPath),
  });
  hardenWebContents(win.webContents);
  const document = new DocumentState(win);
  attachCloseGuard(win, {
    isDirty: () => document.isDirty(),
    ask: () => askSaveChanges(dialog, win),
    requestSave: () => options.commands.request(win.webContents, 'save'),
  });
  // A reloaded or crashed renderer will never answer a pending request, and starts clean.
  win.webContents.on('render-process-gone', () => options.commands.cancelAll());
  win.webContents.on('did-start-loading', () => {
    options.commands.cancelAll();
    document.setDirty(false);
  });
  win.once('ready-to-show', () => win.show());
  if (options.location.kind === 'file') void win.loadFile(options.location.filePath);
  else void win.loadURL(options.location.url);
  return { win, document };
}
