import { createBrowserPlatform } from './browser-platform.ts';
import { createElectronPlatform, type ElectronPlatform } from './electron-platform.ts';
import type { Platform } from './platform.ts';

/**
 * The renderer's Platform, chosen once: Electron's (over the preload's `window.archsim`) when
 * the page runs in the desktop shell, else the browser's. Views and actions call `platform()`;
 * nothing else touches files, storage or the window's close guard.
 */
let current: Platform | undefined;

export function platform(): Platform {
  current ??= createElectronPlatform() ?? createBrowserPlatform();
  return current;
}

/** The Electron platform (menu commands, recent files by path), or undefined in a browser. */
export function electronPlatform(): ElectronPlatform | undefined {
  const p = platform();
  return p.kind === 'electron' ? (p as ElectronPlatform) : undefined;
}
