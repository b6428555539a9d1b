import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { app, dialog, FakeBrowserWindow, ipcMain } from './fake-electron.ts';

vi.mock('electron', async () => (await import('./fake-electron.ts')).electronModule);

const { INVOKE_CHANNELS, SEND_CHANNELS } = await import('../../electron/ipc-contract.ts');
const { registerIpcHandlers, RefusedSenderError } = await import('../../electron/main/ipc-handlers.ts');
const { AutosaveStore } = await import('../../electron/main/autosave-store.ts');
const { RecentFilesStore } = await import('../../electron/main/recent-files-store.ts');
const { CommandRequests } = await import('../../electron/main/command-requests.ts');
const { DocumentState } = await import('../../electron/main/document-state.ts');
const { resolveRendererLocation } = await import('../../electron/main/renderer-location.ts');

const location = resolveRendererLocation(undefined, '/opt/archsim/dist/renderer/index.html');
let dir: string;
let win: FakeBrowserWindow;
let document: InstanceType<typeof DocumentState>;
let commands: InstanceType<typeof CommandRequests>;

const ours = () => ({ sender: win.webContents, senderFrame: { url: location.url, parent: null } });
const foreign = () => ({ sender: win.webContents, senderFrame: { url: 'https://evil.example/', parent: null } });
const invoke = (event: unknown, channel: string, ...args: unknown[]) => ipcMain.handlers.get(channel)!(event, ...args);

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'archsim-ipc-'));
  ipcMain.reset();
  FakeBrowserWindow.instances = [];
  win = new FakeBrowserWindow({});
  document = new DocumentState(win as never);
  commands = new CommandRequests();
  registerIpcHandlers({
    location,
    recent: new RecentFilesStore(join(dir, 'recent-files.json')),
    autosave: new AutosaveStore(join(dir, 'autosave')),
    commands,
    documentStateFor: () => document,
    printPdf: async (html) => new TextEncoder().encode(`PDF:${html}`),
  });
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
  vi.clearAllMocks();
});

describe('IPC handlers', () => {
  it('registers one handler per contract operation', () => {
    expect([...ipcMain.handlers.keys()].sort()).toEqual(Object.values(INVOKE_CHANNELS).sort());
    expect([...ipcMain.listeners.keys()].sort()).toEqual(Object.values(SEND_CHANNELS).sort());
  });

  it('refuses every invoke from a foreign sender', async () => {
    for (const channel of Object.values(INVOKE_CHANNELS)) {
      await expect(Promise.resolve().then(() => invoke(foreign(), channel)), channel).rejects.toBeInstanceOf(RefusedSenderError);
    }
    expect(dialog.showOpenDialog).not.toHaveBeenCalled();
  });

  it('ignores one-way messages from a foreign sender', () => {
    ipcMain.listeners.get(SEND_CHANNELS.setDirty)!(foreign(), true);
    expect(document.isDirty()).toBe(false);
    ipcMain.listeners.get(SEND_CHANNELS.setDirty)!(ours(), true);
    expect(document.isDirty()).toBe(true);
    expect(win.documentEdited).toBe(true);
    expect(win.title).toBe('• archsim');
  });

  it('saves atomically to the path the user picked, then to the same path without asking', async () => {
    const target = join(dir, 'shop.yaml');
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target });
    const saved = await invoke(ours(), INVOKE_CHANNELS.saveFile, { text: 'a: 1\n', suggestedName: 'shop.yaml' });
    expect(saved).toEqual({ name: 'shop.yaml', path: target });
    expect(await readFile(target, 'utf8')).toBe('a: 1\n');
    await invoke(ours(), INVOKE_CHANNELS.saveFile, { text: 'a: 2\n', suggestedName: 'shop.yaml', path: target });
    expect(dialog.showSaveDialog).toHaveBeenCalledTimes(1);
    expect(await readFile(target, 'utf8')).toBe('a: 2\n');
  });

  it('does not write to a path the user never picked (asks instead)', async () => {
    const elsewhere = join(dir, 'elsewhere.yaml');
    const result = await invoke(ours(), INVOKE_CHANNELS.saveFile, { text: 'x', suggestedName: 'x.yaml', path: elsewhere });
    expect(result).toBeUndefined();
    expect(dialog.showSaveDialog).toHaveBeenCalledTimes(1);
    await expect(readFile(elsewhere, 'utf8')).rejects.toThrow();
    await expect(Promise.resolve().then(() => invoke(ours(), INVOKE_CHANNELS.openRecentFile, '/etc/passwd'))).rejects.toThrow(/recent/);
  });

  it('opens a picked file and keeps it in the recent list and the OS recent documents', async () => {
    const target = join(dir, 'shop.yaml');
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target });
    await invoke(ours(), INVOKE_CHANNELS.saveFile, { text: 'b: 1\n', suggestedName: 'shop.yaml' });
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [target] });
    expect(await invoke(ours(), INVOKE_CHANNELS.openFile)).toEqual({ name: 'shop.yaml', path: target, text: 'b: 1\n' });
    await invoke(ours(), INVOKE_CHANNELS.addRecentFile, { name: 'shop.yaml', location: target, openedAt: 5 });
    expect(app.addRecentDocument).toHaveBeenCalledWith(target);
    expect(await invoke(ours(), INVOKE_CHANNELS.listRecentFiles)).toEqual([{ name: 'shop.yaml', location: target, openedAt: 5 }]);
    expect(await invoke(ours(), INVOKE_CHANNELS.openRecentFile, target)).toMatchObject({ text: 'b: 1\n' });
  });

  it('exports text, bytes and PDF to the picked path', async () => {
    const csv = join(dir, 't.csv');
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: csv });
    expect(await invoke(ours(), INVOKE_CHANNELS.exportFile, { data: 'a,b\n', suggestedName: 't.csv', mime: 'text/csv' })).toBe(true);
    expect(await readFile(csv, 'utf8')).toBe('a,b\n');
    const pdf = join(dir, 'r.pdf');
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: pdf });
    expect(await invoke(ours(), INVOKE_CHANNELS.exportPdf, { html: '<p>hi</p>', suggestedName: 'report' })).toBe(true);
    expect(dialog.showSaveDialog.mock.calls[1][1]).toMatchObject({ defaultPath: 'report.pdf' });
    expect(await readFile(pdf, 'utf8')).toBe('PDF:<p>hi</p>');
    expect(await invoke(ours(), INVOKE_CHANNELS.exportFile, { data: 'x', suggestedName: 'y.csv', mime: 'text/csv' })).toBe(false);
  });

  it('answers a command request from the renderer', async () => {
    const answer = commands.request(win.webContents, 'save');
    const sent = win.webContents.sent[0].args[0] as { requestId: string };
    ipcMain.listeners.get(SEND_CHANNELS.commandDone)!(foreign(), sent.requestId, true);
    expect(commands.size).toBe(1);
    ipcMain.listeners.get(SEND_CHANNELS.commandDone)!(ours(), sent.requestId, true);
    await expect(answer).resolves.toBe(true);
  });
});
