import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';

// The purity rules of sim-core are enforced by eslint.config.js; these tests prove they bite.
const eslint = new ESLint({ cwd: process.cwd() });

async function ruleIds(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.map((m) => m.ruleId ?? m.message);
}

describe('sim-core layer rules', () => {
  it('rejects imports from renderer/ and electron/', async () => {
    expect(await ruleIds("import { x } from '../../renderer/store.ts';\nexport const y = x;\n", 'sim-core/engine/bad.ts')).toContain('no-restricted-imports');
    expect(await ruleIds("import { x } from '../../electron/main.ts';\nexport const y = x;\n", 'sim-core/run/bad.ts')).toContain('no-restricted-imports');
    expect(await ruleIds("import React from 'react';\nexport const y = React;\n", 'sim-core/model/bad.ts')).toContain('no-restricted-imports');
  });

  it('rejects Math.random anywhere in sim-core, the CLI included', async () => {
    expect(await ruleIds('export const r = Math.random();\n', 'sim-core/engine/bad.ts')).toContain('no-restricted-properties');
    expect(await ruleIds('export const r = Math.random();\n', 'sim-core/cli/bad.ts')).toContain('no-restricted-properties');
  });

  it('rejects Node APIs outside the Node adapters', async () => {
    expect(await ruleIds("import { readFileSync } from 'node:fs';\nexport const f = readFileSync;\n", 'sim-core/engine/bad.ts')).toContain('no-restricted-imports');
    expect(await ruleIds("import { readFileSync } from 'node:fs';\nexport const f = readFileSync;\n", 'sim-core/cli/ok.ts')).toEqual([]);
  });

  it('accepts clean engine code', async () => {
    expect(await ruleIds("import { Op } from '../model/compiled.ts';\nexport const x = Op.ENTER;\n", 'sim-core/engine/ok.ts')).toEqual([]);
  });
});
