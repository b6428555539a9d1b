/**
 * Bad input the user can fix: unreadable file, bad flags, an invalid scenario. `main` prints the
 * message (no stack trace) and exits with code 2. Anything else thrown is an internal error (1).
 */
export class BadInputError extends Error {
  /** Extra lines printed after the message, e.g. the hint to run `--help`. */
  readonly hint: string | undefined;

  constructor(message: string, hint?: string) {
    super(message);
    this.name = 'BadInputError';
    this.hint = hint;
  }
}

export const EXIT_OK = 0;
export const EXIT_INTERNAL = 1;
export const EXIT_BAD_INPUT = 2;

/** Exit code of a run or study stopped by Ctrl-C (128 + SIGINT), as shells report it. */
export const EXIT_INTERRUPTED = 130;
