import { parseArgs, type ParseArgsConfig } from 'node:util';
import { BadInputError } from './cli-error.ts';

type Options = NonNullable<ParseArgsConfig['options']>;

export interface ParsedFlags<O extends Options> {
  values: ReturnType<typeof parseArgs<{ options: O; allowPositionals: true; strict: true }>>['values'];
  positionals: string[];
}

/**
 * `node:util` parseArgs in strict mode, with its errors turned into BadInputError (exit 2) whose
 * message names the offending flag and whose hint points to the command's help.
 */
export function parseFlags<O extends Options>(command: string, args: string[], options: O): ParsedFlags<O> {
  try {
    const { values, positionals } = parseArgs({ args, options, allowPositionals: true, strict: true });
    return { values, positionals };
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    if (typeof code !== 'string' || !code.startsWith('ERR_PARSE_ARGS_')) throw e;
    throw new BadInputError(`archsim ${command}: ${describeParseError(code, (e as Error).message)}`, helpHint(command));
  }
}

function describeParseError(code: string, message: string): string {
  const unknown = /^Unknown option '([^']+)'/.exec(message);
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && unknown) return `unknown option '${unknown[1]}'`;
  // Node's messages run to several lines; the first says what is wrong.
  const first = message.split('\n')[0];
  return first.charAt(0).toLowerCase() + first.slice(1);
}

export function helpHint(command: string): string {
  return `Run 'archsim ${command} --help' for usage.`;
}

/** The single `<scenario>` positional argument. */
export function scenarioArgument(command: string, positionals: string[]): string {
  if (positionals.length === 0) throw new BadInputError(`archsim ${command}: missing <scenario> argument`, helpHint(command));
  if (positionals.length > 1) {
    throw new BadInputError(
      `archsim ${command}: expected one scenario, got ${positionals.length} (${positionals.join(', ')})`,
      helpHint(command),
    );
  }
  return positionals[0];
}

/**
 * The options `run`, `compare` and `sweep` share. The first four are shorthands for
 * `--set run.<field>=<value>`, so they share its validation (see RUN_FLAGS).
 */
export const STUDY_OPTIONS = {
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
} as const satisfies Options;

/** Flags that are shorthands for `--set run.<field>=<value>`. */
export const RUN_FLAGS = ['duration', 'warmup', 'replications', 'seed'] as const;

/** `--set` values followed by the RUN_FLAGS shorthands, which come last so they win. */
export function studyOverrides(values: { set?: string[] } & Partial<Record<(typeof RUN_FLAGS)[number], string>>): string[] {
  const overrides = [...(values.set ?? [])];
  for (const flag of RUN_FLAGS) {
    const value = values[flag];
    if (value !== undefined) overrides.push(`run.${flag}=${value}`);
  }
  return overrides;
}

/** `--workers N` → N (undefined when absent), or bad input. */
export function parseWorkers(command: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^[1-9]\d*$/.test(text)) throw new BadInputError(`archsim ${command}: --workers: expected a positive integer, got '${text}'`, helpHint(command));
  return Number(text);
}

/** `--json FILE` or `--json -`: checked before any work, so a bad path fails fast (exit 2). */
export function jsonTarget(command: string, value: string | undefined, assertWritable: (file: string) => void): string | undefined {
  if (value === '') throw new BadInputError(`archsim ${command}: --json: expected a file name or -`, helpHint(command));
  if (value !== undefined && value !== '-') assertWritable(value);
  return value;
}
