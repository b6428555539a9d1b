import { Worker } from 'node:worker_threads';
import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import type { ReplicationResult } from '../metrics/replication-result.ts';
import { cancellableCall } from './cancellable-call.ts';
import type { CancelToken, TaskProgress } from './executor.ts';
import type { WorkerApi, WorkerJob } from './worker-api.ts';

const WORKER_ENTRY = new URL('./node-worker-shim.mjs', import.meta.url);

interface Running {
  worker: Worker;
  api: Comlink.Remote<WorkerApi>;
}

/**
 * Owns one worker thread and runs one task at a time on it. The thread starts lazily on the
 * first task and again after it died. Progress comes back through a `Comlink.proxy` (the worker
 * throttles it to ~4/s); cancelling sets a flag in shared memory that the engine polls, and
 * terminates the thread if it has not answered within 200 ms. A thread that crashes (an
 * uncaught error, `process.exit`, out of memory) rejects its task with the reason; the next
 * task gets a fresh thread.
 *
 * An idle thread is unref'd: it never keeps the process alive on its own.
 */
export class NodeWorkerBridge {
  private current: Running | undefined;
  /** Rejects the task in flight when its thread dies; undefined when idle. */
  private failTask: ((reason: string) => void) | undefined;

  /** `entry`: the worker's script, exposing a WorkerApi (tests substitute a misbehaving one). */
  constructor(private readonly entry: URL = WORKER_ENTRY) {}

  async run(job: WorkerJob, onProgress?: (p: TaskProgress) => void, cancel?: CancelToken): Promise<ReplicationResult> {
    if (this.failTask) throw new Error('NodeWorkerBridge runs one task at a time');
    const { worker, api } = this.start();
    worker.ref();
    const cancelFlag = new Int32Array(new SharedArrayBuffer(4));
    try {
      return await cancellableCall({
        call: () => api.run(job, onProgress && Comlink.proxy(onProgress), cancelFlag),
        cancel,
        cancelFlag,
        terminate: () => this.stop(),
        onFail: (fail) => (this.failTask = fail),
      });
    } finally {
      this.current?.worker.unref();
    }
  }

  /** Terminates the thread (a task in flight is rejected). */
  async dispose(): Promise<void> {
    const running = this.current;
    this.failTask?.('the worker pool was disposed while the task ran');
    this.stop();
    if (running) await running.worker.terminate();
  }

  private start(): Running {
    if (this.current) return this.current;
    const worker = new Worker(this.entry);
    const running: Running = { worker, api: Comlink.wrap<WorkerApi>(nodeEndpoint(worker)) };
    const died = (reason: string) => {
      if (this.current !== running) return; // replaced already (terminated on purpose)
      this.current = undefined;
      this.failTask?.(reason);
      void worker.terminate();
    };
    worker.on('error', (e) => died(`the worker thread crashed: ${e.message}`));
    worker.on('messageerror', (e) => died(`the worker thread sent a message that could not be read: ${e.message}`));
    worker.on('exit', (code) => died(`the worker thread exited unexpectedly with code ${code}`));
    this.current = running;
    return running;
  }

  /** Drops the thread: the next task starts a fresh one. */
  private stop(): void {
    const running = this.current;
    if (!running) return;
    this.current = undefined;
    void running.worker.terminate();
  }
}
