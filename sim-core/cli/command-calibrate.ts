import { runStudy } from '../run/run-study.ts';
import { readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { calibrate, CalibrationInputError, DEFAULT_MAX_EVALS, type CalibrationEvaluation, type CalibrationResult, type CalibrationTarget } from '../case-study/calibrate.ts';
import { formatFitValue, formatRelativeError } from '../case-study/calibration-header.ts';
import type { Scenario } from '../model/schema.ts';
import type { RunResult } from '../run/result.ts';
import { CALIBRATE_HELP } from './calibrate-help.ts';
import { BadInputError, EXIT_INTERRUPTED, EXIT_OK } from './cli-error.ts';
import type { CliIo } from './cli-io.ts';
import { loadCostPlan } from './load-cost-plan.ts';
import { loadScenarioFile } from './load-scenario-file.ts';
import { helpHint, parseFlags, parseWorkers, scenarioArgument, STUDY_OPTIONS, studyOverrides } from './parse-flags.ts';
import { startStudySession } from './study-session.ts';
import { renderTable } from './text-table.ts';
import { assertWritable, writeFileAtomic } from './write-file-atomic.ts';

const { json: _json, progress: _progress, ...RUN_OPTIONS } = STUDY_OPTIONS;

const CALIBRATE_OPTIONS = {
  ...RUN_OPTIONS,
  target: { type: 'string', multiple: true },
  free: { type: 'string', multiple: true },
  out: { type: 'string' },
  'max-evals': { type: 'string' },
} as const;

/** A target missed by more than this after the fit gets a warning: the free parameters cannot reach it. */
const WARN_ERROR = 0.05;

/** Ctrl-C during an evaluation: unwinds the fit, which writes nothing. */
class Cancelled extends Error {}

/**
 * `archsim calibrate <scenario> --target metric=value ... --free pattern ...`: fits the free
 * parameters (sim-core/case-study/calibrate.ts) with every evaluation run on the worker pool,
 * writes the calibrated scenario and prints the fit.
 */
export async function commandCalibrate(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseFlags('calibrate', args, CALIBRATE_OPTIONS);
  if (values.help) {
    io.stdout(CALIBRATE_HELP);
    return EXIT_OK;
  }
  const file = scenarioArgument('calibrate', positionals);
  const workers = parseWorkers('calibrate', values.workers);
  const maxEvals = parseMaxEvals(values['max-evals']);
  const targets = (values.target ?? []).map(parseTarget);
  if (targets.length === 0) throw bad('give at least one --target, e.g. --target overall.latency.mean=2.8s');
  const free = values.free ?? [];
  if (free.length === 0) throw bad("give at least one --free pattern, e.g. --free 'components.app.operations.*.cpu'");
  const out = outputFile(file, values.out);
  const overrides = studyOverrides(values);
  const { scenario } = loadScenarioFile(file, overrides);
  const text = readFileSync(file, 'utf8'); // loadScenarioFile has just read it
  const costPlan = targets.some((t) => t.path.startsWith('cost.')) ? loadCostPlan(file, scenario) : undefined;
  const uptime = targets.some((t) => t.path.startsWith('uptimeStudy.'));

  const session = startStudySession('calibrate', io, { workers, quiet: true });
  const evaluate = async (s: Scenario): Promise<RunResult> => {
    const result = await runStudy(s, { executor: session.executor, cancel: session.cancel, costPlan, uptime }).catch((e: unknown) => {
      throw session.cancel.cancelled ? new Cancelled() : e;
    });
    if (result.partial || session.cancel.cancelled) throw new Cancelled();
    return result;
  };
  let evaluations = 0;
  const onEvaluation = (e: CalibrationEvaluation) => {
    evaluations = e.evaluation;
    if (!values.quiet) io.stderr(progressLine(e));
  };

  let fit: CalibrationResult;
  try {
    fit = await calibrate(text, { targets, free, maxEvals, overrides, evaluate, onEvaluation });
  } catch (e) {
    if (e instanceof CalibrationInputError) throw new BadInputError(`archsim calibrate: ${file}: ${e.message}`, helpHint('calibrate'));
    if (e instanceof Cancelled || session.cancel.cancelled) {
      io.stderr(`archsim calibrate: cancelled after ${evaluations} evaluation${evaluations === 1 ? '' : 's'}; nothing written\n`);
      return EXIT_INTERRUPTED;
    }
    throw e;
  } finally {
    await session.close();
  }

  writeFileAtomic(out, fit.text);
  if (!values.quiet) io.stdout(formatCalibrationReport(fit, out));
  for (const t of fit.targets) {
    if (!(Math.abs(t.error) <= WARN_ERROR)) {
      io.stderr(
        `archsim calibrate: warning: the fit misses ${t.path}=${t.reported} by ${formatRelativeError(t.error)}${t.complement ? ' (of 1 − value)' : ''}: ` +
          `${fit.stopReason === 'maxEvals' ? `not reached within --max-evals ${fit.evaluations}; more evaluations or other free parameters may` : `the free parameters cannot reach it${fit.targets.length > 1 ? ' together with the other targets' : ''}`} (${out} is written all the same)\n`,
      );
    }
  }
  return EXIT_OK;
}

function bad(message: string): BadInputError {
  return new BadInputError(`archsim calibrate: ${message}`, helpHint('calibrate'));
}

function parseMaxEvals(text: string | undefined): number {
  if (text === undefined) return DEFAULT_MAX_EVALS;
  if (!/^[1-9]\d*$/.test(text)) throw bad(`--max-evals: expected a positive integer, got '${text}'`);
  return Number(text);
}

/** `overall.latency.mean=2.8s` → path and reported text (the core reads the value). */
function parseTarget(text: string): CalibrationTarget {
  const eq = text.indexOf('=');
  if (eq <= 0 || eq === text.length - 1) throw bad(`--target '${text}': expected metric=value, e.g. overall.latency.mean=2.8s`);
  return { path: text.slice(0, eq).trim(), reported: text.slice(eq + 1).trim() };
}

/** `--out FILE`, or `<name>.calibrated.yaml` beside the scenario; checked writable before any run. */
function outputFile(scenarioFile: string, out: string | undefined): string {
  if (out === '') throw bad('--out: expected a file name');
  const target = out ?? join(dirname(scenarioFile), `${basename(scenarioFile).replace(/\.(ya?ml|json)$/i, '')}.calibrated.yaml`);
  if (/\.json$/i.test(target)) throw bad(`--out '${target}': the calibrated scenario is written as YAML (its record is a comment, which JSON cannot hold); name a .yaml file`);
  assertWritable(target);
  return target;
}

/** `eval 7  ×1.206 ×0.9  objective 2.1e-5  errors +0.46% -0.8%` */
function progressLine(e: CalibrationEvaluation): string {
  const errors = e.errors.map(formatRelativeError).join(' ');
  return `eval ${e.evaluation}  ${e.parameters.join('  ')}  objective ${e.objective.toPrecision(3)}  errors ${errors}\n`;
}

/** The table of targets, the fitted parameters and where the file went. */
export function formatCalibrationReport(fit: CalibrationResult, out: string): string {
  const targets = renderTable(
    [
      { header: 'target', align: 'left' },
      { header: 'reported', align: 'right' },
      { header: 'simulated at the fit', align: 'right' },
      { header: 'error', align: 'right' },
    ],
    fit.targets.map((t) => [t.path, t.reported, formatFitValue(t.simulated, t.halfWidth, t.unit), `${formatRelativeError(t.error)}${t.complement ? ' (of 1 − value)' : ''}`]),
  );
  const parameters = renderTable(
    [
      { header: 'free parameter', align: 'left' },
      { header: 'fitted', align: 'left' },
      { header: 'values', align: 'right' },
    ],
    fit.parameters.map((p) => [p.pattern, p.description, String(p.values.length)]),
  );
  const s = fit.settings;
  const tolerance = `${fit.tolerance * 100}%`;
  const outcome = fit.converged
    ? `every target within ${tolerance}`
    : `not every target within ${tolerance} (${fit.stopReason === 'maxEvals' ? 'out of --max-evals' : 'the simplex stopped moving'}); the best evaluation was written`;
  return [
    `Calibration: ${fit.evaluations} evaluation${fit.evaluations === 1 ? '' : 's'} (seed ${s.seed}, ${s.duration} with ${s.warmup} warm-up, ${s.replications} replication${s.replications === 1 ? '' : 's'} each); ${outcome}`,
    '',
    targets,
    '',
    parameters,
    '',
    `wrote ${out}`,
    '',
  ].join('\n');
}
