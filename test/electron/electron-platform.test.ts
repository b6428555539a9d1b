import { describe, expect, it, vi } from 'vitest';
import type { ArchsimApi } from '../../electron/archsim-api.ts';
import { createElectronPlatform } from '../../renderer/platform/electron-platform.ts';

function fakeApi(): ArchsimApi & Record<string, ReturnType<typeof vi.fn>> {
  return {
    openFile: vi.fn(async () => ({ name: 'a.yaml', path: '/x/a.yaml', text: 'a: 1' })),
    openRecentFile: vi.fn(async () => undefined),
    saveFile: vi.fn(async () => ({ name: 'b.yaml', path: '/x/b.yaml' })),
    exportFile: vi.fn(async () => true),
    exportPdf: vi.fn(async () => true),
    listRecentFiles: vi.fn(async () => []),
    addRecentFile: vi.fn(async () => undefined),
    writeAutosave: vi.fn(async () => undefined),
    readAutosaves: vi.fn(async () => []),
    removeAutosave: vi.fn(async () => undefined),
    setDirty: vi.fn(),
    commandDone: vi.fn(),
    onMenuCommand: vi.fn(() => () => {}),
  } as never;
}

describe('Electron platform', () => {
  it('is absent outside Electron', () => {
    expect(createElectronPlatform()).toBeUndefined();
    expect(createElectronPlatform(undefined)).toBeUndefined();
  });

  it('uses paths as handles', async () => {
    const api = fakeApi();
    const platform = createElectronPlatform(api)!;
    expect(platform.kind).toBe('electron');
    expect(await platform.openFile()).toEqual({ name: 'a.yaml', text: 'a: 1', handle: '/x/a.yaml' });
    expect(await platform.saveFile('t', 'b.yaml', '/x/b.yaml')).toEqual({ name: 'b.yaml', handle: '/x/b.yaml' });
    expect(api.saveFile).toHaveBeenLastCalledWith({ text: 't', suggestedName: 'b.yaml', path: '/x/b.yaml' });
    await platform.saveFile('t', 'b.yaml', { notAPath: true });
    expect(api.saveFile).toHaveBeenLastCalledWith({ text: 't', suggestedName: 'b.yaml' });
  });

  it('sends blobs as bytes and forwards the rest', async () => {
    const api = fakeApi();
    const platform = createElectronPlatform(api)!;
    await platform.exportFile(new Blob([new Uint8Array([1, 2, 3])]), 'c.png', 'image/png');
    expect(api.exportFile).toHaveBeenLastCalledWith({ data: new Uint8Array([1, 2, 3]), suggestedName: 'c.png', mime: 'image/png' });
    await platform.exportPdf?.('<p/>', 'r.pdf');
    expect(api.exportPdf).toHaveBeenLastCalledWith({ html: '<p/>', suggestedName: 'r.pdf' });
    platform.setDirty(true);
    expect(api.setDirty).toHaveBeenLastCalledWith(true);
    platform.commandDone('req-1', false);
    expect(api.commandDone).toHaveBeenLastCalledWith('req-1', false);
  });
});
