import { mkdir, mkdtemp, open, readdir, readFile, rename, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { atomicWriteFile, tempPathFor } from '../../electron/main/atomic-write.ts';
import type { AtomicWriteOps } from '../../electron/main/atomic-write.ts';
import { AutosaveStore } from '../../electron/main/autosave-store.ts';
import { RecentFilesStore } from '../../electron/main/recent-files-store.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'archsim-files-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function recordingOps(log: string[], failRename = false): AtomicWriteOps {
  return {
    open: (async (path: string, flags: string) => {
      log.push(`open ${path} ${flags}`);
      return open(path, flags);
    }) as AtomicWriteOps['open'],
    rename: (async (from: string, to: string) => {
      log.push(`rename ${from} -> ${to}`);
      if (failRename) throw new Error('disk full');
      return rename(from, to);
    }) as AtomicWriteOps['rename'],
    unlink: (async (path: string) => {
      log.push(`unlink ${path}`);
      return unlink(path);
    }) as AtomicWriteOps['unlink'],
  };
}

describe('atomic save', () => {
  it('writes <file>.tmp-<pid>, then renames it over the file', async () => {
    const file = join(dir, 'shop.yaml');
    await writeFile(file, 'old');
    const log: string[] = [];
    await atomicWriteFile(file, 'new text', recordingOps(log));
    const tmp = `${file}.tmp-${process.pid}`;
    expect(tempPathFor(file)).toBe(tmp);
    expect(log).toEqual([`open ${tmp} w`, `rename ${tmp} -> ${file}`]);
    expect(await readFile(file, 'utf8')).toBe('new text');
    expect(await readdir(dir)).toEqual(['shop.yaml']);
  });

  it('leaves the old file intact and removes the temp file when the rename fails', async () => {
    const file = join(dir, 'shop.yaml');
    await writeFile(file, 'old');
    const log: string[] = [];
    await expect(atomicWriteFile(file, 'new', recordingOps(log, true))).rejects.toThrow('disk full');
    expect(log.at(-1)).toBe(`unlink ${file}.tmp-${process.pid}`);
    expect(await readFile(file, 'utf8')).toBe('old');
    expect(await readdir(dir)).toEqual(['shop.yaml']);
  });

  it('writes bytes', async () => {
    const file = join(dir, 'chart.png');
    await atomicWriteFile(file, new Uint8Array([137, 80, 78, 71]));
    expect([...(await readFile(file))]).toEqual([137, 80, 78, 71]);
  });
});

describe('autosave folder', () => {
  it('writes, reads (newest first) and removes entries', async () => {
    const store = new AutosaveStore(join(dir, 'autosave'));
    expect(await store.readAll()).toEqual([]);
    await store.write({ id: 'doc-1', name: 'shop.yaml', text: 'a: 1 # comment\n', savedAt: 1 });
    await store.write({ id: 'doc-2', name: 'b.yaml', text: 'b', savedAt: 2 });
    await store.write({ id: 'doc-1', name: 'shop.yaml', text: 'a: 2\n', savedAt: 3 });
    expect(await readdir(join(dir, 'autosave'))).toEqual(['doc-1.json', 'doc-2.json']);
    expect(await store.readAll()).toEqual([
      { id: 'doc-1', name: 'shop.yaml', text: 'a: 2\n', savedAt: 3 },
      { id: 'doc-2', name: 'b.yaml', text: 'b', savedAt: 2 },
    ]);
    await store.remove('doc-1');
    await store.remove('doc-1');
    expect((await store.readAll()).map((e) => e.id)).toEqual(['doc-2']);
  });

  it('rejects ids that would leave the folder and skips corrupt files', async () => {
    const store = new AutosaveStore(join(dir, 'autosave'));
    await expect(store.write({ id: '../evil', name: 'x', text: 'x', savedAt: 1 })).rejects.toThrow();
    await expect(store.remove('../../etc/passwd')).rejects.toThrow();
    await mkdir(join(dir, 'autosave'), { recursive: true });
    await writeFile(join(dir, 'autosave', 'half.json'), '{"id": "half", "na');
    await writeFile(join(dir, 'autosave', 'doc-9.json.tmp-1'), '{}');
    expect(await store.readAll()).toEqual([]);
  });
});

describe('recent files', () => {
  it('keeps the newest first, deduplicated, capped', async () => {
    const store = new RecentFilesStore(join(dir, 'recent.json'), 3);
    for (let i = 1; i <= 4; i++) await store.add({ name: `f${i}`, location: `/p/f${i}`, openedAt: i });
    await store.add({ name: 'f2', location: '/p/f2', openedAt: 9 });
    expect((await store.list()).map((f) => f.location)).toEqual(['/p/f2', '/p/f4', '/p/f3']);
    expect(await store.has('/p/f1')).toBe(false);
    await writeFile(join(dir, 'recent.json'), 'garbage');
    expect(await store.list()).toEqual([]);
  });
});
