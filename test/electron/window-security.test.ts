import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeBrowserWindow, fakeEvent } from './fake-electron.ts';

vi.mock('electron', async () => (await import('./fake-electron.ts')).electronModule);

const { createMainWindow } = await import('../../electron/main/window.ts');
const { CommandRequests } = await import('../../electron/main/command-requests.ts');
const { resolveRendererLocation, isRendererUrl } = await import('../../electron/main/renderer-location.ts');
const { isTrustedSender, hardenWebContents, CONTENT_SECURITY_POLICY } = await import('../../electron/main/security.ts');

const fileLocation = resolveRendererLocation(undefined, '/opt/archsim/dist/renderer/index.html');

function openWindow(location = fileLocation) {
  return createMainWindow({ preloadPath: '/opt/archsim/dist/electron/preload.cjs', location, commands: new CommandRequests() });
}

beforeEach(() => {
  FakeBrowserWindow.instances = [];
});

describe('main window', () => {
  it('has secure webPreferences and the preload', () => {
    openWindow();
    const prefs = FakeBrowserWindow.instances[0].options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      webviewTag: false,
      preload: '/opt/archsim/dist/electron/preload.cjs',
    });
  });

  it('loads the built renderer, or the dev server when ARCHSIM_DEV_URL is set', () => {
    expect(openWindow().win).toBe(FakeBrowserWindow.instances[0]);
    expect(FakeBrowserWindow.instances[0].loaded).toEqual({ file: '/opt/archsim/dist/renderer/index.html' });
    openWindow(resolveRendererLocation('http://localhost:5173/', 'unused'));
    expect(FakeBrowserWindow.instances[1].loaded).toEqual({ url: 'http://localhost:5173/' });
    expect(() => resolveRendererLocation('file:///etc/passwd', 'x')).toThrow(/http/);
  });

  it('denies navigation, redirects, webviews and window.open', () => {
    const { win } = openWindow();
    const contents = (win as unknown as FakeBrowserWindow).webContents;
    for (const name of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      const event = fakeEvent();
      contents.emit(name, event, 'https://evil.example/');
      expect(event.defaultPrevented, name).toBe(true);
    }
    expect(contents.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
  });

  it('hardens any web contents', () => {
    const contents = new FakeBrowserWindow({}).webContents;
    hardenWebContents(contents as never);
    expect(contents.windowOpenHandler?.({})).toEqual({ action: 'deny' });
  });

  it('has a strict CSP', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
  });
});

describe('IPC sender check', () => {
  it('trusts only the top frame of our renderer page', () => {
    const url = fileLocation.url;
    expect(isTrustedSender({ url: `${url}#/editor`, parent: null } as never, fileLocation)).toBe(true);
    expect(isTrustedSender({ url: 'file:///tmp/other.html', parent: null } as never, fileLocation)).toBe(false);
    expect(isTrustedSender({ url, parent: {} } as never, fileLocation)).toBe(false);
    expect(isTrustedSender(null, fileLocation)).toBe(false);
    const dev = resolveRendererLocation('http://localhost:5173', 'x');
    expect(isRendererUrl(dev, 'http://localhost:5173/src/x?y')).toBe(true);
    expect(isRendererUrl(dev, 'http://localhost:5174/')).toBe(false);
    expect(isRendererUrl(dev, 'not a url')).toBe(false);
  });
});
