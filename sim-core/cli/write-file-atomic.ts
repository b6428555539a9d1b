import { accessSync, constants, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { BadInputError } from './cli-error.ts';
import { describeFsError } from './fs-error.ts';

/**
 * Writes `text` to a temporary file beside `path`, then renames it over `path`: a reader never
 * sees half a file, and an interrupted run leaves the previous result intact.
 */
export function writeFileAtomic(path: string, text: string): void {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    writeFileSync(temp, text, 'utf8');
    renameSync(temp, path);
  } catch (e) {
    rmSync(temp, { force: true });
    throw new BadInputError(`archsim: cannot write '${path}': ${describeFsError(e)}`);
  }
}

/** Fails early — before a long run — when `path` could not be written. */
export function assertWritable(path: string): void {
  const dir = dirname(path);
  try {
    if (statSync(path, { throwIfNoEntry: false })?.isDirectory()) {
      throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    }
    if (!statSync(dir).isDirectory()) throw Object.assign(new Error('not a directory'), { code: 'ENOTDIR' });
    accessSync(dir, constants.W_OK);
  } catch (e) {
    throw new BadInputError(`archsim: cannot write '${path}': ${describeFsError(e)}`);
  }
}
