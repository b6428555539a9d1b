import type { AutosaveEntry, OpenedFile, Platform, RecentFile } from './platform.ts';

/**
 * The Platform in a plain browser (`npm run web`). Files: the File System Access API where the
 * browser has it (Chromium: open and save in place through a FileSystemFileHandle), else an
 * `<input type=file>` upload and an `<a download>`. Recent files and autosaves: localStorage.
 * Dirty documents: a beforeunload guard (the browser shows its own "leave site?" dialog).
 */

const RECENT_KEY = 'archsim.recent';
const AUTOSAVE_PREFIX = 'archsim.autosave.';
const MAX_RECENT = 10;
const ACCEPT = '.yaml,.yml,.json';

/** The parts of the File System Access API used here (not in TypeScript's DOM library yet). */
interface FsFileHandle {
  name: string;
  getFile(): Promise<File>;
  createWritable(): Promise<{ write(data: string | Blob): Promise<void>; close(): Promise<void> }>;
}
interface FsPickerWindow {
  showOpenFilePicker?: (opts: unknown) => Promise<FsFileHandle[]>;
  showSaveFilePicker?: (opts: unknown) => Promise<FsFileHandle>;
}

const SCENARIO_TYPES = [{ description: 'Scenario (YAML or JSON)', accept: { 'text/yaml': ['.yaml', '.yml'], 'application/json': ['.json'] } }];

export function createBrowserPlatform(win: Window = window): Platform {
  const pickers = win as unknown as FsPickerWindow;
  let dirty = false;
  win.addEventListener('beforeunload', (e) => {
    if (!dirty) return;
    e.preventDefault();
  });

  return {
    kind: 'browser',

    async openFile(): Promise<OpenedFile | undefined> {
      if (pickers.showOpenFilePicker) {
        try {
          const [handle] = await pickers.showOpenFilePicker({ types: SCENARIO_TYPES, multiple: false });
          const file = await handle.getFile();
          return { name: file.name, text: await file.text(), handle };
        } catch (e) {
          if (isAbort(e)) return undefined;
          throw e;
        }
      }
      const file = await pickFileByInput(win.document);
      return file && { name: file.name, text: await file.text() };
    },

    async saveFile(text, suggestedName, handle) {
      const fsHandle = isFsHandle(handle) ? handle : undefined;
      if (fsHandle) {
        await writeTo(fsHandle, text);
        return { name: fsHandle.name, handle: fsHandle };
      }
      if (pickers.showSaveFilePicker) {
        try {
          const picked = await pickers.showSaveFilePicker({ suggestedName, types: SCENARIO_TYPES });
          await writeTo(picked, text);
          return { name: picked.name, handle: picked };
        } catch (e) {
          if (isAbort(e)) return undefined;
          throw e;
        }
      }
      download(win.document, new Blob([text], { type: mimeOf(suggestedName) }), suggestedName);
      return { name: suggestedName };
    },

    async exportFile(contents, suggestedName, mime) {
      const blob = typeof contents === 'string' ? new Blob([contents], { type: mime }) : contents;
      download(win.document, blob, suggestedName);
    },

    async recentFiles(): Promise<RecentFile[]> {
      return readJson<RecentFile[]>(win.localStorage, RECENT_KEY) ?? [];
    },

    async addRecentFile(file) {
      const list = (readJson<RecentFile[]>(win.localStorage, RECENT_KEY) ?? []).filter((f) => f.location !== file.location);
      writeJson(win.localStorage, RECENT_KEY, [file, ...list].slice(0, MAX_RECENT));
    },

    async writeAutosave(entry) {
      writeJson(win.localStorage, AUTOSAVE_PREFIX + entry.id, entry);
    },

    async readAutosaves(): Promise<AutosaveEntry[]> {
      const out: AutosaveEntry[] = [];
      for (let i = 0; i < win.localStorage.length; i++) {
        const key = win.localStorage.key(i);
        if (!key?.startsWith(AUTOSAVE_PREFIX)) continue;
        const entry = readJson<AutosaveEntry>(win.localStorage, key);
        if (entry && typeof entry.text === 'string') out.push(entry);
      }
      return out.sort((a, b) => b.savedAt - a.savedAt);
    },

    async removeAutosave(id) {
      win.localStorage.removeItem(AUTOSAVE_PREFIX + id);
    },

    setDirty(value) {
      dirty = value;
    },
  };
}

function isFsHandle(h: unknown): h is FsFileHandle {
  return typeof h === 'object' && h !== null && typeof (h as FsFileHandle).createWritable === 'function';
}

async function writeTo(handle: FsFileHandle, text: string): Promise<void> {
  const writable = await handle.createWritable(); // writes to a swap file, swapped in on close: atomic
  await writable.write(text);
  await writable.close();
}

function isAbort(e: unknown): boolean {
  return e instanceof DOMException && e.name === 'AbortError';
}

function mimeOf(name: string): string {
  return /\.json$/i.test(name) ? 'application/json' : 'text/yaml';
}

function pickFileByInput(doc: Document): Promise<File | undefined> {
  return new Promise((resolve) => {
    const input = doc.createElement('input');
    input.type = 'file';
    input.accept = ACCEPT;
    input.style.display = 'none';
    input.addEventListener('change', () => {
      resolve(input.files?.[0]);
      input.remove();
    });
    input.addEventListener('cancel', () => {
      resolve(undefined);
      input.remove();
    });
    doc.body.append(input);
    input.click();
  });
}

function download(doc: Document, blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = doc.createElement('a');
  a.href = url;
  a.download = name;
  a.style.display = 'none';
  doc.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function readJson<T>(storage: Storage, key: string): T | undefined {
  try {
    const raw = storage.getItem(key);
    return raw === null ? undefined : (JSON.parse(raw) as T);
  } catch {
    return undefined;
  }
}

function writeJson(storage: Storage, key: string, value: unknown): void {
  try {
    storage.setItem(key, JSON.stringify(value));
  } catch {
    // storage full or disabled: autosave and recent files are conveniences, the edit itself stands
  }
}
