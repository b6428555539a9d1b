/** The text of `archsim --help` and `archsim <command> --help`. */

export const MAIN_HELP = `archsim — discrete-event simulation of software architectures

Usage:
  archsim run <scenario> [options]     simulate a scenario and print its results
  archsim validate <scenario>          check a scenario; print every error with its path
  archsim <command> --help             options of one command
  archsim --version

Coming in later issues: compare, sweep (issue 3), replay (issue 7).

Exit codes: 0 ok, 2 bad input (the message says what and where), 1 internal error.
Set ARCHSIM_DEBUG=1 to see the stack trace of an internal error.
`;

export const RUN_HELP = `Usage: archsim run <scenario> [options]

Simulates the scenario (YAML or JSON) and prints a table of latency percentiles, throughput,
errors and utilisation. Statistics from the warm-up are discarded; with more than one
replication, ± is the 95% confidence half-width over replications.

Options (each overrides the scenario's run block, with the same validation):
  --duration <time>      simulated time per replication, e.g. 10m, 1h        (run.duration)
  --warmup <time>        initial time whose statistics are discarded, e.g. 1m (run.warmup)
  --replications <n>     independent replications                            (run.replications)
  --seed <n>             seed of all random streams; same seed, same result  (run.seed)
  --set <path=value>     override any field, e.g. --set components.app.replicas=6
                         (repeatable; validated like the file itself)
  --json <file>          also write the full result as JSON (written atomically);
                         --json - writes the JSON to stdout instead of the table
  --workers <n>          accepted but ignored for now: replications run one after another
                         until the worker pool lands (issue 3)
  --quiet                print nothing but errors (no progress, no table); use with --json
  -h, --help             this help

Progress is shown on stderr when it is a terminal.
`;

export const VALIDATE_HELP = `Usage: archsim validate <scenario>

Parses, validates and compiles the scenario without running it. Prints
"ok: <name> — N components, M endpoints" and exits 0, or prints every error as
file:line:col: path: message and exits 2.

Options:
  --set <path=value>     validate with this override applied (repeatable)
  -h, --help             this help
`;
