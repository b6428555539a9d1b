import { createNodeWorkerPool } from '../run/node-pool.ts';
import type { StudyProgress } from '../run/progress-tracker.ts';
import type { RunResult } from '../run/result.ts';
import { runScenario } from '../run/run-scenario.ts';
import { BadInputError, EXIT_OK } from './cli-error.ts';
import type { CliIo } from './cli-io.ts';
import { RUN_HELP } from './help.ts';
import { loadScenarioFile } from './load-scenario-file.ts';
import { helpHint, parseFlags, scenarioArgument } from './parse-flags.ts';
import { progressBar } from './progress.ts';
import { formatRunReport } from './run-report.ts';
import { stableJson } from './stable-json.ts';
import { assertWritable, writeFileAtomic } from './write-file-atomic.ts';

/** Flags that are shorthands for `--set run.<field>=<value>`, so they share its validation. */
const RUN_FLAGS = ['duration', 'warmup', 'replications', 'seed'] as const;

/** Exit code of a run stopped by Ctrl-C (128 + SIGINT), as shells report it. */
export const EXIT_INTERRUPTED = 130;

/** `archsim run <scenario> [options]`: simulate on a pool of worker threads and print the report (or the JSON). */
export async function commandRun(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseFlags('run', args, {
    duration: { type: 'string' },
    warmup: { type: 'string' },
    replications: { type: 'string' },
    seed: { type: 'string' },
    workers: { type: 'string' },
    json: { type: 'string' },
    set: { type: 'string', multiple: true },
    progress: { type: 'boolean' },
    quiet: { type: 'boolean', short: 'q' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout(RUN_HELP);
    return EXIT_OK;
  }
  const file = scenarioArgument('run', positionals);
  if (values.workers !== undefined && !/^[1-9]\d*$/.test(values.workers)) {
    throw new BadInputError(`archsim run: --workers: expected a positive integer, got '${values.workers}'`, helpHint('run'));
  }
  const jsonFile = values.json;
  if (jsonFile === '') throw new BadInputError(`archsim run: --json: expected a file name or -`, helpHint('run'));
  if (jsonFile !== undefined && jsonFile !== '-') assertWritable(jsonFile);

  // The explicit flags come last, so they win over a --set of the same field.
  const overrides = [...(values.set ?? [])];
  for (const flag of RUN_FLAGS) {
    const value = values[flag];
    if (value !== undefined) overrides.push(`run.${flag}=${value}`);
  }
  const { scenario, model } = loadScenarioFile(file, overrides);

  const bar = !values.quiet && (io.stderrIsTTY || values.progress) ? progressBar(io.stderr, io.now) : undefined;
  let planned = model.run.replications;
  const onProgress = (p: StudyProgress) => {
    planned = p.planned;
    bar?.onProgress(p);
  };
  const cancel = { cancelled: false };
  const stopListening = onInterrupt(io, cancel);
  const executor = createNodeWorkerPool({ workers: values.workers === undefined ? undefined : Number(values.workers) });
  let result: RunResult;
  try {
    result = await runScenario(scenario, { executor, onProgress, cancel });
  } catch (e) {
    if (!cancel.cancelled) throw e;
    bar?.done();
    io.stderr('archsim run: cancelled before any replication finished; nothing to report\n');
    return EXIT_INTERRUPTED;
  } finally {
    stopListening();
    bar?.done();
    await executor.dispose();
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
 * Ctrl-C while a run is going: the first sets the cancel token (the run stops within ~200 ms and
 * reports what completed); a second exits at once. Returns a function that removes the handler.
 */
function onInterrupt(io: CliIo, cancel: { cancelled: boolean }): () => void {
  const handler = () => {
    if (cancel.cancelled) process.exit(EXIT_INTERRUPTED);
    cancel.cancelled = true;
    io.stderr('\narchsim run: cancelling; the replications that completed will be reported (Ctrl-C again to quit at once)\n');
  };
  process.on('SIGINT', handler);
  return () => void process.off('SIGINT', handler);
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
