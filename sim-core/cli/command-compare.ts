import { compareScenarios, type ComparisonResult } from '../run/compare.ts';
import { BadInputError, EXIT_INTERRUPTED, EXIT_OK } from './cli-error.ts';
import type { CliIo } from './cli-io.ts';
import { formatCompareReport } from './compare-report.ts';
import { COMPARE_HELP } from './help.ts';
import { loadCostPlan } from './load-cost-plan.ts';
import { loadScenarioFile } from './load-scenario-file.ts';
import { helpHint, jsonTarget, parseFlags, parseWorkers, STUDY_OPTIONS, studyOverrides } from './parse-flags.ts';
import { stableJson } from './stable-json.ts';
import { startStudySession } from './study-session.ts';
import { assertWritable, writeFileAtomic } from './write-file-atomic.ts';

/** `archsim compare <a> <b> [...]`: run all with common random numbers and report paired differences. */
export async function commandCompare(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseFlags('compare', args, STUDY_OPTIONS);
  if (values.help) {
    io.stdout(COMPARE_HELP);
    return EXIT_OK;
  }
  if (positionals.length < 2) {
    throw new BadInputError(`archsim compare: expected at least two scenarios to compare, got ${positionals.length}`, helpHint('compare'));
  }
  const workers = parseWorkers('compare', values.workers);
  const jsonFile = jsonTarget('compare', values.json, assertWritable);
  // The run flags apply to every scenario.
  const overrides = studyOverrides(values);
  // Every file is checked before anything runs, so a typo in the third is not found minutes later;
  // each scenario is priced with its own price list (an unknown instance fails here too).
  const loaded = positionals.map((file) => {
    const { scenario } = loadScenarioFile(file, overrides);
    return { scenario, costPlan: loadCostPlan(file, scenario) };
  });
  const scenarios = loaded.map((l) => l.scenario);
  const costPlans = loaded.map((l) => l.costPlan);

  const session = startStudySession('compare', io, { workers, quiet: values.quiet, progress: values.progress });
  let result: ComparisonResult;
  try {
    result = await compareScenarios(scenarios, { executor: session.executor, onProgress: session.onProgress, cancel: session.cancel, costPlans });
  } catch (e) {
    if (!session.cancel.cancelled) throw e;
    io.stderr(`archsim compare: cancelled before every scenario completed a replication; nothing to compare\n`);
    return EXIT_INTERRUPTED;
  } finally {
    await session.close();
  }

  if (jsonFile === '-') io.stdout(stableJson(result));
  else if (jsonFile !== undefined) writeFileAtomic(jsonFile, stableJson(result));
  if (jsonFile !== '-' && !values.quiet) io.stdout(formatCompareReport(result, { sources: positionals }));
  else if (result.partial) io.stderr(`archsim compare: partial: cancelled after ${result.replications.length} paired replications\n`);
  return result.partial ? EXIT_INTERRUPTED : EXIT_OK;
}
