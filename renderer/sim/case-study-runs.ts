import type { CaseStudy } from '../../sim-core/case-study/case-study-schema.ts';
import { migrationPhaseTexts } from '../../sim-core/case-study/migration-phases.ts';
import { migrationSchema } from '../../sim-core/case-study/migration-schema.ts';
import { readYamlFile } from '../../sim-core/case-study/read-yaml-file.ts';
import { replayCaseStudy, scenariosToRun, unknownScenarioNames, type ReplayReport } from '../../sim-core/case-study/replay.ts';
import { runMigration, type MigrationReport } from '../../sim-core/case-study/run-migration.ts';
import type { ScenarioError } from '../../sim-core/model/errors.ts';
import { loadModel, loadScenario } from '../../sim-core/model/load.ts';
import type { Scenario } from '../../sim-core/model/schema.ts';
import type { ReplicationExecutor } from '../../sim-core/run/executor.ts';
import type { StudyProgress } from '../../sim-core/run/progress-tracker.ts';
import { quickRunOverrides } from '../case-study/quick-run.ts';
import { MANIFEST_FILE, resolveRelative } from '../library/case-study-library.ts';
import { costPlanFor } from './cost-plan.ts';
import { runInWorkers, sharedPool, type StudyOptions } from './run-study.ts';

/**
 * The app's `archsim replay` and `archsim migrate` (sim-core/cli/command-replay.ts,
 * command-migrate.ts), run in the study worker: every scenario is read from the study's bundled
 * files and validated before anything runs, then run as the CLI runs it — runScenario, the
 * uptime study and the cost (runInWorkers) for a replay; runMigration (paired phases on common
 * random numbers, then each phase's uptime study) for a migration.
 */

/** What the page sends: the study's files by their path inside its folder. */
export interface ReplayInput {
  study: CaseStudy;
  files: Record<string, string>;
  quick: boolean;
}

export interface MigrationInput {
  /** The migration file's path inside the study's folder. */
  migrationFile: string;
  files: Record<string, string>;
  quick: boolean;
}

/** Progress of a multi-step study: which step (a scenario, or a stage of the migration) and how far it is. */
export interface CaseStudyProgress {
  /** What runs now: `before (before.yaml)`, `paired runs of 4 phases`. */
  stage: string;
  step: number;
  steps: number;
  /** 0..1 of the current step. */
  fraction: number;
  eventsPerSecond: number;
  /** Wall ms left in this step; NaN until known. */
  etaMs: number;
}

export interface CaseStudyOptions {
  onProgress?: (p: CaseStudyProgress) => void;
  cancel?: StudyOptions['cancel'];
}

export async function replayInWorkers(input: ReplayInput, opts: CaseStudyOptions = {}, executor: ReplicationExecutor = sharedPool()): Promise<ReplayReport> {
  const { study, files, quick } = input;
  const unknown = unknownScenarioNames(study);
  if (unknown.length > 0) throw new Error(`figures or checks name scenarios not listed under 'scenarios': ${unknown.join(', ')}`);
  const names = scenariosToRun(study);
  // Every scenario the replay needs is validated before anything runs.
  const loaded = new Map(
    names.map((name) => {
      const file = resolveRelative(MANIFEST_FILE, study.scenarios[name]);
      const text = files[file];
      if (text === undefined) throw new Error(`scenario '${name}': the study has no file '${file}'`);
      return [name, { file, scenario: loadForRun(text, file, quick) }] as const;
    }),
  );
  let step = 0;
  return replayCaseStudy(study, async (name) => {
    const { file, scenario } = loaded.get(name)!;
    const stage = `${name} (${file})`;
    const current = step;
    const onProgress = (p: StudyProgress) => opts.onProgress?.(toProgress(p, stage, current, names.length));
    opts.onProgress?.({ stage, step: current, steps: names.length, fraction: 0, eventsPerSecond: 0, etaMs: NaN });
    const result = await runInWorkers(scenario, { onProgress, cancel: opts.cancel }, executor);
    step++;
    if (result.partial || opts.cancel?.cancelled) throw new Error('cancelled: a replay reports only when every scenario has run');
    return result;
  });
}

export async function migrateInWorkers(input: MigrationInput, opts: CaseStudyOptions = {}, executor: ReplicationExecutor = sharedPool()): Promise<MigrationReport> {
  const { migrationFile, files, quick } = input;
  const text = files[migrationFile];
  if (text === undefined) throw new Error(`the study has no file '${migrationFile}'`);
  const read = readYamlFile(text, migrationSchema);
  if (!read.value) throw new Error(describeErrors(migrationFile, read.errors));
  const migration = read.value;
  const readFile = (f: string): string => {
    const path = resolveRelative(migrationFile, f);
    const found = files[path];
    if (found === undefined) throw new Error(`${migrationFile}: the study has no file '${path}'`);
    return found;
  };
  const { phases: texts, errors } = migrationPhaseTexts(migration, readFile);
  if (errors.length > 0) throw new Error(describeErrors(migrationFile, errors));
  // Every phase is validated (and priced) before anything runs.
  const phases = texts.map((t, i) => {
    const fromFile = migration.phases[i].scenario !== undefined;
    const label = fromFile ? resolveRelative(migrationFile, t.baseFile) : `phase ${i + 1} (${t.name}, a patch of ${t.baseFile})`;
    return { name: t.name, changes: t.changes, scenario: loadForRun(t.text, label, quick, !fromFile) };
  });
  const steps = 2;
  let stage = 0;
  let last = 0;
  const onProgress = (p: StudyProgress) => {
    // runMigration reports the paired runs, then the uptime studies' runs: the first restart ends the paired runs.
    if (p.fraction + 0.05 < last) stage = 1;
    last = p.fraction;
    const label = stage === 0 ? `paired runs of ${phases.length} phases` : 'long-horizon uptime studies';
    opts.onProgress?.(toProgress(p, label, stage, steps));
  };
  return runMigration(migration.name, phases, {
    executor,
    costPlans: phases.map((p) => costPlanFor(p.scenario).plan),
    onProgress,
    cancel: opts.cancel,
  });
}

/**
 * Text → validated scenario, with the quick run's overrides when asked; a problem is thrown
 * with its file and path (and line, except for a patched phase, whose lines are those of
 * generated text).
 */
function loadForRun(text: string, label: string, quick: boolean, generated = false): Scenario {
  let overrides: string[] = [];
  if (quick) {
    const plain = loadScenario(text);
    if (plain.scenario) overrides = quickRunOverrides(plain.scenario.run);
  }
  const loaded = loadModel(text, { overrides });
  if (loaded.errors.length > 0 || !loaded.scenario) {
    const errors = generated ? loaded.errors.map(({ path, message }) => ({ path, message })) : loaded.errors;
    throw new Error(describeErrors(label, errors));
  }
  return loaded.scenario;
}

function describeErrors(label: string, errors: readonly ScenarioError[]): string {
  const lines = errors.slice(0, 8).map((e) => `${label}${e.line !== undefined ? `:${e.line}:${e.column ?? 1}` : ''}: ${e.path === '' ? '' : `${e.path}: `}${e.message}`);
  if (errors.length > 8) lines.push(`… and ${errors.length - 8} more`);
  return lines.join('\n');
}

function toProgress(p: StudyProgress, stage: string, step: number, steps: number): CaseStudyProgress {
  return { stage, step, steps, fraction: p.fraction, eventsPerSecond: p.eventsPerSecond, etaMs: p.etaMs };
}
