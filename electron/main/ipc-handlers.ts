/**
 * Main's side of electron/ipc-contract.ts: one handler per operation, each refusing any sender
 * that is not our renderer's top frame. File paths the renderer may name are only those the
 * user picked in a dialog this session or that are in the recent list (`knownPaths`).
 */
import { app, BrowserWindow, dialog, ipcMain } from 'electron';
import type { IpcMainEvent, IpcMainInvokeEvent, SaveDialogOptions } from 'electron';
import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { INVOKE_CHANNELS, SEND_CHANNELS } from '../ipc-contract.ts';
import type { AutosavePayload, InvokeMethod, InvokeSignatures, OpenedFilePayload } from '../ipc-contract.ts';
import { atomicWriteFile } from './atomic-write.ts';
import type { AutosaveStore } from './autosave-store.ts';
import type { CommandRequests } from './command-requests.ts';
import type { DocumentState } from './document-state.ts';
import { isRecentFile } from './recent-files-store.ts';
import type { RecentFilesStore } from './recent-files-store.ts';
import type { RendererLocation } from './renderer-location.ts';
import { isTrustedSender } from './security.ts';
import { expectExportRequest, expectPdfRequest, expectSaveRequest, expectString } from './validate.ts';

export const SCENARIO_FILTERS = [
  { name: 'Scenarios', extensions: ['yaml', 'yml', 'json'] },
  { name: 'All Files', extensions: ['*'] },
];

export interface IpcDeps {
  location: RendererLocation;
  recent: RecentFilesStore;
  autosave: AutosaveStore;
  commands: CommandRequests;
  /** The dirty state of the window that sent the message. */
  documentStateFor(event: IpcMainEvent): DocumentState | undefined;
  printPdf(html: string): Promise<Uint8Array>;
  /** The recent list changed (rebuild the menu). */
  onRecentChanged?(): void;
}

export class RefusedSenderError extends Error {
  constructor(channel: string) {
    super(`archsim: refused IPC on ${channel} from an untrusted sender`);
  }
}

function filtersFor(name: string): SaveDialogOptions['filters'] {
  const ext = extname(name).slice(1);
  return ext === '' ? undefined : [{ name: ext.toUpperCase(), extensions: [ext] }, { name: 'All Files', extensions: ['*'] }];
}

export function registerIpcHandlers(deps: IpcDeps): { knownPaths: Set<string> } {
  const knownPaths = new Set<string>();
  const windowOf = (event: IpcMainInvokeEvent) => BrowserWindow.fromWebContents(event.sender) ?? undefined;

  const handle = <K extends InvokeMethod>(
    method: K,
    fn: (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<InvokeSignatures[K]['result']>,
  ) => {
    const channel = INVOKE_CHANNELS[method];
    ipcMain.handle(channel, (event, ...args: unknown[]) => {
      if (!isTrustedSender(event.senderFrame, deps.location)) throw new RefusedSenderError(channel);
      return fn(event, ...args);
    });
  };
  const on = (channel: string, fn: (event: IpcMainEvent, ...args: unknown[]) => void) => {
    ipcMain.on(channel, (event, ...args: unknown[]) => {
      if (!isTrustedSender(event.senderFrame, deps.location)) return;
      fn(event, ...args);
    });
  };

  const readScenario = async (path: string): Promise<OpenedFilePayload> => {
    knownPaths.add(path);
    return { name: basename(path), path, text: await readFile(path, 'utf8') };
  };
  const isKnown = async (path: string) => knownPaths.has(path) || (await deps.recent.has(path));
  const askSavePath = async (event: IpcMainInvokeEvent, suggestedName: string, filters: SaveDialogOptions['filters']) => {
    const win = windowOf(event);
    const options: SaveDialogOptions = { defaultPath: suggestedName, ...(filters ? { filters } : {}) };
    const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
    return result.canceled || !result.filePath ? undefined : result.filePath;
  };

  handle('openFile', async (event) => {
    const win = windowOf(event);
    const options = { properties: ['openFile' as const], filters: SCENARIO_FILTERS };
    const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
    const path = result.canceled ? undefined : result.filePaths[0];
    return path === undefined ? undefined : readScenario(path);
  });

  handle('openRecentFile', async (_event, rawPath) => {
    const path = expectString(rawPath, 'path');
    if (!(await isKnown(path))) throw new Error(`not a recent file: ${path}`);
    return readScenario(path);
  });

  handle('saveFile', async (event, raw) => {
    const request = expectSaveRequest(raw);
    let path = request.path !== undefined && (await isKnown(request.path)) ? request.path : undefined;
    path ??= await askSavePath(event, request.suggestedName, SCENARIO_FILTERS);
    if (path === undefined) return undefined;
    await atomicWriteFile(path, request.text);
    knownPaths.add(path);
    return { name: basename(path), path };
  });

  handle('exportFile', async (event, raw) => {
    const request = expectExportRequest(raw);
    const path = await askSavePath(event, request.suggestedName, filtersFor(request.suggestedName));
    if (path === undefined) return false;
    await atomicWriteFile(path, request.data);
    return true;
  });

  handle('exportPdf', async (event, raw) => {
    const request = expectPdfRequest(raw);
    const name = request.suggestedName.toLowerCase().endsWith('.pdf') ? request.suggestedName : `${request.suggestedName}.pdf`;
    const path = await askSavePath(event, name, filtersFor(name));
    if (path === undefined) return false;
    await atomicWriteFile(path, await deps.printPdf(request.html));
    return true;
  });

  handle('listRecentFiles', async () => deps.recent.list());

  handle('addRecentFile', async (_event, raw) => {
    if (!isRecentFile(raw)) throw new TypeError('invalid recent file');
    if (!(await isKnown(raw.location))) throw new Error(`not an opened or saved file: ${raw.location}`);
    await deps.recent.add(raw);
    app.addRecentDocument(raw.location);
    deps.onRecentChanged?.();
  });

  handle('writeAutosave', async (_event, entry) => deps.autosave.write(entry as AutosavePayload));
  handle('readAutosaves', async () => deps.autosave.readAll());
  handle('removeAutosave', async (_event, id) => deps.autosave.remove(expectString(id, 'id')));

  on(SEND_CHANNELS.setDirty, (event, dirty) => deps.documentStateFor(event)?.setDirty(dirty === true));
  on(SEND_CHANNELS.commandDone, (_event, requestId, ok) => {
    if (typeof requestId === 'string') deps.commands.resolve(requestId, ok === true);
  });

  return { knownPaths };
}
