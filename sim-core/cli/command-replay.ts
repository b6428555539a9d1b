import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assumptionLedger } from '../case-study/assumption-ledger.ts';
import { caseStudySchema } from '../case-study/case-study-schema.ts';
import { replayCaseStudy, scenariosToRun, unknownScenarioNames, type ReplayReport } from '../case-study/replay.ts';
import { runStudy } from '../run/run-study.ts';
import { BadInputError, EXIT_INTERRUPTED, EXIT_OK } from './cli-error.ts';
import type { CliIo } from './cli-io.ts';
import { REPLAY_HELP } from './help.ts';
import { loadCostPlan } from './load-cost-plan.ts';
import { loadScenarioFile } from './load-scenario-file.ts';
import { helpHint, jsonTarget, parseFlags, parseWorkers, scenarioArgument, STUDY_OPTIONS, studyOverrides } from './parse-flags.ts';
import { readSideFile } from './read-side-file.ts';
import { formatReplayReport } from './replay-report.ts';
import { stableJson } from './stable-json.ts';
import { startStudySession } from './study-session.ts';
import { assertWritable, writeFileAtomic } from './write-file-atomic.ts';

/** The bundled case-study library, found from this file so `archsim replay payfinity` works from any directory. */
export const CASE_STUDIES_DIR = fileURLToPath(new URL('../../scenarios/case-studies/', import.meta.url));

const REPLAY_OPTIONS = { ...STUDY_OPTIONS, ledger: { type: 'boolean' } } as const;

/** `archsim replay <slug | folder | case-study.yaml>`: reported vs simulated, verdicts and plausibility checks. */
export async function commandReplay(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseFlags('replay', args, REPLAY_OPTIONS);
  if (values.help) {
    io.stdout(REPLAY_HELP);
    return EXIT_OK;
  }
  const manifestFile = resolveCaseStudy(scenarioArgument('replay', positionals));
  const workers = parseWorkers('replay', values.workers);
  const jsonFile = jsonTarget('replay', values.json, assertWritable);
  const study = readSideFile(manifestFile, caseStudySchema, 'case study');
  const unknown = unknownScenarioNames(study);
  if (unknown.length > 0) {
    throw new BadInputError(`${manifestFile}: figures or checks name scenarios not listed under 'scenarios': ${unknown.join(', ')}`);
  }
  // Every scenario the replay needs is loaded and priced before anything runs.
  const dir = dirname(manifestFile);
  const overrides = studyOverrides(values);
  const loaded = new Map(
    scenariosToRun(study).map((name) => {
      const file = resolve(dir, study.scenarios[name]);
      const { scenario } = loadScenarioFile(file, overrides);
      return [name, { file, scenario, costPlan: loadCostPlan(file, scenario) }] as const;
    }),
  );

  const session = startStudySession('replay', io, { workers, quiet: values.quiet, progress: values.progress });
  let report: ReplayReport;
  try {
    report = await replayCaseStudy(study, async (name) => {
      const { scenario, costPlan } = loaded.get(name)!;
      if (!values.quiet) io.stderr(`archsim replay: running ${name} (${study.scenarios[name]})\n`);
      const result = await runStudy(scenario, { executor: session.executor, onProgress: session.onProgress, cancel: session.cancel, costPlan });
      if (result.partial || session.cancel.cancelled) throw new Error('cancelled');
      return result;
    });
  } catch (e) {
    if (!session.cancel.cancelled) throw e;
    io.stderr('archsim replay: cancelled; a replay reports only when every scenario has run\n');
    return EXIT_INTERRUPTED;
  } finally {
    await session.close();
  }
  const ledgers = values.ledger
    ? Object.entries(study.scenarios).map(([name, f]) => ({ scenario: name, file: f, entries: assumptionLedger(readFileSync(resolve(dir, f), 'utf8')) }))
    : undefined;
  if (jsonFile === '-') io.stdout(stableJson(report));
  else if (jsonFile !== undefined) writeFileAtomic(jsonFile, stableJson(report));
  if (jsonFile !== '-' && !values.quiet) io.stdout(formatReplayReport(report, ledgers));
  return EXIT_OK;
}

/** A manifest file, a folder holding case-study.yaml, or a slug of the bundled library. */
export function resolveCaseStudy(arg: string): string {
  if (existsSync(arg)) {
    const file = statSync(arg).isDirectory() ? join(arg, 'case-study.yaml') : arg;
    if (!existsSync(file)) throw new BadInputError(`archsim replay: no case-study.yaml in '${arg}'`, helpHint('replay'));
    return file;
  }
  const bundled = join(CASE_STUDIES_DIR, arg, 'case-study.yaml');
  if (existsSync(bundled)) return bundled;
  const slugs = existsSync(CASE_STUDIES_DIR) ? readdirSync(CASE_STUDIES_DIR).filter((d) => existsSync(join(CASE_STUDIES_DIR, d, 'case-study.yaml'))) : [];
  throw new BadInputError(`archsim replay: no case study '${arg}'`, slugs.length > 0 ? `Case studies: ${slugs.join(', ')}` : helpHint('replay'));
}
