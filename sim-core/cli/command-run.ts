import { runReplications } from '../run/run-replications.ts';
import { BadInputError, EXIT_OK } from './cli-error.ts';
import type { CliIo } from './cli-io.ts';
import { RUN_HELP } from './help.ts';
import { loadScenarioFile } from './load-scenario-file.ts';
import { helpHint, parseFlags, scenarioArgument } from './parse-flags.ts';
import { progressLine } from './progress.ts';
import { formatRunReport } from './run-report.ts';
import { stableJson } from './stable-json.ts';
import { assertWritable, writeFileAtomic } from './write-file-atomic.ts';

/** Flags that are shorthands for `--set run.<field>=<value>`, so they share its validation. */
const RUN_FLAGS = ['duration', 'warmup', 'replications', 'seed'] as const;

/** `archsim run <scenario> [options]`: simulate and print the report (or the JSON). */
export async function commandRun(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseFlags('run', args, {
    duration: { type: 'string' },
    warmup: { type: 'string' },
    replications: { type: 'string' },
    seed: { type: 'string' },
    workers: { type: 'string' },
    json: { type: 'string' },
    set: { type: 'string', multiple: true },
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
  const { model } = loadScenarioFile(file, overrides);

  const progress = io.stderrIsTTY && !values.quiet ? progressLine(io.stderr, io.now) : undefined;
  let result;
  try {
    result = await runReplications(model, { onProgress: progress?.onProgress });
  } finally {
    progress?.done();
  }

  if (jsonFile === '-') {
    io.stdout(stableJson(result));
    return EXIT_OK;
  }
  if (jsonFile !== undefined) writeFileAtomic(jsonFile, stableJson(result));
  if (!values.quiet) {
    const slos = Object.fromEntries(model.endpoints.map((e) => [e.name, e.sloMs]));
    io.stdout(formatRunReport(result, { slos }));
  }
  return EXIT_OK;
}
