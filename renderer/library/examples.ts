import { describeExample, type LibraryEntry } from './describe-example.ts';

/** The bundled examples (scenarios/examples/*.yaml), as text, in the build. */
const files = import.meta.glob('../../scenarios/examples/*.yaml', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

export const EXAMPLES: readonly LibraryEntry[] = Object.entries(files)
  .map(([path, text]) => describeExample(path.split('/').pop()!, text))
  .sort((a, b) => a.title.localeCompare(b.title));
