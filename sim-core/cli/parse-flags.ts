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
