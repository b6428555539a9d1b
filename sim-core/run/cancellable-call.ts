import type { CancelToken } from './executor.ts';

/**
 * The host's timers. Both hosts of a bridge (Node and the browser) have them; the engine's pure
 * tsconfig has no host library, so they are typed here.
 */
interface Timers {
  setTimeout(f: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  setInterval(f: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}
const timers = globalThis as unknown as Timers;

/** How often a bridge looks at the caller's cancel token while a task runs (ms). */
const CANCEL_POLL_MS = 25;
/** How long a worker may take to notice the shared cancel flag before it is terminated (ms). */
const CANCEL_GRACE_MS = 200;

export interface CancellableCall<R> {
  /** Starts the call on the worker. */
  call: () => Promise<R>;
  cancel?: CancelToken;
  /** Shared memory the engine polls (workerApi.run's cancelFlag); absent: a busy worker cannot be reached. */
  cancelFlag?: Int32Array;
  /** Terminates the worker. */
  terminate: () => void;
  /** Receives the function that rejects the call (the bridge calls it when its worker dies), then undefined when it ended. */
  onFail: (fail: ((reason: string) => void) | undefined) => void;
}

/**
 * A worker call that honours a cancel token the way every bridge does (Node threads and Web
 * Workers alike): when the token is cancelled the shared flag is set — the engine stops at its
 * next check and the call returns a `cancelled` result — and the worker is terminated if it has
 * not answered within CANCEL_GRACE_MS; without a flag it is terminated at once.
 */
export async function cancellableCall<R>({ call, cancel, cancelFlag, terminate, onFail }: CancellableCall<R>): Promise<R> {
  let poll: unknown;
  let grace: unknown;
  try {
    return await new Promise<R>((resolve, reject) => {
      onFail((reason) => reject(new Error(reason)));
      const checkCancel = () => {
        if (!cancel?.cancelled || grace) return;
        if (!cancelFlag) {
          terminate();
          reject(new Error('cancelled: the worker was terminated'));
          return;
        }
        Atomics.store(cancelFlag, 0, 1);
        grace = timers.setTimeout(() => {
          terminate();
          reject(new Error(`cancelled: the worker did not stop within ${CANCEL_GRACE_MS} ms and was terminated`));
        }, CANCEL_GRACE_MS);
      };
      checkCancel();
      if (cancel) poll = timers.setInterval(checkCancel, CANCEL_POLL_MS);
      call().then(resolve, reject);
    });
  } finally {
    if (poll !== undefined) timers.clearInterval(poll);
    if (grace !== undefined) timers.clearTimeout(grace);
    onFail(undefined);
  }
}
