/**
 * Fakes of the Electron APIs main and preload use, for `vi.mock('electron', …)`. Records what
 * was called so tests can assert on it; no Electron binary is needed.
 */
import { vi } from 'vitest';

type Listener = (...args: unknown[]) => void;

class Emitter {
  readonly listeners = new Map<string, Listener[]>();
  on(name: string, fn: Listener): this {
    this.listeners.set(name, [...(this.listeners.get(name) ?? []), fn]);
    return this;
  }
  once(name: string, fn: Listener): this {
    const wrapped: Listener = (...args) => {
      this.removeListener(name, wrapped);
      fn(...args);
    };
    return this.on(name, wrapped);
  }
  removeListener(name: string, fn: Listener): this {
    this.listeners.set(name, (this.listeners.get(name) ?? []).filter((l) => l !== fn));
    return this;
  }
  emit(name: string, ...args: unknown[]): void {
    for (const fn of [...(this.listeners.get(name) ?? [])]) fn(...args);
  }
}

/** An event whose preventDefault is observable. */
export function fakeEvent(extra: Record<string, unknown> = {}): { defaultPrevented: boolean; preventDefault(): void } & Record<string, unknown> {
  const event = { defaultPrevented: false, preventDefault: () => { event.defaultPrevented = true; }, ...extra };
  return event;
}

export class FakeWebContents extends Emitter {
  windowOpenHandler: ((details: unknown) => { action: string }) | undefined;
  readonly sent: { channel: string; args: unknown[] }[] = [];
  setWindowOpenHandler(handler: (details: unknown) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
  send(channel: string, ...args: unknown[]): void {
    this.sent.push({ channel, args });
  }
  isLoading(): boolean {
    return false;
  }
  printToPDF = vi.fn(async () => new Uint8Array([37, 80, 68, 70]));
}

export class FakeBrowserWindow extends Emitter {
  static instances: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  title = '';
  documentEdited = false;
  destroyed = false;
  closeCalls = 0;
  loaded: { file?: string; url?: string } = {};
  constructor(readonly options: Record<string, unknown>) {
    super();
    FakeBrowserWindow.instances.push(this);
  }
  static fromWebContents(contents: unknown): FakeBrowserWindow | null {
    return FakeBrowserWindow.instances.find((w) => w.webContents === contents) ?? null;
  }
  static getAllWindows(): FakeBrowserWindow[] {
    return FakeBrowserWindow.instances.filter((w) => !w.destroyed);
  }
  setTitle(title: string): void {
    this.title = title;
  }
  setDocumentEdited(edited: boolean): void {
    this.documentEdited = edited;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  /** Like Electron: emits 'close' (cancellable), then 'closed' unless prevented. */
  close(): void {
    this.closeCalls++;
    const event = fakeEvent();
    this.emit('close', event);
    if (!event.defaultPrevented) {
      this.destroyed = true;
      this.emit('closed');
    }
  }
  destroy(): void {
    this.destroyed = true;
  }
  show(): void {}
  async loadFile(file: string): Promise<void> {
    this.loaded = { file };
  }
  async loadURL(url: string): Promise<void> {
    this.loaded = { url };
  }
}

type Handler = (event: unknown, ...args: unknown[]) => unknown;

export const ipcMain = {
  handlers: new Map<string, Handler>(),
  listeners: new Map<string, Handler>(),
  handle(channel: string, fn: Handler) {
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
    this.handlers.set(channel, fn);
  },
  on(channel: string, fn: Handler) {
    this.listeners.set(channel, fn);
  },
  reset() {
    this.handlers.clear();
    this.listeners.clear();
  },
};

export const dialog = {
  showOpenDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: true, filePaths: [] as string[] })),
  showSaveDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: true, filePath: '' })),
  showMessageBox: vi.fn(async (..._args: unknown[]) => ({ response: 2, checkboxChecked: false })),
};

export const Menu = {
  buildFromTemplate: vi.fn((template: unknown) => ({ template })),
  setApplicationMenu: vi.fn(),
};

export const app = {
  addRecentDocument: vi.fn(),
  getPath: vi.fn(() => '/tmp/archsim-user-data'),
  on: vi.fn(),
  whenReady: vi.fn(async () => undefined),
  quit: vi.fn(),
  exit: vi.fn(),
};

export const contextBridge = {
  exposed: new Map<string, unknown>(),
  exposeInMainWorld: vi.fn((key: string, api: unknown) => {
    contextBridge.exposed.set(key, api);
  }),
};

export const ipcRenderer = {
  invoke: vi.fn(async (..._args: unknown[]) => undefined as unknown),
  send: vi.fn(),
  on: vi.fn(),
  removeListener: vi.fn(),
};

export const session = { defaultSession: { webRequest: { onHeadersReceived: vi.fn() } } };

export const electronModule = { app, BrowserWindow: FakeBrowserWindow, contextBridge, dialog, ipcMain, ipcRenderer, Menu, session };
