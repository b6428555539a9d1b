/**
 * The Electron main process: one window on the built renderer (dist/renderer/index.html) or on
 * the dev server (ARCHSIM_DEV_URL), the native menu, the IPC handlers of electron/ipc-contract.ts.
 * Built to dist/electron/main.cjs next to preload.cjs (vite.electron.config.ts).
 */
import { app, BrowserWindow, session } from 'electron';
import type { IpcMainEvent } from 'electron';
import { join } from 'node:path';
import { MENU_COMMAND_CHANNEL } from './ipc-contract.ts';
import { installApplicationMenu } from './main/app-menu.ts';
import { AutosaveStore } from './main/autosave-store.ts';
import { CommandRequests } from './main/command-requests.ts';
import { registerIpcHandlers } from './main/ipc-handlers.ts';
import { printHtmlToPdf } from './main/print-pdf.ts';
import { RecentFilesStore } from './main/recent-files-store.ts';
import { resolveRendererLocation } from './main/renderer-location.ts';
import { hardenWebContents, installContentSecurityPolicy } from './main/security.ts';
import { createMainWindow } from './main/window.ts';
import type { MainWindow } from './main/window.ts';

const devUrl = process.env.ARCHSIM_DEV_URL;
const location = resolveRendererLocation(devUrl, join(__dirname, '../renderer/index.html'));
const commands = new CommandRequests();
let main: MainWindow | undefined;

// Every web contents, including any we did not create, is denied navigation and pop-ups.
app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));

function openWindow(): MainWindow {
  main = createMainWindow({ preloadPath: join(__dirname, 'preload.cjs'), location, commands });
  main.win.on('closed', () => {
    main = undefined;
  });
  return main;
}

async function start(): Promise<void> {
  await app.whenReady();
  const userData = app.getPath('userData');
  const recent = new RecentFilesStore(join(userData, 'recent-files.json'));
  const autosave = new AutosaveStore(join(userData, 'autosave'));
  installContentSecurityPolicy(session.defaultSession);
  const rebuildMenu = () => installApplicationMenu({ isDev: devUrl !== undefined, recent, target: () => main?.win });
  const { knownPaths } = registerIpcHandlers({
    location,
    recent,
    autosave,
    commands,
    documentStateFor: (event: IpcMainEvent) => (main && event.sender === main.win.webContents ? main.document : undefined),
    printPdf: printHtmlToPdf,
    onRecentChanged: () => void rebuildMenu(),
  });
  await rebuildMenu();
  openWindow();

  openFilesReady = (path: string) => {
    knownPaths.add(path);
    const target = main ?? openWindow();
    const send = () => target.win.webContents.send(MENU_COMMAND_CHANNEL, { command: 'open-recent', path });
    if (target.win.webContents.isLoading()) target.win.webContents.once('did-finish-load', send);
    else send();
  };
  for (const path of pendingOpenFiles.splice(0)) openFilesReady(path);
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openWindow();
  });
}

// macOS: a file from the Dock's recent documents or Finder (may arrive before 'ready').
const pendingOpenFiles: string[] = [];
let openFilesReady: ((path: string) => void) | undefined;
app.on('open-file', (event, path) => {
  event.preventDefault();
  if (openFilesReady) openFilesReady(path);
  else pendingOpenFiles.push(path);
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

start().catch((error: unknown) => {
  console.error(error);
  app.exit(1);
});
