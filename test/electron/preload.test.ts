import { describe, expect, it, vi } from 'vitest';
import { contextBridge, ipcRenderer } from './fake-electron.ts';

vi.mock('electron', async () => (await import('./fake-electron.ts')).electronModule);

await import('../../electron/preload.ts');
const { INVOKE_CHANNELS, MENU_COMMAND_CHANNEL, SEND_CHANNELS } = await import('../../electron/ipc-contract.ts');
type Api = import('../../electron/archsim-api.ts').ArchsimApi;

const api = contextBridge.exposed.get('archsim') as Api;

describe('preload', () => {
  it('exposes exactly the contract methods as window.archsim, and no ipcRenderer', () => {
    expect(contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
    expect([...contextBridge.exposed.keys()]).toEqual(['archsim']);
    const expected = [...Object.keys(INVOKE_CHANNELS), 'setDirty', 'commandDone', 'onMenuCommand'].sort();
    expect(Object.keys(api).sort()).toEqual(expected);
    for (const [key, value] of Object.entries(api)) {
      expect(typeof value, key).toBe('function');
      expect(value).not.toBe(ipcRenderer);
      expect(key.toLowerCase()).not.toContain('ipc');
    }
  });

  it('forwards each operation to its channel', async () => {
    ipcRenderer.invoke.mockResolvedValueOnce({ name: 'a.yaml', path: '/a.yaml' });
    await expect(api.saveFile({ text: 't', suggestedName: 'a.yaml' })).resolves.toEqual({ name: 'a.yaml', path: '/a.yaml' });
    expect(ipcRenderer.invoke).toHaveBeenLastCalledWith(INVOKE_CHANNELS.saveFile, { text: 't', suggestedName: 'a.yaml' });
    await api.removeAutosave('doc-1');
    expect(ipcRenderer.invoke).toHaveBeenLastCalledWith(INVOKE_CHANNELS.removeAutosave, 'doc-1');
    api.setDirty(true);
    expect(ipcRenderer.send).toHaveBeenLastCalledWith(SEND_CHANNELS.setDirty, true);
    api.commandDone('req-1', true);
    expect(ipcRenderer.send).toHaveBeenLastCalledWith(SEND_CHANNELS.commandDone, 'req-1', true);
  });

  it('delivers menu commands without the IPC event and unsubscribes', () => {
    const seen: unknown[] = [];
    const unsubscribe = api.onMenuCommand((command) => seen.push(command));
    const [channel, listener] = ipcRenderer.on.mock.calls.at(-1) as [string, (event: unknown, payload: unknown) => void];
    expect(channel).toBe(MENU_COMMAND_CHANNEL);
    listener({ sender: 'secret' }, { command: 'run' });
    listener({ sender: 'secret' }, { command: 'rm -rf' });
    listener({ sender: 'secret' }, { command: 'save', requestId: 'req-2' });
    expect(seen).toEqual([
      { command: 'run', path: undefined, requestId: undefined },
      { command: 'save', path: undefined, requestId: 'req-2' },
    ]);
    unsubscribe();
    expect(ipcRenderer.removeListener).toHaveBeenCalledWith(MENU_COMMAND_CHANNEL, listener);
  });
});
