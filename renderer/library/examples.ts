import { groupCaseStudies, type CaseStudyEntry } from './case-study-library.ts';
import { describeExample, type LibraryEntry } from './describe-example.ts';

/** The bundled examples (scenarios/examples/*.yaml), as text, in the build. */
const exampleFiles = import.meta.glob('../../scenarios/examples/*.yaml', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

/**
 * The case studies (scenarios/case-studies/<slug>/: scenarios, case-study.yaml, migration.yaml),
 * as text, in the build: the library groups them into one card per study
 * (case-study-library.ts), and the replay and migration views read every file from here.
 */
const caseStudyFiles = import.meta.glob('../../scenarios/case-studies/**/*.yaml', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

/** The file's name as a document name: `monolith.yaml`; in a case study's folder, `payfinity-before.yaml`. */
export function libraryFileName(path: string, root: string): string {
  return path.slice(path.indexOf(root) + root.length).split('/').filter(Boolean).join('-');
}

const entries = (files: Record<string, string>, root: string): readonly LibraryEntry[] =>
  Object.entries(files)
    .map(([path, text]) => describeExample(libraryFileName(path, root), text))
    .sort((a, b) => a.title.localeCompare(b.title));

export const EXAMPLES: readonly LibraryEntry[] = entries(exampleFiles, 'scenarios/examples/');
export const CASE_STUDIES: readonly CaseStudyEntry[] = groupCaseStudies(caseStudyFiles, 'scenarios/case-studies/');

/** A case study by its folder name. */
export function caseStudyBySlug(slug: string): CaseStudyEntry | undefined {
  return CASE_STUDIES.find((c) => c.slug === slug);
}
