// @ts-check
import tseslint from 'typescript-eslint';

const uiLayers = ['**/renderer/**', '**/electron/**', 'react', 'react-dom', 'react/*', 'electron', 'zustand', 'd3', 'd3-*'];

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'out/**', 'sim-core/model/scenario.schema.json'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The engine is pure: no UI layers, no Node APIs, and only seeded randomness.
    files: ['sim-core/**/*.ts'],
    ignores: ['sim-core/cli/**', 'sim-core/run/node*'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: uiLayers, message: 'sim-core must not import the UI or Electron layers.' },
          { group: ['node:*', 'fs', 'path', 'os', 'worker_threads', 'child_process'], message: 'Node APIs belong in sim-core/run/node* or sim-core/cli only.' },
        ],
      }],
      'no-restricted-properties': ['error', { object: 'Math', property: 'random', message: 'Use the seeded streams in sim-core/engine/random.ts.' }],
      'no-restricted-globals': ['error', { name: 'window', message: 'No DOM in sim-core.' }, { name: 'document', message: 'No DOM in sim-core.' }, { name: 'process', message: 'No Node globals in sim-core.' }],
    },
  },
  {
    // Node adapters and the CLI still may not reach into the UI.
    files: ['sim-core/cli/**', 'sim-core/run/node*'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: uiLayers, message: 'sim-core must not import the UI or Electron layers.' }] }],
      'no-restricted-properties': ['error', { object: 'Math', property: 'random', message: 'Use the seeded streams in sim-core/engine/random.ts.' }],
    },
  },
);
