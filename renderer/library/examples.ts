import { describeExample, type LibraryEntry } from './describe-example.ts';

/** The bundled examples (scenarios/examples/*.yaml), as text, in the build. */
const exampleFiles = import.meta.glob('../../scenarios/examples/*.yaml', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

/**
 * The case-study replays (scenarios/case-studies/**, one folder per study with its phases), as
 * text. None exist yet: the case-study issue adds them, and the library lists them by itself.
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
export const CASE_STUDIES: readonly LibraryEntry[] = entries(caseStudyFiles, 'scenarios/case-studies/');
