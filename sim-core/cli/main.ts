import { readFileSync } from 'node:fs';
import { BadInputError, EXIT_BAD_INPUT, EXIT_INTERNAL, EXIT_OK } from './cli-error.ts';
import { processIo, type CliIo } from './cli-io.ts';
import { MAIN_HELP } from './help.ts';


/**
 * The `archsim` command: dispatches to a command and turns what it throws into an exit code —
 * BadInputError → its message and 2; anything else → a one-line internal error and 1 (the
 * stack only with ARCHSIM_DEBUG=1). Never throws.
 */
export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (e) {
    if (e instanceof BadInputError) {
      io.stderr(`${e.message}\n${e.hint === undefined ? '' : `${e.hint}\n`}`);
      return EXIT_BAD_INPUT;
    }
    const message = e instanceof Error ? e.message : String(e);
    io.stderr(`archsim: internal error: ${message} — this is a bug, please report it with the scenario and command.\n`);
    if (io.env.ARCHSIM_DEBUG === '1' && e instanceof Error && e.stack) io.stderr(`${e.stack}\n`);
    return EXIT_INTERNAL;
  }
}

async function dispatch(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    // Commands load on demand, so `--help` and `--version` start without compiling the engine.
    case 'run':
      return (await import('./command-run.ts')).commandRun(rest, io);
    case 'validate':
      return (await import('./command-validate.ts')).commandValidate(rest, io);
    case 'compare':
      return (await import('./command-compare.ts')).commandCompare(rest, io);
    case 'sweep':
      return (await import('./command-sweep.ts')).commandSweep(rest, io);
    case 'merge':
      return (await import('./command-merge.ts')).commandMerge(rest, io);
    case 'replay':
      return (await import('./command-replay.ts')).commandReplay(rest, io);
    case 'migrate':
      return (await import('./command-migrate.ts')).commandMigrate(rest, io);
    case 'calibrate':
      return (await import('./command-calibrate.ts')).commandCalibrate(rest, io);
    case '-h':
    case '--help':
      io.stdout(MAIN_HELP);
      return EXIT_OK;
    case 'help':
      // `archsim help run` is `archsim run --help`.
      if (rest[0] !== undefined && ['run', 'validate', 'compare', 'sweep', 'merge', 'replay', 'migrate', 'calibrate'].includes(rest[0])) return dispatch([rest[0], '--help'], io);
      io.stdout(MAIN_HELP);
      return EXIT_OK;
    case '-v':
    case '--version':
      io.stdout(`archsim ${packageVersion()}\n`);
      return EXIT_OK;
    case undefined:
      io.stderr(MAIN_HELP);
      return EXIT_BAD_INPUT;
  }
  const what = command.startsWith('-') ? `unknown option '${command}'` : `unknown command '${command}'`;
  throw new BadInputError(`archsim: ${what}`, `Run 'archsim --help' for usage.`);
}

function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}
