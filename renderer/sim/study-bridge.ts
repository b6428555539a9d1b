import * as Comlink from 'comlink';
import type { MigrationReport } from '../../sim-core/case-study/run-migration.ts';
import type { ReplayReport } from '../../sim-core/case-study/replay.ts';
import type { Scenario } from '../../sim-core/model/schema.ts';
import type { ComparisonResult } from '../../sim-core/run/compare.ts';
import type { CancelToken } from '../../sim-core/run/executor.ts';
import type { StudyProgress } from '../../sim-core/run/progress-tracker.ts';
import type { RunResult } from '../../sim-core/run/result.ts';
import type { VarySpec } from '../../sim-core/run/vary.ts';
import type { SweepSummary } from '../results/sweep-model.ts';
import type { CaseStudyProgress, MigrationInput, ReplayInput } from './case-study-runs.ts';
import type { StudyApi } from './study-api.ts';

const CANCEL_POLL_MS = 25;

interface Running {
  worker: Worker;
  api: Comlink.Remote<StudyApi>;
  tasks: number;
}

/**
 * The page's one door to simulation (STYLE.md 9): owns the study worker (started lazily on the
 * first run, again after it was terminated), forwards progress through a `Comlink.proxy`, and
 * cancels. Cross-origin isolated (COOP/COEP): a shared flag, so the run stops within a few
 * milliseconds and returns the replications that completed (partial). Otherwise there is no way
 * into a busy worker: cancel terminates the study worker with its simulation workers, and the
 * run rejects with a cancellation (nothing partial to show).
 */
class StudyBridge {
  private current: Running | undefined;

  run(scenario: Scenario, onProgress?: (p: StudyProgress) => void, cancel?: CancelToken): Promise<RunResult> {
    return this.call((api, progress, flag) => api.run(scenario, progress, flag), onProgress, cancel);
  }

  compare(scenarios: Scenario[], onProgress?: (p: StudyProgress) => void, cancel?: CancelToken): Promise<ComparisonResult> {
    return this.call((api, progress, flag) => api.compare(scenarios, progress, flag), onProgress, cancel);
  }

  sweep(scenario: Scenario, vary: VarySpec, onProgress?: (p: StudyProgress) => void, cancel?: CancelToken): Promise<SweepSummary> {
    return this.call((api, progress, flag) => api.sweep(scenario, vary, progress, flag), onProgress, cancel);
  }

  replay(input: ReplayInput, onProgress?: (p: CaseStudyProgress) => void, cancel?: CancelToken): Promise<ReplayReport> {
    return this.call((api, progress, flag) => api.replay(input, progress, flag), onProgress, cancel);
  }

  migrate(input: MigrationInput, onProgress?: (p: CaseStudyProgress) => void, cancel?: CancelToken): Promise<MigrationReport> {
    return this.call((api, progress, flag) => api.migrate(input, progress, flag), onProgress, cancel);
  }

  private async call<T, P = StudyProgress>(
    invoke: (api: Comlink.Remote<StudyApi>, progress: ((p: P) => void) | undefined, flag: Int32Array | undefined) => Promise<T>,
    onProgress?: (p: P) => void,
    cancel?: CancelToken,
  ): Promise<T> {
    const running = this.start();
    running.tasks++;
    const shared = typeof SharedArrayBuffer === 'function' && globalThis.crossOriginIsolated === true;
    const flag = shared ? new Int32Array(new SharedArrayBuffer(4)) : undefined;
    let poll: ReturnType<typeof setInterval> | undefined;
    try {
      return await new Promise<T>((resolve, reject) => {
        const died = (e: ErrorEvent) => reject(new Error(`the study worker crashed: ${e.message || 'it could not start'}`));
        running.worker.addEventListener('error', died);
        if (cancel) {
          poll = setInterval(() => {
            if (!cancel.cancelled) return;
            clearInterval(poll);
            if (flag) Atomics.store(flag, 0, 1);
            else {
              this.stop(running);
              reject(new Error('cancelled: the simulation workers were terminated'));
            }
          }, CANCEL_POLL_MS);
        }
        invoke(running.api, onProgress && Comlink.proxy(onProgress), flag).then(resolve, reject).finally(() => running.worker.removeEventListener('error', died));
      });
    } finally {
      clearInterval(poll);
      running.tasks--;
    }
  }

  private start(): Running {
    if (this.current) return this.current;
    const worker = new Worker(new URL('./study-worker.ts', import.meta.url), { type: 'module', name: 'archsim-study' });
    this.current = { worker, api: Comlink.wrap<StudyApi>(worker), tasks: 0 };
    return this.current;
  }

  /** Terminates the study worker (and with it its simulation workers); other studies on it fail. */
  private stop(running: Running): void {
    if (this.current === running) this.current = undefined;
    running.api[Comlink.releaseProxy]();
    running.worker.terminate();
  }
}

export const studyBridge = new StudyBridge();
