import { EXIT_OK } from './cli-error.ts';
import type { CliIo } from './cli-io.ts';
import { VALIDATE_HELP } from './help.ts';
import { loadCostPlan } from './load-cost-plan.ts';
import { loadScenarioFile } from './load-scenario-file.ts';
import { parseFlags, scenarioArgument } from './parse-flags.ts';

/** `archsim validate <scenario> [--set path=value ...]`: parse, validate and compile; don't run. */
export function commandValidate(args: string[], io: CliIo): number {
  const { values, positionals } = parseFlags('validate', args, {
    set: { type: 'string', multiple: true },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout(VALIDATE_HELP);
    return EXIT_OK;
  }
  const file = scenarioArgument('validate', positionals);
  const { scenario, model } = loadScenarioFile(file, values.set ?? []);
  loadCostPlan(file, scenario); // prices are part of the scenario's validity
  const components = Object.keys(scenario.components ?? {}).length;
  const endpoints = model.endpoints.length;
  io.stdout(`ok: ${model.name} — ${plural(components, 'component')}, ${plural(endpoints, 'endpoint')}\n`);
  return EXIT_OK;
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
