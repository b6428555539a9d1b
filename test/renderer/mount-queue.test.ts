import { describe, expect, it } from 'vitest';
import { identityKey, MountQueue, type Scheduler } from '../../renderer/results/mount-queue.ts';

/** A scheduler the test steps by hand: each `step()` is one later task. */
function manualScheduler(): Scheduler & { step(): boolean; queued(): number } {
  const tasks: Array<() => void> = [];
  return {
    later: (fn) => void tasks.push(fn),
    step: () => {
      const fn = tasks.shift();
      fn?.();
      return fn !== undefined;
    },
    queued: () => tasks.length,
  };
}

describe('MountQueue', () => {
  it('mounts one section per task, in the order they asked', () => {
    const s = manualScheduler();
    const q = new MountQueue(s);
    const mounted: string[] = [];
    for (const name of ['cdf', 'throughput', 'p95']) q.enqueue(() => mounted.push(name));
    expect(mounted).toEqual([]);
    expect(s.queued()).toBe(1);
    s.step();
    expect(mounted).toEqual(['cdf']);
    s.step();
    s.step();
    expect(mounted).toEqual(['cdf', 'throughput', 'p95']);
    expect(s.step()).toBe(false);
    expect(q.pending).toBe(0);
  });

  it('drops a section cancelled before its turn', () => {
    const s = manualScheduler();
    const q = new MountQueue(s);
    const mounted: string[] = [];
    q.enqueue(() => mounted.push('a'));
    const cancel = q.enqueue(() => mounted.push('b'));
    q.enqueue(() => mounted.push('c'));
    cancel();
    while (s.step());
    expect(mounted).toEqual(['a', 'c']);
  });

  it('starts again when sections arrive after the queue emptied', () => {
    const s = manualScheduler();
    const q = new MountQueue(s);
    const mounted: string[] = [];
    q.enqueue(() => mounted.push('a'));
    while (s.step());
    q.enqueue(() => mounted.push('b'));
    while (s.step());
    expect(mounted).toEqual(['a', 'b']);
  });
});

describe('identityKey', () => {
  it('is stable per object and differs between objects', () => {
    const a = {};
    const b = {};
    expect(identityKey(a)).toBe(identityKey(a));
    expect(identityKey(a)).not.toBe(identityKey(b));
  });
});
