#!/usr/bin/env node
// Starts the desktop app: `npm start` builds the renderer and the shell, then runs this.
// The Electron binary is not fetched at `npm ci` time (its postinstall may fail offline); the
// first start downloads it (node_modules/electron/install.js, ~100 MB, needs internet), then runs
// `electron dist/electron` (dist/electron/package.json points at main.cjs).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const electronDir = join(root, 'node_modules', 'electron');
const appDir = join(root, 'dist', 'electron');

const needsBuiltRenderer = !process.env.ARCHSIM_DEV_URL; // else the renderer comes from the dev server
if (!existsSync(join(appDir, 'main.cjs')) || (needsBuiltRenderer && !existsSync(join(root, 'dist', 'renderer', 'index.html')))) {
  console.error('archsim: build first: npm run build:renderer && npm run build:electron (npm start does both).');
  process.exit(1);
}

function installed() {
  const version = JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8')).version;
  try {
    return readFileSync(join(electronDir, 'dist', 'version'), 'utf8').trim().replace(/^v/, '') === version
      && existsSync(join(electronDir, 'path.txt'));
  } catch {
    return false;
  }
}

if (!installed()) {
  console.log('archsim: downloading the Electron binary (first start only; needs internet)…');
  const result = spawnSync(process.execPath, [join(electronDir, 'install.js')], { stdio: 'inherit' });
  if (result.status !== 0 || !installed()) {
    console.error('archsim: could not download Electron. Without internet, use the web build: npm run web');
    process.exit(1);
  }
}

const electronBinary = createRequire(import.meta.url)('electron');
const child = spawn(electronBinary, [appDir, ...process.argv.slice(2)], { stdio: 'inherit', env: process.env });
child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
