/**
 * The type of `window.archsim`, the preload's contextBridge API — declared once, used by the
 * preload (electron/preload.ts) and the renderer (renderer/platform/electron-platform.ts).
 */
import type { InvokeMethod, InvokeSignatures, MenuCommand } from './ipc-contract.ts';

export type ArchsimInvokeApi = {
  [K in InvokeMethod]: (...args: InvokeSignatures[K]['args']) => Promise<InvokeSignatures[K]['result']>;
};

export interface ArchsimApi extends ArchsimInvokeApi {
  setDirty(dirty: boolean): void;
  /** Answer a menu command that carried a requestId (the close guard's save). */
  commandDone(requestId: string, ok: boolean): void;
  /** Listen to native-menu commands; returns the unsubscribe. */
  onMenuCommand(callback: (command: MenuCommand) => void): () => void;
}

declare global {
  interface Window {
    /** Present only inside the Electron shell. */
    archsim?: ArchsimApi;
  }
}
