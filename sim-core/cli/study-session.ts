import type { CancelToken, ReplicationExecutor } from '../run/executor.ts';
import { createNodeWorkerPool } from '../run/node-pool.ts';
import type { StudyProgress } from '../run/progress-tracker.ts';
import { EXIT_INTERRUPTED } from './cli-error.ts';
import type { CliIo } from './cli-io.ts';
import { progressBar } from './progress.ts';

/**
 * What `run`, `compare` and `sweep` share while they run: the worker pool, the progress bar on a
 * terminal's stderr, and Ctrl-C — the first sets the cancel token (the study stops within a
 * fraction of a second and reports what completed, marked partial); a second quits at once.
 */
export interface StudySession {
  executor: ReplicationExecutor;
  onProgress: (p: StudyProgress) => void;
  cancel: CancelToken & { cancelled: boolean };
  /** Removes the Ctrl-C handler, erases the bar and stops the workers (once; later calls do nothing). */
  close(): Promise<void>;
}


export function startStudySession(command: string, io: CliIo, opts: { workers?: number; quiet?: boolean; progress?: boolean }): StudySession {
  const bar = !opts.quiet && (io.stderrIsTTY || opts.progress) ? progressBar(io.stderr, io.now) : undefined;
  const cancel = { cancelled: false };
  const onSigint = () => {
    if (cancel.cancelled) process.exit(EXIT_INTERRUPTED);
    cancel.cancelled = true;
    io.stderr(`\narchsim ${command}: cancelling; what completed will be reported (Ctrl-C again to quit at once)\n`);
  };
  process.on('SIGINT', onSigint);
  const executor = createNodeWorkerPool({ workers: opts.workers });
  let closed = false;
  return {
    executor,
    onProgress: (p) => bar?.onProgress(p),
    cancel,
    async close() {
      if (closed) return;
      closed = true;
      process.off('SIGINT', onSigint);
      bar?.done();
      await executor.dispose();
    },
  };
}
