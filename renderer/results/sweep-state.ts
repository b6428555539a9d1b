import { create } from 'zustand';
import type { Scenario } from '../../sim-core/model/schema.ts';
import type { StudyProgress } from '../../sim-core/run/progress-tracker.ts';
import { perfMark } from '../sim/perf-marks.ts';
import { studyBridge } from '../sim/study-bridge.ts';
import { varyOf, type SweepForm, type SweepSummary } from './sweep-model.ts';

/**
 * The latest sweep of each document, kept outside the components so it survives switching views.
 * Interim: store-types.ts (the lead's contract) has no sweep field yet; this belongs in the runs
 * slice beside `runs` and `comparison` once it has.
 */
export interface SweepState {
  status: 'running' | 'done' | 'cancelled' | 'failed';
  form: SweepForm;
  /** 0..1 of the study's planned simulated time. */
  fraction: number;
  summary?: SweepSummary;
  error?: string;
}

interface SweepStore {
  sweeps: Record<string, SweepState>;
  /** The form as the user is editing it, per document (it outlives the section's remounts). */
  drafts: Record<string, SweepForm>;
  setDraft(documentId: string, form: SweepForm): void;
  start(documentId: string, scenario: Scenario, form: SweepForm): Promise<void>;
  cancel(documentId: string): void;
}

const tokens = new Map<string, { cancelled: boolean }>();

export const useSweeps = create<SweepStore>()((set, get) => ({
  sweeps: {},
  drafts: {},

  setDraft(documentId, form) {
    set((s) => ({ drafts: { ...s.drafts, [documentId]: form } }));
  },

  async start(documentId, scenario, form) {
    if (get().sweeps[documentId]?.status === 'running') return;
    const put = (state: Partial<SweepState>) => set((s) => ({ sweeps: { ...s.sweeps, [documentId]: { ...(s.sweeps[documentId] ?? { status: 'running', form, fraction: 0 }), ...state } } }));
    const { spec, error } = varyOf(form);
    if (!spec) {
      put({ status: 'failed', form, error, summary: undefined });
      return;
    }
    put({ status: 'running', form, fraction: 0, error: undefined });
    perfMark('sweep-start');
    const cancel = { cancelled: false };
    tokens.set(documentId, cancel);
    try {
      const onProgress = (p: StudyProgress) => {
        if (!cancel.cancelled) put({ fraction: p.fraction });
      };
      const summary = await studyBridge.sweep(scenario, spec, onProgress, cancel);
      perfMark('sweep-arrived');
      put({ status: cancel.cancelled || summary.partial ? 'cancelled' : 'done', summary, fraction: 1 });
    } catch (e) {
      put({ status: cancel.cancelled ? 'cancelled' : 'failed', error: e instanceof Error ? e.message : String(e) });
    } finally {
      if (tokens.get(documentId) === cancel) tokens.delete(documentId);
    }
  },

  cancel(documentId) {
    const token = tokens.get(documentId);
    if (token) token.cancelled = true;
  },
}));
