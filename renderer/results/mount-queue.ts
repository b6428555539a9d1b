/**
 * Progressive mounting (pure scheduling, no DOM): heavy result sections join a queue and are
 * mounted one per turn, each after the browser has had a chance to lay out and paint the
 * previous one, so a result with a dozen charts arrives as a dozen short tasks instead of one
 * long one (the main thread's longest task stays under 50 ms: issue 6).
 */

export interface Scheduler {
  /** Runs `fn` in a later task, after the next frame when there is one. */
  later(fn: () => void): void;
}

/** After the next animation frame, in its own task (so the frame's layout and paint come first). */
export const frameScheduler: Scheduler = {
  later(fn) {
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(fn, 0));
    else setTimeout(fn, 0);
  },
};

export class MountQueue {
  private readonly waiting: Array<() => void> = [];
  private busy = false;

  constructor(private readonly scheduler: Scheduler = frameScheduler) {}

  /** Queues a mount; returns a cancel (a section unmounted before its turn is dropped). */
  enqueue(mount: () => void): () => void {
    const entry = () => mount();
    this.waiting.push(entry);
    this.pump();
    return () => {
      const at = this.waiting.indexOf(entry);
      if (at >= 0) this.waiting.splice(at, 1);
    };
  }

  get pending(): number {
    return this.waiting.length;
  }

  private pump(): void {
    if (this.busy || this.waiting.length === 0) return;
    this.busy = true;
    this.scheduler.later(() => {
      this.busy = false;
      const next = this.waiting.shift();
      next?.();
      this.pump();
    });
  }
}

/** The app's one queue: sections mount in the order they asked, one per frame. */
export const mountQueue = new MountQueue();

const keys = new WeakMap<object, number>();
let nextKey = 1;

/** A stable number per object (a React key per result, so a new result mounts progressively again). */
export function identityKey(o: object): number {
  let k = keys.get(o);
  if (k === undefined) {
    k = nextKey++;
    keys.set(o, k);
  }
  return k;
}
