/**
 * The renderer's only door to the outside world (DESIGN.md §2, STYLE.md 8): open, save, export,
 * recent files, autosave. Two implementations: the browser one (File System Access API where the
 * browser has it, else upload/download; autosave in localStorage) and the Electron one (the
 * preload's contextBridge API, electron/ipc-contract.ts). The UI never touches either directly.
 */

/** A file the user opened or saved. `handle` is opaque: a FileSystemFileHandle, a path, or absent (upload). */
export interface OpenedFile {
  name: string;
  text: string;
  handle?: unknown;
}

export interface RecentFile {
  name: string;
  /** Where it is: a path (Electron) or a name (browser; re-opening asks for the file again unless a handle is kept). */
  location: string;
  openedAt: number;
}

/** An autosaved editor state, kept until the document is saved or discarded. */
export interface AutosaveEntry {
  /** The document's id in the store. */
  id: string;
  name: string;
  text: string;
  savedAt: number;
}

export interface Platform {
  readonly kind: 'browser' | 'electron';
  /** Ask the user for a scenario file (YAML or JSON); undefined if they cancel. */
  openFile(): Promise<OpenedFile | undefined>;
  /**
   * Write `text` to the file behind `handle`, atomically where the platform can (Electron: a temp
   * file then rename); without a handle, ask where (save as). Returns the new handle and name, or
   * undefined if the user cancelled.
   */
  saveFile(text: string, suggestedName: string, handle?: unknown): Promise<{ name: string; handle?: unknown } | undefined>;
  /** Export a file (an HTML report, a CSV table, an SVG/PNG chart): a download or a save dialog. */
  exportFile(contents: string | Blob, suggestedName: string, mime: string): Promise<void>;
  /** Electron only: the HTML report as PDF (printToPDF); undefined where it is not available. */
  exportPdf?(html: string, suggestedName: string): Promise<void>;
  recentFiles(): Promise<RecentFile[]>;
  addRecentFile(file: RecentFile): Promise<void>;
  /** Crash-safe autosave: written often, read once at start-up (recovery), removed on save or discard. */
  writeAutosave(entry: AutosaveEntry): Promise<void>;
  readAutosaves(): Promise<AutosaveEntry[]>;
  removeAutosave(id: string): Promise<void>;
  /** Electron: set the window's dirty marker and the close guard (Save / Don't save / Cancel). Browser: a beforeunload guard. */
  setDirty(dirty: boolean): void;
}
