/** Our recent-files list, `<userData>/recent-files.json`, newest first, deduplicated by path. */
import { readFile } from 'node:fs/promises';
import type { RecentFilePayload } from '../ipc-contract.ts';
import { atomicWriteFile } from './atomic-write.ts';

export function isRecentFile(value: unknown): value is RecentFilePayload {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.name === 'string' && typeof v.location === 'string' && v.location !== ''
    && typeof v.openedAt === 'number' && Number.isFinite(v.openedAt);
}

export class RecentFilesStore {
  constructor(readonly file: string, readonly max = 10) {}

  async list(): Promise<RecentFilePayload[]> {
    try {
      const parsed: unknown = JSON.parse(await readFile(this.file, 'utf8'));
      return Array.isArray(parsed) ? parsed.filter(isRecentFile).slice(0, this.max) : [];
    } catch {
      return [];
    }
  }

  async has(location: string): Promise<boolean> {
    return (await this.list()).some((f) => f.location === location);
  }

  async add(file: RecentFilePayload): Promise<RecentFilePayload[]> {
    if (!isRecentFile(file)) throw new Error('invalid recent file');
    const entry = { name: file.name, location: file.location, openedAt: file.openedAt };
    const next = [entry, ...(await this.list()).filter((f) => f.location !== file.location)].slice(0, this.max);
    await atomicWriteFile(this.file, JSON.stringify(next, null, 2));
    return next;
  }
}
