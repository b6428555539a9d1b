import { runStudy } from '../run/run-study.ts';
import type { StudyProgress } from '../run/progress-tracker.ts';
import type { RunResult } from '../run/result.ts';
import { EXIT_INTERRUPTED, EXIT_OK } from './cli-error.ts';
import type { CliIo } from './cli-io.ts';
import { RUN_HELP } from './help.ts';
import { loadCostPlan } from './load-cost-plan.ts';
import { loadScenarioFile } from './load-scenario-file.ts';
import { jsonTarget, parseFlags, parseWorkers, scenarioArgument, STUDY_OPTIONS, studyOverrides } from './parse-flags.ts';
import { formatRunReport } from './run-report.ts';
import { stableJson } from './stable-json.ts';
import { startStudySession } from './study-session.ts';
import { assertWritable, writeFileAtomic } from './write-file-atomic.ts';

/** `archsim run <scenario> [options]`: simulate on a pool of worker threads and print the report (or the JSON). */
export async function commandRun(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseFlags('run', args, STUDY_OPTIONS);
  if (values.help) {
    io.stdout(RUN_HELP);
    return EXIT_OK;
  }
  const file = scenarioArgument('run', positionals);
  const workers = parseWorkers('run', values.workers);
  const jsonFile = jsonTarget('run', values.json, assertWritable);
  const { scenario, model } = loadScenarioFile(file, studyOverrides(values));
  const costPlan = loadCostPlan(file, scenario); // an unknown instance or a bad price list fails before the run

  const session = startStudySession('run', io, { workers, quiet: values.quiet, progress: values.progress });
  let planned = model.run.replications;
  const onProgress = (p: StudyProgress) => {
    planned = p.planned;
    session.onProgress(p);
  };
  let result: RunResult;
  try {
    result = await runStudy(scenario, { executor: session.executor, onProgress, cancel: session.cancel, costPlan });
  } catch (e) {
    if (!session.cancel.cancelled) throw e;
    await session.close();
    io.stderr('archsim run: cancelled before any replication finished; nothing to report\n');
    return EXIT_INTERRUPTED;
  } finally {
    await session.close();
  }

  // Notes on what the statistics do not cover: on stdout under the table, on stderr otherwise.
  const notes = runNotes(result, planned);
  const tableOnStdout = jsonFile !== '-' && !values.quiet;
  if (jsonFile === '-') io.stdout(stableJson(result));
  else if (jsonFile !== undefined) writeFileAtomic(jsonFile, stableJson(result));
  if (tableOnStdout) {
    const slos = Object.fromEntries(model.endpoints.map((e) => [e.name, e.sloMs]));
    io.stdout(formatRunReport(result, { slos }));
    if (notes) io.stdout(`\n${notes}`);
  } else if (notes && (result.partial || !values.quiet)) {
    io.stderr(notes);
  }
  return result.partial ? EXIT_INTERRUPTED : EXIT_OK;
}

/**
 * `partial: cancelled after 3 of 10 replications`, and one line per failed replication (by its
 * 0-based index, as in the JSON); '' when there is nothing to say.
 */
export function runNotes(result: RunResult, planned: number): string {
  const lines: string[] = [];
  if (result.partial) lines.push(`partial: cancelled after ${result.replications} of ${planned} replications`);
  for (const f of result.failedReplications ?? []) {
    lines.push(`replication index ${f.replication} failed twice (run, then one retry): ${f.error}; the statistics cover the others`);
  }
  return lines.map((l) => `${l}\n`).join('');
}
