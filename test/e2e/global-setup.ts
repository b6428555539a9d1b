import type { TestProject } from 'vitest/node';
import { build, preview, type PreviewServer } from 'vite';

/**
 * Builds the renderer once and serves it with `vite preview` for every browser test; the URL is
 * handed to the tests as ARCHSIM_E2E_URL (provide/inject would need a typed context).
 */
let server: PreviewServer | undefined;

export async function setup(project: TestProject): Promise<void> {
  await build({ configFile: 'vite.config.ts', logLevel: 'warn' });
  server = await preview({ configFile: 'vite.config.ts', preview: { port: 0, strictPort: false, host: '127.0.0.1' }, logLevel: 'warn' });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview did not report a URL');
  project.provide('baseUrl', url);
}

export async function teardown(): Promise<void> {
  await server?.close();
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}
