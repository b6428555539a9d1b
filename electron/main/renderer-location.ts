/** Where the renderer is loaded from: the built `dist/renderer/index.html`, or the dev server. */
import { pathToFileURL } from 'node:url';

export type RendererLocation =
  | { kind: 'file'; filePath: string; url: string }
  | { kind: 'url'; url: string };

/** `devUrl` is `ARCHSIM_DEV_URL` (e.g. http://localhost:5173/); else the built index.html. */
export function resolveRendererLocation(devUrl: string | undefined, builtIndexHtml: string): RendererLocation {
  if (devUrl !== undefined && devUrl.trim() !== '') {
    const url = new URL(devUrl.trim());
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new Error(`ARCHSIM_DEV_URL must be an http(s) URL, got ${devUrl}`);
    }
    return { kind: 'url', url: url.href };
  }
  return { kind: 'file', filePath: builtIndexHtml, url: pathToFileURL(builtIndexHtml).href };
}

/** True when `url` is our renderer page (file: the same file, any hash/query; dev: the same origin). */
export function isRendererUrl(location: RendererLocation, url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  const expected = new URL(location.url);
  if (location.kind === 'url') return parsed.origin === expected.origin;
  return parsed.protocol === 'file:' && parsed.pathname === expected.pathname && parsed.host === expected.host;
}
