import type { StateCreator } from 'zustand';
import type { StudyProgress } from '../../sim-core/run/progress-tracker.ts';
import type { Scenario } from '../../sim-core/model/schema.ts';
import { parseDuration } from '../../sim-core/model/units.ts';
import { perfMark } from '../sim/perf-marks.ts';
import { toRunProgress } from '../sim/run-progress.ts';
import { studyBridge } from '../sim/study-bridge.ts';
import type { RunsSlice, Store } from './store-types.ts';
import { flushValidation } from './validate-document.ts';

/**
 * Runs and the comparison. The work happens in Web Workers (renderer/sim/study-bridge.ts); this slice keeps the
 * latest state of each and the cancel tokens (module level: they are not state anyone renders).
 * Progress arrives at most ~4 times a second, so storing it re-renders only the progress bar,
 * which selects it.
 */

const cancelTokens = new Map<string, { cancelled: boolean }>();
const COMPARISON = '\u0000comparison';

/**
 * One replication's simulated ms, for the progress bar: read from the validated scenario, not
 * compiled (compiling a large scenario here took tens of ms of the page's thread at Run).
 */
function replicationMs(scenario: Scenario): number {
  const d = parseDuration(scenario.run.duration);
  return d.ok ? d.value : NaN;
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export const createRunsSlice: StateCreator<Store, [], [], RunsSlice> = (set, get) => ({
  runs: {},
  comparison: undefined,

  async startRun(documentId) {
    flushValidation(documentId);
    const doc = get().documents[documentId];
    if (!doc || get().runs[documentId]?.status === 'running') return;
    perfMark('run-start');
    const startedAt = Date.now();
    const put = (state: Partial<Store['runs'][string]>) => set((s) => ({
      runs: { ...s.runs, [documentId]: { ...(s.runs[documentId] ?? { documentId, startedAt, status: 'running' }), ...state } },
    }));
    // The previous result stays on screen until the new one replaces it.
    set((s) => ({ runs: { ...s.runs, [documentId]: { documentId, startedAt, status: 'running', result: s.runs[documentId]?.result } } }));
    const scenario = doc.scenario;
    if (!scenario) {
      put({ status: 'failed', error: `${doc.name} has ${doc.errors.length} error(s): fix them before running` });
      return;
    }
    const cancel = { cancelled: false };
    cancelTokens.set(documentId, cancel);
    try {
      const repDuration = replicationMs(scenario);
      const onProgress = (p: StudyProgress) => {
        if (!cancel.cancelled) put({ progress: toRunProgress(p, repDuration) });
      };
      const result = await studyBridge.run(scenario, onProgress, cancel);
      perfMark('result-arrived');
      put({ status: cancel.cancelled || result.partial ? 'cancelled' : 'done', result });
      perfMark('result-stored');
    } catch (e) {
      put({ status: cancel.cancelled ? 'cancelled' : 'failed', error: message(e), result: undefined });
    } finally {
      if (cancelTokens.get(documentId) === cancel) cancelTokens.delete(documentId);
    }
  },

  cancelRun(documentId) {
    const token = cancelTokens.get(documentId);
    if (token) token.cancelled = true;
  },

  async startComparison(documentIds) {
    if (get().comparison?.status === 'running') return;
    documentIds.forEach(flushValidation);
    const docs = documentIds.map((id) => get().documents[id]).filter((d) => d !== undefined);
    set({ comparison: { documentIds, status: 'running' } });
    const put = (state: Partial<NonNullable<Store['comparison']>>) => set((s) => ({
      comparison: { ...(s.comparison ?? { documentIds, status: 'running' }), ...state },
    }));
    if (docs.length < 2 || docs.length > 4) {
      put({ status: 'failed', error: `a comparison takes 2 to 4 scenarios, got ${docs.length}` });
      return;
    }
    const invalid = docs.filter((d) => !d.scenario);
    if (invalid.length > 0) {
      put({ status: 'failed', error: `fix the errors in ${invalid.map((d) => d.name).join(', ')} before comparing` });
      return;
    }
    const cancel = { cancelled: false };
    cancelTokens.set(COMPARISON, cancel);
    try {
      const scenarios = docs.map((d) => d.scenario!);
      const repDuration = replicationMs(scenarios[0]);
      const onProgress = (p: StudyProgress) => {
        if (!cancel.cancelled) put({ progress: toRunProgress(p, repDuration) });
      };
      const result = await studyBridge.compare(scenarios, onProgress, cancel);
      put({ status: cancel.cancelled || result.partial ? 'cancelled' : 'done', result });
    } catch (e) {
      put({ status: cancel.cancelled ? 'cancelled' : 'failed', error: message(e) });
    } finally {
      if (cancelTokens.get(COMPARISON) === cancel) cancelTokens.delete(COMPARISON);
    }
  },

  cancelComparison() {
    const token = cancelTokens.get(COMPARISON);
    if (token) token.cancelled = true;
  },
});
