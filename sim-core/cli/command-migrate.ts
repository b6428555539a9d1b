import { dirname, resolve } from 'node:path';
import { migrationPhaseTexts } from '../case-study/migration-phases.ts';
import { migrationSchema } from '../case-study/migration-schema.ts';
import { runMigration, type MigrationReport } from '../case-study/run-migration.ts';
import { loadModel } from '../model/load.ts';
import { BadInputError, EXIT_INTERRUPTED, EXIT_OK } from './cli-error.ts';
import type { CliIo } from './cli-io.ts';
import { MIGRATE_HELP } from './help.ts';
import { loadCostPlan } from './load-cost-plan.ts';
import { formatMigrationReport } from './migrate-report.ts';
import { jsonTarget, parseFlags, parseWorkers, scenarioArgument, STUDY_OPTIONS, studyOverrides } from './parse-flags.ts';
import { readNamedFile, readSideFile } from './read-side-file.ts';
import { formatScenarioErrors } from './scenario-errors.ts';
import { stableJson } from './stable-json.ts';
import { startStudySession } from './study-session.ts';
import { assertWritable, writeFileAtomic } from './write-file-atomic.ts';

/** `archsim migrate <migration.yaml>`: every phase on common random numbers, reported phase by phase. */
export async function commandMigrate(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseFlags('migrate', args, STUDY_OPTIONS);
  if (values.help) {
    io.stdout(MIGRATE_HELP);
    return EXIT_OK;
  }
  const file = scenarioArgument('migrate', positionals);
  const workers = parseWorkers('migrate', values.workers);
  const jsonFile = jsonTarget('migrate', values.json, assertWritable);
  const migration = readSideFile(file, migrationSchema, 'migration');
  const dir = dirname(file);
  const { phases: texts, errors } = migrationPhaseTexts(migration, (f) => readNamedFile(resolve(dir, f), file));
  if (errors.length > 0) throw new BadInputError(formatScenarioErrors(file, errors).trimEnd());

  // Every phase is validated and priced before anything runs; the flags apply to every phase.
  const overrides = studyOverrides(values);
  const phases = texts.map((t, i) => {
    const fromFile = migration.phases[i].scenario !== undefined;
    const label = fromFile ? resolve(dir, t.baseFile) : `${file} phase ${i + 1} (${t.name}, a patch of ${t.baseFile})`;
    const loaded = loadModel(t.text, { overrides });
    if (loaded.errors.length > 0 || !loaded.scenario) {
      // A patched phase's lines are those of the generated text, not of a file: print paths only.
      const shown = fromFile ? loaded.errors : loaded.errors.map(({ path, message }) => ({ path, message }));
      throw new BadInputError(formatScenarioErrors(label, shown).trimEnd());
    }
    const costPlan = loadCostPlan(resolve(dir, t.baseFile), loaded.scenario);
    return { name: t.name, changes: t.changes, scenario: loaded.scenario, costPlan };
  });

  const session = startStudySession('migrate', io, { workers, quiet: values.quiet, progress: values.progress });
  let report: MigrationReport;
  try {
    report = await runMigration(migration.name, phases, {
      executor: session.executor,
      costPlans: phases.map((p) => p.costPlan),
      onProgress: session.onProgress,
      cancel: session.cancel,
    });
  } catch (e) {
    if (!session.cancel.cancelled) throw e;
    io.stderr('archsim migrate: cancelled before every phase completed a replication; nothing to report\n');
    return EXIT_INTERRUPTED;
  } finally {
    await session.close();
  }
  if (jsonFile === '-') io.stdout(stableJson(report));
  else if (jsonFile !== undefined) writeFileAtomic(jsonFile, stableJson(report));
  if (jsonFile !== '-' && !values.quiet) io.stdout(formatMigrationReport(report));
  return report.comparison.partial ? EXIT_INTERRUPTED : EXIT_OK;
}
