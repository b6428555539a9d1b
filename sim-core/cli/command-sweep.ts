import { encodeShardFile, parseShard, runSweepShard, type ShardSpec } from '../run/shard.ts';
import { planSweep, runSweepPlan, type SweepPlan } from '../run/sweep.ts';
import { parseVary, type VarySpec } from '../run/vary.ts';
import { BadInputError, EXIT_INTERRUPTED, EXIT_OK } from './cli-error.ts';
import type { CliIo } from './cli-io.ts';
import { formatDuration } from './format-units.ts';
import { SWEEP_HELP } from './help.ts';
import { loadScenarioFile } from './load-scenario-file.ts';
import { helpHint, jsonTarget, parseFlags, parseWorkers, scenarioArgument, STUDY_OPTIONS, studyOverrides } from './parse-flags.ts';
import { formatScenarioErrors } from './scenario-errors.ts';
import { stableJson } from './stable-json.ts';
import { startStudySession, type StudySession } from './study-session.ts';
import { formatSweepReport } from './sweep-report.ts';
import { assertWritable, writeFileAtomic } from './write-file-atomic.ts';

/** `archsim sweep <scenario> --vary path=from..to[:steps|xfactor] [...]`, whole or one shard. */
export async function commandSweep(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseFlags('sweep', args, { vary: { type: 'string', multiple: true }, shard: { type: 'string' }, ...STUDY_OPTIONS });
  if (values.help) {
    io.stdout(SWEEP_HELP);
    return EXIT_OK;
  }
  const file = scenarioArgument('sweep', positionals);
  const vary = parseVaryFlags(values.vary ?? []);
  const workers = parseWorkers('sweep', values.workers);
  let shard: ShardSpec | undefined;
  if (values.shard !== undefined) {
    const parsed = parseShard(values.shard);
    if (!parsed.shard) throw new BadInputError(`archsim sweep: ${parsed.error}`, helpHint('sweep'));
    shard = parsed.shard;
  }
  if (shard && (values.json === undefined || values.json === '-')) {
    throw new BadInputError(`archsim sweep: --shard needs --json FILE: the shard's records go to that file, for archsim merge`, helpHint('sweep'));
  }
  const jsonFile = jsonTarget('sweep', values.json, assertWritable);
  const { scenario } = loadScenarioFile(file, studyOverrides(values));
  const { plan, errors } = planSweep(scenario, vary);
  if (!plan) throw new BadInputError(formatScenarioErrors(file, errors).trimEnd());

  const session = startStudySession('sweep', io, { workers, quiet: values.quiet, progress: values.progress });
  try {
    if (shard) return await runShard(plan, shard, jsonFile!, session, io, values.quiet === true);
    const result = await runSweepPlan(plan, { executor: session.executor, onProgress: session.onProgress, cancel: session.cancel });
    await session.close();
    if (jsonFile === '-') io.stdout(stableJson(result));
    else if (jsonFile !== undefined) writeFileAtomic(jsonFile, stableJson(result));
    if (jsonFile !== '-' && !values.quiet) io.stdout(formatSweepReport(result));
    else if (result.partial) io.stderr('archsim sweep: partial: cancelled before every point had all its replications\n');
    return result.partial ? EXIT_INTERRUPTED : EXIT_OK;
  } finally {
    await session.close();
  }
}

function parseVaryFlags(texts: readonly string[]): VarySpec[] {
  if (texts.length === 0) {
    throw new BadInputError(`archsim sweep: give at least one --vary path=from..to[:steps|xfactor], e.g. --vary workload.users=1000..20000:10`, helpHint('sweep'));
  }
  const specs: VarySpec[] = [];
  const problems: string[] = [];
  for (const text of texts) {
    const { spec, error } = parseVary(text);
    if (spec) specs.push(spec);
    else problems.push(`archsim sweep: ${error}`);
  }
  if (problems.length > 0) throw new BadInputError(problems.join('\n'), helpHint('sweep'));
  return specs;
}

/**
 * One shard: its records go to the file (plain JSON in the order built, so that the merged
 * study lists endpoints and components in the scenario's order, as the unsharded one does).
 */
async function runShard(plan: SweepPlan, shard: ShardSpec, jsonFile: string, session: StudySession, io: CliIo, quiet: boolean): Promise<number> {
  const file = await runSweepShard(plan, shard, { executor: session.executor, onProgress: session.onProgress, cancel: session.cancel });
  await session.close();
  writeFileAtomic(jsonFile, JSON.stringify(encodeShardFile(file)) + '\n');
  const ran = file.records.length + file.failed.length;
  const mine = Math.max(0, Math.ceil((file.tasks - (shard.index - 1)) / shard.count));
  if (file.partial) {
    io.stderr(`archsim sweep: shard ${shard.index}/${shard.count} cancelled after ${ran} of its ${mine} tasks; ${jsonFile} is marked partial and merge will refuse it\n`);
    return EXIT_INTERRUPTED;
  }
  if (!quiet) {
    io.stdout(
      `shard ${shard.index}/${shard.count}: ran ${ran} of the study's ${file.tasks} tasks (points × replications) ` +
        `in ${formatDuration(file.wallSeconds * 1000)}; records in ${jsonFile}\n` +
        `when all ${shard.count} shards are done: archsim merge <their files> [--json FILE]\n`,
    );
  }
  for (const f of file.failed) io.stderr(`point ${f.point}, replication index ${f.replication} failed twice (run, then one retry): ${f.error}\n`);
  return EXIT_OK;
}
