import { describeExample, type LibraryEntry } from './describe-example.ts';

/** The bundled examples (scenarios/examples/*.yaml), as text, in the build. */
const exampleFiles = import.meta.glob('../../scenarios/examples/*.yaml', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

/**
 * The case-study replays (scenarios/case-studies/**, one folder per study with its phases), as
 * text. None exist yet: the case-study issue adds them, and the library lists them by itself.
 */
const caseStudyFiles = import.meta.glob('../../scenarios/case-studies/**/*.yaml', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

const entries = (files: Record<string, string>): readonly LibraryEntry[] =>
  Object.entries(files)
    .map(([path, text]) => describeExample(path.split('/').pop()!, text))
    .sort((a, b) => a.title.localeCompare(b.title));

export const EXAMPLES: readonly LibraryEntry[] = entries(exampleFiles);
export const CASE_STUDIES: readonly LibraryEntry[] = entries(caseStudyFiles);
