import { readFileSync } from 'node:fs';
import type * as z from 'zod';
import { readYamlFile } from '../case-study/read-yaml-file.ts';
import { BadInputError } from './cli-error.ts';
import { describeFsError } from './fs-error.ts';
import { formatScenarioErrors } from './scenario-errors.ts';

/**
 * Reads a file that sits beside scenarios (a case-study manifest, a migration) and checks it
 * against its schema; every problem is a BadInputError (exit 2) with `file:line:col: path: message`.
 */
export function readSideFile<S extends z.ZodType>(file: string, schema: S, what: string): z.output<S> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new BadInputError(`archsim: cannot read ${what} '${file}': ${describeFsError(e)}`);
  }
  const { value, errors } = readYamlFile(text, schema);
  if (errors.length > 0 || value === undefined) throw new BadInputError(formatScenarioErrors(file, errors).trimEnd());
  return value;
}

/** Reads a file a side file names, relative to it; unreadable → bad input naming both. */
export function readNamedFile(path: string, namedIn: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    throw new BadInputError(`archsim: cannot read '${path}' (named in ${namedIn}): ${describeFsError(e)}`);
  }
}
