/**
 * The one IPC contract between the Electron main process and the preload (STYLE.md 8): channel
 * names and payload types. Main registers one handler per `INVOKE_CHANNELS` entry, the preload
 * exposes one method per entry, and `ArchsimApi` (electron/archsim-api.ts) is derived from here.
 * Nothing in this file may import Node or Electron: the preload bundles it.
 */

/** A file read from disk. `path` is the platform handle (renderer/platform/platform.ts OpenedFile). */
export interface OpenedFilePayload {
  name: string;
  path: string;
  text: string;
}

export interface SaveFileRequest {
  text: string;
  suggestedName: string;
  /** The file's path; absent = save as (ask where). */
  path?: string;
}

export interface SavedFilePayload {
  name: string;
  path: string;
}

export interface ExportFileRequest {
  /** Text (HTML, CSV, SVG) or bytes (PNG). */
  data: string | Uint8Array;
  suggestedName: string;
  mime: string;
}

export interface ExportPdfRequest {
  html: string;
  suggestedName: string;
}

export interface RecentFilePayload {
  name: string;
  location: string;
  openedAt: number;
}

export interface AutosavePayload {
  id: string;
  name: string;
  text: string;
  savedAt: number;
}

/** Request/response operations (`ipcRenderer.invoke` → `ipcMain.handle`): method name → channel. */
export const INVOKE_CHANNELS = {
  openFile: 'archsim:file:open',
  openRecentFile: 'archsim:file:open-recent',
  saveFile: 'archsim:file:save',
  exportFile: 'archsim:file:export',
  exportPdf: 'archsim:file:export-pdf',
  listRecentFiles: 'archsim:recent:list',
  addRecentFile: 'archsim:recent:add',
  writeAutosave: 'archsim:autosave:write',
  readAutosaves: 'archsim:autosave:read',
  removeAutosave: 'archsim:autosave:remove',
} as const;

/** Argument tuple and result of each invoke operation. */
export interface InvokeSignatures {
  /** Show the open dialog; undefined if cancelled. */
  openFile: { args: []; result: OpenedFilePayload | undefined };
  /** Re-open a file from the recent list (only paths in that list are readable). */
  openRecentFile: { args: [path: string]; result: OpenedFilePayload | undefined };
  /** Atomic save (temp file, rename); save dialog when `path` is absent. Undefined if cancelled. */
  saveFile: { args: [request: SaveFileRequest]; result: SavedFilePayload | undefined };
  /** Save dialog, then write; false if cancelled. */
  exportFile: { args: [request: ExportFileRequest]; result: boolean };
  /** printToPDF of the given HTML in a hidden window, then save dialog; false if cancelled. */
  exportPdf: { args: [request: ExportPdfRequest]; result: boolean };
  listRecentFiles: { args: []; result: RecentFilePayload[] };
  addRecentFile: { args: [file: RecentFilePayload]; result: void };
  writeAutosave: { args: [entry: AutosavePayload]; result: void };
  readAutosaves: { args: []; result: AutosavePayload[] };
  removeAutosave: { args: [id: string]; result: void };
}

export type InvokeMethod = keyof typeof INVOKE_CHANNELS;

/** One-way messages renderer → main (`ipcRenderer.send` → `ipcMain.on`). */
export const SEND_CHANNELS = {
  /** payload: boolean — the document has unsaved edits (title •, setDocumentEdited, close guard). */
  setDirty: 'archsim:window:set-dirty',
  /** payload: (requestId: string, ok: boolean) — the renderer finished a command main asked for. */
  commandDone: 'archsim:menu:command-done',
} as const;

/** Main → renderer: a menu command (payload: MenuCommand). */
export const MENU_COMMAND_CHANNEL = 'archsim:menu:command';

export type MenuCommandName =
  | 'open'
  | 'open-recent'
  | 'save'
  | 'save-as'
  | 'undo'
  | 'redo'
  | 'run'
  | 'cancel'
  | 'export-report'
  | 'toggle-theme';

/**
 * A command from the native menu (or from the close guard). When `requestId` is set, main waits
 * for `commandDone(requestId, ok)`: the close guard sends `{ command: 'save', requestId }` and
 * closes the window only when the renderer answers ok (saved, not cancelled).
 */
export interface MenuCommand {
  command: MenuCommandName;
  /** For 'open-recent': the file's path. */
  path?: string;
  requestId?: string;
}

export const MENU_COMMAND_NAMES: readonly MenuCommandName[] = [
  'open', 'open-recent', 'save', 'save-as', 'undo', 'redo', 'run', 'cancel', 'export-report', 'toggle-theme',
];
