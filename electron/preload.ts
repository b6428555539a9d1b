/**
 * The preload (sandboxed, context-isolated): exposes `window.archsim` with one method per
 * operation of electron/ipc-contract.ts — never `ipcRenderer` itself, never the IPC event.
 * Built to a single CommonJS file without exports (vite.electron.config.ts): a sandboxed preload
 * can only `require('electron')`.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { buildArchsimApi } from './preload-api.ts';

contextBridge.exposeInMainWorld('archsim', buildArchsimApi(ipcRenderer));
