import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assumptionLedger } from '../../sim-core/case-study/assumption-ledger.ts';
import { caseStudySchema, type CaseStudy } from '../../sim-core/case-study/case-study-schema.ts';
import { migrationPhaseTexts } from '../../sim-core/case-study/migration-phases.ts';
import { migrationSchema } from '../../sim-core/case-study/migration-schema.ts';
import { readYamlFile } from '../../sim-core/case-study/read-yaml-file.ts';
import { unknownScenarioNames } from '../../sim-core/case-study/replay.ts';
import { loadModel } from '../../sim-core/model/load.ts';

/**
 * The bundled case-study library (docs/decisions/0013): every manifest, scenario and migration
 * validates, and every `# source: "…"` quote and every figure's quote is found verbatim in the
 * published text it cites — the ledger is only worth reading if its quotes are real.
 */
const ROOT = join(import.meta.dirname, '..', '..');
const LIBRARY = join(ROOT, 'scenarios', 'case-studies');
const SOURCES = resolve(ROOT, '..', 'shared', 'case-studies');
const SLUGS = ['payfinity', 'payments-platform', 'fintech-edge', 'fintech-connect', 'fintechflow'];

/** Whitespace collapsed, typographic quotes and dashes made plain, mojibake of them too. */
function normalise(text: string): string {
  return text
    .replace(/â\u0080\u0094|â€”/g, '—')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201C\u201D]/g, '"')
    .replace(/[\u2013\u2014]/g, '-')
    .replace(/—/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

function quotesIn(comment: string): string[] {
  return [...comment.matchAll(/"([^"]+)"/g)].map((m) => m[1]).map((q) => q.replace(/(\.\.\.|…)$/, '').replace(/^(\.\.\.|…)/, '').trim());
}

describe.each(SLUGS)('case study %s', (slug) => {
  const dir = join(LIBRARY, slug);
  const manifestText = readFileSync(join(dir, 'case-study.yaml'), 'utf8');
  const { value, errors } = readYamlFile(manifestText, caseStudySchema);
  const study = value as CaseStudy;

  it('has a valid manifest whose names resolve', () => {
    expect(errors).toEqual([]);
    expect(unknownScenarioNames(study)).toEqual([]);
    expect(Object.keys(study.scenarios)).toEqual(expect.arrayContaining(['before', 'after']));
  });

  it('has scenarios that validate and compile, each with a ledger of sources and assumptions', () => {
    for (const file of Object.values(study.scenarios)) {
      const text = readFileSync(join(dir, file), 'utf8');
      const { errors: e } = loadModel(text, { fileName: file });
      expect([file, e]).toEqual([file, []]);
      const ledger = assumptionLedger(text);
      expect(ledger.filter((x) => x.kind === 'source').length, `${file}: sources`).toBeGreaterThanOrEqual(3);
      expect(ledger.filter((x) => x.kind === 'assumption').length, `${file}: assumptions`).toBeGreaterThanOrEqual(3);
    }
  });

  it('quotes its source verbatim', () => {
    const source = normalise(readFileSync(join(SOURCES, study.source), 'utf8'));
    const quotes: Array<[string, string]> = [];
    for (const file of Object.values(study.scenarios)) {
      for (const entry of assumptionLedger(readFileSync(join(dir, file), 'utf8'))) {
        if (entry.kind === 'source') for (const q of quotesIn(entry.text)) quotes.push([`${file}:${entry.line}`, q]);
      }
    }
    for (const f of study.figures) quotes.push([`figure ${f.figure}`, f.quote]);
    for (const c of study.checks) quotes.push([`check ${c.title}`, c.quote]);
    const missing = quotes.filter(([, q]) => !source.includes(normalise(q)));
    expect(missing).toEqual([]);
    expect(quotes.length).toBeGreaterThan(10);
  });

  it('has a migration, if any, whose phases build and validate', () => {
    if (study.migration === undefined) return;
    const { value: migration, errors: e } = readYamlFile(readFileSync(join(dir, study.migration), 'utf8'), migrationSchema);
    expect(e).toEqual([]);
    const { phases, errors: phaseErrors } = migrationPhaseTexts(migration!, (f) => readFileSync(join(dir, f), 'utf8'));
    expect(phaseErrors).toEqual([]);
    for (const p of phases) expect([p.name, loadModel(p.text).errors]).toEqual([p.name, []]);
  });
});

it('the library holds the five case studies and nothing else', () => {
  const dirs = readdirSync(LIBRARY).filter((d) => existsSync(join(LIBRARY, d, 'case-study.yaml')));
  expect(dirs.sort()).toEqual([...SLUGS].sort());
});
