import { caseStudySchema, type CaseStudy } from '../../sim-core/case-study/case-study-schema.ts';
import { readYamlFile } from '../../sim-core/case-study/read-yaml-file.ts';
import type { ScenarioError } from '../../sim-core/model/errors.ts';

/**
 * The case-study library (pure): the files of scenarios/case-studies/<slug>/ grouped into one
 * entry per study — its manifest (case-study.yaml, docs/decisions/0013), its scenario files in
 * the manifest's story order, its migration file — so the library shows one card per study and
 * the replay and migration views find every file by its path. case-study.yaml and the migration
 * file are not scenarios and are never listed as such.
 */

export const MANIFEST_FILE = 'case-study.yaml';
export const DEFAULT_MIGRATION_FILE = 'migration.yaml';

export interface CaseStudyScenarioFile {
  /** The manifest's name for it (`before`, `phase-2`), else the file's stem. */
  name: string;
  /** Path inside the study's folder: `before.yaml`. */
  file: string;
  /** The document name it opens as, unique across studies: `payfinity-before.yaml`. */
  docName: string;
  /** Undefined when the manifest names a file the folder does not have. */
  text?: string;
}

export interface CaseStudyEntry {
  slug: string;
  /** The manifest's title, else the slug. */
  title: string;
  summary: string;
  /** The source text's file name in ../shared/case-studies/. */
  source?: string;
  /** The validated manifest; undefined when the folder has none or it has errors. */
  manifest?: CaseStudy;
  /** The manifest's problems as `line:col path: message`. */
  manifestErrors: string[];
  figures: { total: number; modelled: number; notModelled: number };
  checks: number;
  scenarios: CaseStudyScenarioFile[];
  migration?: { file: string; text: string };
  /** Every file of the folder by its path inside it (`before.yaml`, `calibrated/before.yaml`). */
  files: Readonly<Record<string, string>>;
}

/**
 * Groups the library's files (path → text, as `import.meta.glob` gives them) under `root`
 * (`scenarios/case-studies/`) by their first folder; files straight in the root belong to no
 * study and are left out. Sorted by title.
 */
export function groupCaseStudies(files: Readonly<Record<string, string>>, root: string): CaseStudyEntry[] {
  const folders = new Map<string, Record<string, string>>();
  for (const [path, text] of Object.entries(files)) {
    const at = path.indexOf(root);
    if (at < 0) continue;
    const parts = path.slice(at + root.length).split('/').filter(Boolean);
    if (parts.length < 2) continue;
    const [slug, ...rest] = parts;
    const folder = folders.get(slug) ?? {};
    folder[rest.join('/')] = text;
    folders.set(slug, folder);
  }
  return [...folders].map(([slug, folder]) => describeCaseStudy(slug, folder)).sort((a, b) => a.title.localeCompare(b.title));
}

/** One study's card and files from its folder (tolerant: a folder without a valid manifest still lists its scenarios). */
export function describeCaseStudy(slug: string, files: Readonly<Record<string, string>>): CaseStudyEntry {
  const manifestText = files[MANIFEST_FILE];
  let manifest: CaseStudy | undefined;
  let manifestErrors: string[] = [];
  if (manifestText !== undefined) {
    const read = readYamlFile(manifestText, caseStudySchema);
    manifest = read.value;
    manifestErrors = read.errors.map(formatError);
  }
  const migrationFile = manifest?.migration !== undefined ? resolveRelative(MANIFEST_FILE, manifest.migration) : DEFAULT_MIGRATION_FILE;
  const migrationText = files[migrationFile];
  const isScenario = (file: string) => /\.(ya?ml|json)$/i.test(file) && file !== MANIFEST_FILE && file !== migrationFile;

  const scenarios: CaseStudyScenarioFile[] = [];
  const listed = new Set<string>();
  for (const [name, rel] of Object.entries(manifest?.scenarios ?? {})) {
    const file = resolveRelative(MANIFEST_FILE, rel);
    listed.add(file);
    scenarios.push({ name, file, docName: docName(slug, file), ...(files[file] === undefined ? {} : { text: files[file] }) });
  }
  // Files the manifest does not name (a migration's phase, a folder without a manifest) follow, in story order.
  for (const file of Object.keys(files).filter((f) => isScenario(f) && !listed.has(f)).sort(storyOrder)) {
    scenarios.push({ name: stem(file), file, docName: docName(slug, file), text: files[file] });
  }

  const figures = manifest?.figures ?? [];
  const notModelled = figures.filter((f) => f.notModelled !== undefined).length;
  return {
    slug,
    title: manifest?.title ?? slug,
    summary: manifest?.summary ?? (manifestText === undefined ? 'No case-study.yaml yet: the scenario files can be opened, the replay needs the manifest.' : ''),
    ...(manifest ? { source: manifest.source } : {}),
    ...(manifest ? { manifest } : {}),
    manifestErrors,
    figures: { total: figures.length, modelled: figures.length - notModelled, notModelled },
    checks: manifest?.checks.length ?? 0,
    scenarios,
    ...(migrationText === undefined ? {} : { migration: { file: migrationFile, text: migrationText } }),
    files,
  };
}

/** `payfinity` + `before.yaml` → `payfinity-before.yaml` (sub-folders joined with `-` too). */
export function docName(slug: string, file: string): string {
  return [slug, ...file.split('/')].join('-');
}

/**
 * A path named in a file, relative to that file's folder, as a path inside the study's folder:
 * `resolveRelative('sub/migration.yaml', '../before.yaml')` → `before.yaml`. A path that climbs
 * out of the folder keeps its leading `..` (and so finds no file).
 */
export function resolveRelative(fromFile: string, rel: string): string {
  const out = fromFile.split('/').slice(0, -1);
  for (const part of rel.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..' && out.length > 0 && out[out.length - 1] !== '..') out.pop();
    else out.push(part);
  }
  return out.join('/');
}

/** before, phase-1, phase-2, …, phase-10, after, then the rest by name. */
export function storyOrder(a: string, b: string): number {
  const rank = (f: string): [number, number, string] => {
    const s = stem(f);
    if (s === 'before') return [0, 0, s];
    const phase = /^phase-(\d+)$/.exec(s);
    if (phase) return [1, Number(phase[1]), s];
    if (s === 'after') return [2, 0, s];
    return [3, 0, s];
  };
  const [ra, na, sa] = rank(a);
  const [rb, nb, sb] = rank(b);
  return ra - rb || na - nb || sa.localeCompare(sb);
}

function stem(file: string): string {
  return file.replace(/^.*\//, '').replace(/\.(ya?ml|json)$/i, '');
}

function formatError(e: ScenarioError): string {
  const at = e.line !== undefined ? `${e.line}:${e.column ?? 1} ` : '';
  return `${at}${e.path === '' ? '' : `${e.path}: `}${e.message}`;
}
