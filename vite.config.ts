import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * The renderer builds as a plain web app so it runs under `vite preview` (`npm run web`, the
 * browser tests) as well as inside the Electron shell. COOP/COEP make the page cross-origin
 * isolated, so SharedArrayBuffer exists and a run is cancelled through a shared flag the
 * simulation worker polls (renderer/sim/worker-bridge.ts) instead of terminating the worker.
 */
const isolation = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: { outDir: '../dist/renderer', emptyOutDir: true },
  worker: { format: 'es' },
  server: { headers: isolation, fs: { allow: ['..'] } },
  preview: { headers: isolation },
});
