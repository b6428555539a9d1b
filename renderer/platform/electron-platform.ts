/**
 * The Platform over the Electron preload's `window.archsim` (electron/archsim-api.ts). Handles
 * are file paths. Undefined outside Electron (the browser build uses browser-platform.ts).
 */
import type { ArchsimApi } from '../../electron/archsim-api.ts';
import type { MenuCommand } from '../../electron/ipc-contract.ts';
import type { OpenedFile, Platform } from './platform.ts';

/** What Electron adds to the Platform: native-menu commands and re-opening a recent file. */
export interface ElectronPlatform extends Platform {
  readonly kind: 'electron';
  /** Native-menu commands (File/Edit/View/Run); returns the unsubscribe. */
  onMenuCommand(callback: (command: MenuCommand) => void): () => void;
  /**
   * Answer a command that carried a `requestId` (the close guard sends `{ command: 'save',
   * requestId }`): ok = saved. The window closes only after `commandDone(id, true)`.
   */
  commandDone(requestId: string, ok: boolean): void;
  /** Re-open a file from the recent list (a 'open-recent' menu command's path) without a dialog. */
  openRecentFile(location: string): Promise<OpenedFile | undefined>;
}

export function createElectronPlatform(
  api: ArchsimApi | undefined = typeof window === 'undefined' ? undefined : window.archsim,
): ElectronPlatform | undefined {
  if (!api) return undefined;
  const toOpened = (file: { name: string; path: string; text: string } | undefined): OpenedFile | undefined =>
    file && { name: file.name, text: file.text, handle: file.path };
  return {
    kind: 'electron',
    openFile: async () => toOpened(await api.openFile()),
    openRecentFile: async (location) => toOpened(await api.openRecentFile(location)),
    saveFile: async (text, suggestedName, handle) => {
      const saved = await api.saveFile({ text, suggestedName, ...(typeof handle === 'string' ? { path: handle } : {}) });
      return saved && { name: saved.name, handle: saved.path };
    },
    exportFile: async (contents, suggestedName, mime) => {
      const data = typeof contents === 'string' ? contents : new Uint8Array(await contents.arrayBuffer());
      await api.exportFile({ data, suggestedName, mime });
    },
    exportPdf: async (html, suggestedName) => {
      await api.exportPdf({ html, suggestedName });
    },
    recentFiles: () => api.listRecentFiles(),
    addRecentFile: (file) => api.addRecentFile({ name: file.name, location: file.location, openedAt: file.openedAt }),
    writeAutosave: (entry) => api.writeAutosave({ id: entry.id, name: entry.name, text: entry.text, savedAt: entry.savedAt }),
    readAutosaves: () => api.readAutosaves(),
    removeAutosave: (id) => api.removeAutosave(id),
    setDirty: (dirty) => api.setDirty(dirty),
    onMenuCommand: (callback) => api.onMenuCommand(callback),
    commandDone: (requestId, ok) => api.commandDone(requestId, ok),
  };
}
