import * as Comlink from 'comlink';
import type { ReplicationResult } from '../../sim-core/metrics/replication-result.ts';
import { cancellableCall } from '../../sim-core/run/cancellable-call.ts';
import type { CancelToken, TaskProgress } from '../../sim-core/run/executor.ts';
import type { WorkerApi, WorkerJob } from '../../sim-core/run/worker-api.ts';

interface Running {
  worker: Worker;
  api: Comlink.Remote<WorkerApi>;
}

export type WorkerFactory = () => Worker;

/** The simulation worker, bundled by Vite as a module worker. */
export const createSimWorker: WorkerFactory = () => new Worker(new URL('./sim-worker.ts', import.meta.url), { type: 'module', name: 'archsim-sim' });

/**
 * Owns one Web Worker and runs one replication at a time on it (STYLE.md 9; the browser twin of
 * sim-core/run/node-worker-bridge.ts). The worker starts lazily on the first task and again
 * after it died or was terminated. Progress comes back through a `Comlink.proxy` (the worker
 * throttles it to ~4/s); results come back with their typed arrays transferred.
 *
 * Cancel: where the page is cross-origin isolated (COOP/COEP, so SharedArrayBuffer exists) the
 * bridge sets a shared flag the engine polls every 65,536 events, and the replication returns
 * flagged `cancelled`; the worker is terminated only if it has not answered within 200 ms.
 * Without isolation there is no way to reach a busy worker, so cancel terminates it at once
 * (the task rejects; the next task gets a fresh worker).
 */
export class WorkerBridge {
  private current: Running | undefined;
  private failTask: ((reason: string) => void) | undefined;

  constructor(private readonly factory: WorkerFactory = createSimWorker) {}

  async run(job: WorkerJob, onProgress?: (p: TaskProgress) => void, cancel?: CancelToken): Promise<ReplicationResult> {
    if (this.failTask) throw new Error('WorkerBridge runs one task at a time');
    const { api } = this.start();
    const shared = typeof SharedArrayBuffer === 'function' && globalThis.crossOriginIsolated === true;
    const cancelFlag = shared ? new Int32Array(new SharedArrayBuffer(4)) : undefined;
    return cancellableCall({
      call: () => api.run(job, onProgress && Comlink.proxy(onProgress), cancelFlag),
      cancel,
      cancelFlag,
      terminate: () => this.stop(),
      onFail: (fail) => (this.failTask = fail),
    });
  }

  /** Terminates the worker (a task in flight is rejected). */
  dispose(): void {
    this.failTask?.('the worker pool was disposed while the task ran');
    this.stop();
  }

  private start(): Running {
    if (this.current) return this.current;
    const worker = this.factory();
    const running: Running = { worker, api: Comlink.wrap<WorkerApi>(worker) };
    const died = (reason: string) => {
      if (this.current !== running) return;
      this.current = undefined;
      this.failTask?.(reason);
      worker.terminate();
    };
    worker.addEventListener('error', (e) => died(`the simulation worker crashed: ${e.message || 'could not start'}`));
    worker.addEventListener('messageerror', () => died('the simulation worker sent a message that could not be read'));
    this.current = running;
    return running;
  }

  private stop(): void {
    const running = this.current;
    if (!running) return;
    this.current = undefined;
    running.api[Comlink.releaseProxy]();
    running.worker.terminate();
  }
}
