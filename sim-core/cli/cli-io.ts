/** What the commands need from the process, passed in so they can be driven from tests. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Progress is drawn only on a terminal; piped or redirected stderr gets errors only. */
  stderrIsTTY: boolean;
  env: Readonly<Record<string, string | undefined>>;
  /** Wall-clock milliseconds, for throttling the progress line. */
  now: () => number;
}

export function processIo(): CliIo {
  // `archsim run x.yaml | head` closes the pipe early; that is the reader's choice, not a crash.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    stderrIsTTY: process.stderr.isTTY === true,
    env: process.env,
    now: () => performance.now(),
  };
}
