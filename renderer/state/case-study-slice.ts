import type { StateCreator } from 'zustand';
import type { ReplayReport } from '../../sim-core/case-study/replay.ts';
import type { MigrationReport } from '../../sim-core/case-study/run-migration.ts';
import type { CaseStudyEntry } from '../library/case-study-library.ts';
import type { CaseStudyProgress } from '../sim/case-study-runs.ts';
import { studyBridge } from '../sim/study-bridge.ts';
import type { Store } from './store-types.ts';

/**
 * Case studies (issue 7): which study the case-study view shows and on which tab, and the latest
 * replay and migration of each study. The work runs in the study worker (studyBridge.replay,
 * .migrate); cancel tokens live at module level (nobody renders them).
 */
export type CaseStudyTab = 'replay' | 'migration';

export interface CaseStudyRun<R> {
  slug: string;
  quick: boolean;
  status: 'running' | 'done' | 'cancelled' | 'failed';
  progress?: CaseStudyProgress;
  report?: R;
  error?: string;
  startedAt: number;
  /** Wall seconds from start to report. */
  wallSeconds?: number;
}

export interface CaseStudySlice {
  /** The study the case-study view shows (a slug of the library), and its tab. */
  caseStudy: { slug: string; tab: CaseStudyTab } | undefined;
  /** Shows a study's replay or migration timeline (switches the main view to it). */
  openCaseStudy(slug: string, tab: CaseStudyTab): void;
  replays: Record<string, CaseStudyRun<ReplayReport>>;
  migrations: Record<string, CaseStudyRun<MigrationReport>>;
  /** Replays a study in the study worker; `quick`: the quick run overrides (case-study/quick-run.ts). */
  startReplay(study: CaseStudyEntry, quick: boolean): Promise<void>;
  /** Runs a study's migration phase by phase in the study worker. */
  startMigration(study: CaseStudyEntry, quick: boolean): Promise<void>;
  cancelCaseStudy(slug: string, tab: CaseStudyTab): void;
}

const tokens = new Map<string, { cancelled: boolean }>();
const key = (slug: string, tab: CaseStudyTab) => `${tab}\u0000${slug}`;

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export const createCaseStudySlice: StateCreator<Store, [], [], CaseStudySlice> = (set, get) => {
  type Field = 'replays' | 'migrations';
  /** Runs one study's replay or migration, keeping its state under `field`. */
  async function start<R>(field: Field, tab: CaseStudyTab, study: CaseStudyEntry, quick: boolean, work: (onProgress: (p: CaseStudyProgress) => void, cancel: { cancelled: boolean }) => Promise<R>): Promise<void> {
    const { slug } = study;
    const runs = get()[field] as Record<string, CaseStudyRun<R>>;
    if (runs[slug]?.status === 'running') return;
    const startedAt = Date.now();
    const put = (state: Partial<CaseStudyRun<R>>) =>
      set((s) => {
        const current = (s[field] as Record<string, CaseStudyRun<R>>)[slug] ?? { slug, quick, status: 'running', startedAt };
        return { [field]: { ...s[field], [slug]: { ...current, ...state } } } as Partial<Store>;
      });
    // The previous report stays on screen until the new one replaces it.
    put({ quick, status: 'running', startedAt, progress: undefined, error: undefined });
    const cancel = { cancelled: false };
    tokens.set(key(slug, tab), cancel);
    try {
      const report = await work((p) => {
        if (!cancel.cancelled) put({ progress: p });
      }, cancel);
      put({ status: cancel.cancelled ? 'cancelled' : 'done', report, progress: undefined, wallSeconds: (Date.now() - startedAt) / 1000 });
    } catch (e) {
      put({ status: cancel.cancelled ? 'cancelled' : 'failed', error: message(e), progress: undefined });
    } finally {
      if (tokens.get(key(slug, tab)) === cancel) tokens.delete(key(slug, tab));
    }
  }

  return {
    caseStudy: undefined,
    openCaseStudy(slug, tab) {
      set({ caseStudy: { slug, tab }, view: 'case-study' });
    },
    replays: {},
    migrations: {},

    startReplay(study, quick) {
      const manifest = study.manifest;
      if (!manifest) {
        set((s) => ({ replays: { ...s.replays, [study.slug]: { slug: study.slug, quick, status: 'failed', startedAt: Date.now(), error: `${study.slug} has no valid case-study.yaml` } } }));
        return Promise.resolve();
      }
      return start<ReplayReport>('replays', 'replay', study, quick, (onProgress, cancel) =>
        studyBridge.replay({ study: manifest, files: { ...study.files }, quick }, onProgress, cancel),
      );
    },

    startMigration(study, quick) {
      const migration = study.migration;
      if (!migration) {
        set((s) => ({ migrations: { ...s.migrations, [study.slug]: { slug: study.slug, quick, status: 'failed', startedAt: Date.now(), error: `${study.slug} has no migration file` } } }));
        return Promise.resolve();
      }
      return start<MigrationReport>('migrations', 'migration', study, quick, (onProgress, cancel) =>
        studyBridge.migrate({ migrationFile: migration.file, files: { ...study.files }, quick }, onProgress, cancel),
      );
    },

    cancelCaseStudy(slug, tab) {
      const token = tokens.get(key(slug, tab));
      if (token) token.cancelled = true;
    },
  };
};
