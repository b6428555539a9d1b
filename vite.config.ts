import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The renderer builds as a plain web app so it can run under `vite preview` (browser tests)
// as well as inside the Electron shell.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: { outDir: '../dist/renderer', emptyOutDir: true },
  worker: { format: 'es' },
});
