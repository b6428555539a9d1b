import { writeFile } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import { build, defineConfig } from 'vite';
import type { BuildEnvironmentOptions, Plugin } from 'vite';

// The Electron main process and preload, built to dist/electron/ as CommonJS (.cjs, since the
// package is "type": "module"). Main and preload are separate builds: a sandboxed preload must be
// one self-contained file that requires nothing but 'electron', so no chunk may be shared.
const nodeExternals = ['electron', ...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

function electronBuild(entry: string, fileName: string, emptyOutDir: boolean): BuildEnvironmentOptions {
  return {
    outDir: 'dist/electron',
    emptyOutDir,
    target: 'node22',
    minify: false,
    sourcemap: true,
    lib: { entry, formats: ['cjs'], fileName: () => fileName },
    rollupOptions: { external: nodeExternals },
  };
}

// `electron dist/electron` runs this folder as the app: its package.json names the app (so
// userData is …/archsim, not …/Electron) and points at main.cjs.
const appPackageJson = { name: 'archsim', productName: 'archsim', private: true, type: 'commonjs', main: 'main.cjs' };

/** After main is written, build the preload into the same folder and write the app's package.json. */
function preload(): Plugin {
  return {
    name: 'archsim-electron-preload',
    apply: 'build',
    async closeBundle() {
      await build({ configFile: false, publicDir: false, logLevel: 'warn', build: electronBuild('electron/preload.ts', 'preload.cjs', false) });
      await writeFile('dist/electron/package.json', `${JSON.stringify(appPackageJson, null, 2)}\n`);
    },
  };
}

export default defineConfig({
  publicDir: false,
  build: electronBuild('electron/main.ts', 'main.cjs', true),
  plugins: [preload()],
});
