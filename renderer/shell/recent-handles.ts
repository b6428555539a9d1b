/**
 * The browser build's recent-file handles: the FileSystemFileHandle of each recently opened or
 * saved file, kept in IndexedDB (handles are structured-cloneable; localStorage cannot hold them)
 * under the recent entry's location, so "Open recent" can reopen the file without the picker
 * (after the browser's permission prompt). Where IndexedDB or the File System Access API is
 * missing, nothing is kept and the entry asks for the file again.
 */

const DB_NAME = 'archsim';
const STORE = 'recent-handles';

/** The parts of a FileSystemFileHandle used here. */
export interface StoredHandle {
  kind: 'file';
  name: string;
  getFile(): Promise<File>;
  queryPermission?(opts: { mode: 'read' | 'readwrite' }): Promise<PermissionState>;
  requestPermission?(opts: { mode: 'read' | 'readwrite' }): Promise<PermissionState>;
}

export function isFileHandle(h: unknown): h is StoredHandle {
  return typeof h === 'object' && h !== null && (h as StoredHandle).kind === 'file' && typeof (h as StoredHandle).getFile === 'function';
}

let opening: Promise<IDBDatabase | undefined> | undefined;
function db(): Promise<IDBDatabase | undefined> {
  opening ??= new Promise((resolve) => {
    if (typeof indexedDB === 'undefined') return resolve(undefined);
    const req = indexedDB.open(DB_NAME, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => resolve(undefined);
  });
  return opening;
}

function request<T>(mode: IDBTransactionMode, run: (store: IDBObjectStore) => IDBRequest<T>): Promise<T | undefined> {
  return db().then(
    (d) =>
      new Promise<T | undefined>((resolve) => {
        if (!d) return resolve(undefined);
        try {
          const req = run(d.transaction(STORE, mode).objectStore(STORE));
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => resolve(undefined);
        } catch {
          resolve(undefined);
        }
      }),
  );
}

export async function keepHandle(location: string, handle: unknown): Promise<void> {
  if (isFileHandle(handle)) await request('readwrite', (s) => s.put(handle, location));
}

export async function handleFor(location: string): Promise<StoredHandle | undefined> {
  const h = await request<unknown>('readonly', (s) => s.get(location));
  return isFileHandle(h) ? h : undefined;
}

/** The locations that have a kept handle. */
export async function keptLocations(): Promise<Set<string>> {
  const keys = await request<IDBValidKey[]>('readonly', (s) => s.getAllKeys());
  return new Set((keys ?? []).map(String));
}

/** Drops the handles of entries no longer in the recent list. */
export async function pruneHandles(locations: readonly string[]): Promise<void> {
  const keep = new Set(locations);
  for (const key of await keptLocations()) if (!keep.has(key)) await request('readwrite', (s) => s.delete(key));
}

/** Reads the file behind a kept handle, asking the browser for permission first; undefined if refused or gone. */
export async function readKept(handle: StoredHandle): Promise<{ name: string; text: string } | undefined> {
  try {
    const state = (await handle.queryPermission?.({ mode: 'read' })) ?? 'granted';
    if (state !== 'granted' && (await handle.requestPermission?.({ mode: 'read' })) !== 'granted') return undefined;
    const file = await handle.getFile();
    return { name: file.name, text: await file.text() };
  } catch {
    return undefined; // moved or deleted since, or the permission prompt was dismissed
  }
}
