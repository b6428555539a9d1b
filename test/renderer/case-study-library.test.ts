import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describeCaseStudy, docName, groupCaseStudies, resolveRelative, storyOrder } from '../../renderer/library/case-study-library.ts';

const MINI = new URL('../case-study/fixtures/mini/', import.meta.url);
const miniFiles = Object.fromEntries(readdirSync(MINI).map((f) => [f, readFileSync(new URL(f, MINI), 'utf8')]));

/** The files as import.meta.glob names them, under `root`. */
const globbed = (slug: string, files: Record<string, string>) => Object.fromEntries(Object.entries(files).map(([f, t]) => [`../../scenarios/case-studies/${slug}/${f}`, t]));

describe('the case-study library', () => {
  it('groups a folder into one study: the manifest gives title, source and the scenarios in story order', () => {
    const [mini, ...rest] = groupCaseStudies(globbed('mini', miniFiles), 'scenarios/case-studies/');
    expect(rest).toEqual([]);
    expect(mini).toMatchObject({ slug: 'mini', title: 'Mini — a test fixture', source: 'none.txt', manifestErrors: [], checks: 5 });
    expect(mini.figures).toEqual({ total: 4, modelled: 3, notModelled: 1 });
    expect(mini.scenarios.map((s) => [s.name, s.file, s.docName])).toEqual([
      ['before', 'before.yaml', 'mini-before.yaml'],
      ['after', 'after.yaml', 'mini-after.yaml'],
    ]);
    expect(mini.migration?.file).toBe('migration.yaml');
    expect(mini.migration?.text).toContain('kind: migration');
  });

  it('never lists case-study.yaml or the migration file as scenarios', () => {
    const mini = describeCaseStudy('mini', miniFiles);
    const files = mini.scenarios.map((s) => s.file);
    expect(files).not.toContain('case-study.yaml');
    expect(files).not.toContain('migration.yaml');
  });

  it('lists a folder without a manifest by its files, before → phases → after, and says the replay needs one', () => {
    const entry = describeCaseStudy('study', { 'after.yaml': 'a', 'phase-10.yaml': 'p10', 'phase-2.yaml': 'p2', 'before.yaml': 'b', 'notes.yaml': 'n' });
    expect(entry.manifest).toBeUndefined();
    expect(entry.title).toBe('study');
    expect(entry.summary).toMatch(/case-study\.yaml/);
    expect(entry.scenarios.map((s) => s.name)).toEqual(['before', 'phase-2', 'phase-10', 'after', 'notes']);
  });

  it('appends the phase files the manifest does not name, and marks a named file that is missing', () => {
    const manifest = miniFiles['case-study.yaml'].replace('scenarios: { before: before.yaml, after: after.yaml }', 'scenarios: { before: before.yaml, after: gone.yaml }');
    const entry = describeCaseStudy('mini', { ...miniFiles, 'case-study.yaml': manifest, 'phase-1.yaml': 'x' });
    expect(entry.scenarios.map((s) => [s.name, s.file, s.text === undefined])).toEqual([
      ['before', 'before.yaml', false],
      ['after', 'gone.yaml', true],
      ['phase-1', 'phase-1.yaml', false],
      ['after', 'after.yaml', false],
    ]);
  });

  it('reports an invalid manifest with its line, and still lists the scenarios', () => {
    const entry = describeCaseStudy('bad', { 'case-study.yaml': 'archsim: 1\nkind: case-study\ntitle: T\nsource: s.txt\nscenarios: { before: before.yaml }\nfigures: []\n', 'before.yaml': 'b' });
    expect(entry.manifest).toBeUndefined();
    expect(entry.manifestErrors).toHaveLength(1);
    expect(entry.manifestErrors[0]).toMatch(/^6:\d+ figures: /);
    expect(entry.scenarios.map((s) => s.file)).toEqual(['before.yaml']);
  });

  it('ignores files straight in the root, and sorts studies by title', () => {
    const studies = groupCaseStudies(
      { ...globbed('zeta', { 'before.yaml': 'z' }), ...globbed('alpha', { 'before.yaml': 'a' }), '../../scenarios/case-studies/README.yaml': 'x' },
      'scenarios/case-studies/',
    );
    expect(studies.map((s) => s.slug)).toEqual(['alpha', 'zeta']);
  });

  it('resolves paths relative to the file that names them, inside the folder', () => {
    expect(resolveRelative('migration.yaml', 'before.yaml')).toBe('before.yaml');
    expect(resolveRelative('migration.yaml', './phases/phase-1.yaml')).toBe('phases/phase-1.yaml');
    expect(resolveRelative('sub/migration.yaml', '../after.yaml')).toBe('after.yaml');
    expect(resolveRelative('migration.yaml', '../other/before.yaml')).toBe('../other/before.yaml');
    expect(docName('payfinity', 'calibrated/before.yaml')).toBe('payfinity-calibrated-before.yaml');
    expect(['after.yaml', 'phase-3.yaml', 'before.yaml', 'phase-1.yaml'].sort(storyOrder)).toEqual(['before.yaml', 'phase-1.yaml', 'phase-3.yaml', 'after.yaml']);
  });
});
