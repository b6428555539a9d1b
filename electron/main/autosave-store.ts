/**
 * The crash-safe autosave folder (`<userData>/autosave/<id>.json`): one file per document,
 * each written atomically, read once at start-up for recovery, removed on save or discard.
 */
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { AutosavePayload } from '../ipc-contract.ts';
import { atomicWriteFile } from './atomic-write.ts';

const SAFE_ID = /^[A-Za-z0-9_-]{1,128}$/;

export function isAutosaveEntry(value: unknown): value is AutosavePayload {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.id === 'string' && SAFE_ID.test(v.id) && typeof v.name === 'string'
    && typeof v.text === 'string' && typeof v.savedAt === 'number' && Number.isFinite(v.savedAt);
}

export class AutosaveStore {
  constructor(readonly dir: string) {}

  private fileFor(id: string): string {
    if (!SAFE_ID.test(id)) throw new Error(`invalid autosave id: ${JSON.stringify(id)}`);
    return join(this.dir, `${id}.json`);
  }

  async write(entry: AutosavePayload): Promise<void> {
    if (!isAutosaveEntry(entry)) throw new Error('invalid autosave entry');
    const file = this.fileFor(entry.id);
    await mkdir(this.dir, { recursive: true });
    const { id, name, text, savedAt } = entry;
    await atomicWriteFile(file, JSON.stringify({ id, name, text, savedAt }));
  }

  /** Every readable entry, newest first; unreadable or half-written files are skipped. */
  async readAll(): Promise<AutosavePayload[]> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch {
      return [];
    }
    const entries: AutosavePayload[] = [];
    for (const name of names) {
      if (!name.endsWith('.json')) continue;
      try {
        const parsed: unknown = JSON.parse(await readFile(join(this.dir, name), 'utf8'));
        if (isAutosaveEntry(parsed) && `${parsed.id}.json` === name) entries.push(parsed);
      } catch {
        // A corrupt entry is not recoverable; leave it for the user to inspect.
      }
    }
    return entries.sort((a, b) => b.savedAt - a.savedAt);
  }

  async remove(id: string): Promise<void> {
    await rm(this.fileFor(id), { force: true });
  }
}
