/**
 * Window hardening (STYLE.md 8; Electron's security checklist): secure webPreferences, a strict
 * CSP, no navigation, no pop-ups, no <webview>, and the IPC sender check.
 */
import type { Session, WebContents, WebFrameMain, WebPreferences } from 'electron';
import { isRendererUrl } from './renderer-location.ts';
import type { RendererLocation } from './renderer-location.ts';

export function secureWebPreferences(preloadPath?: string): WebPreferences {
  return {
    ...(preloadPath === undefined ? {} : { preload: preloadPath }),
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
  };
}

/**
 * Same policy as the meta tag in renderer/index.html, plus what a meta tag cannot say
 * (frame-ancestors). Sent as a response header where there are headers (the dev server);
 * file:// content has none, so the meta tag carries it there.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export function installContentSecurityPolicy(session: Session): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
  });
}

/** Deny every navigation, redirect, pop-up and <webview> in this web contents. */
export function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** IPC is answered only for the top frame of our own renderer. */
export function isTrustedSender(frame: WebFrameMain | null | undefined, location: RendererLocation): boolean {
  if (!frame) return false;
  if (frame.parent !== null) return false;
  return isRendererUrl(location, frame.url);
}
