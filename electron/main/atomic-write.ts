/** Atomic file writes: write `<file>.tmp-<pid>`, flush, then rename over the target. */
import { open, rename, unlink } from 'node:fs/promises';

export interface AtomicWriteOps {
  open: typeof open;
  rename: typeof rename;
  unlink: typeof unlink;
}

const defaultOps: AtomicWriteOps = { open, rename, unlink };

export function tempPathFor(filePath: string, pid: number = process.pid): string {
  return `${filePath}.tmp-${pid}`;
}

export async function atomicWriteFile(filePath: string, data: string | Uint8Array, ops: AtomicWriteOps = defaultOps): Promise<void> {
  const tmp = tempPathFor(filePath);
  try {
    const handle = await ops.open(tmp, 'w');
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await ops.rename(tmp, filePath);
  } catch (error) {
    await ops.unlink(tmp).catch(() => undefined);
    throw error;
  }
}
