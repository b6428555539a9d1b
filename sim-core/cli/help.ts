/** The text of `archsim --help` and `archsim <command> --help`. */

export const MAIN_HELP = `archsim — discrete-event simulation of software architectures

Usage:
  archsim run <scenario> [options]     simulate a scenario and print its results
  archsim compare <a> <b> [...]        run scenarios on common random numbers; paired
                                       differences with confidence intervals and verdicts
  archsim sweep <scenario> --vary path=from..to[:steps|xfactor] [...]
                                       run a scenario over a range of values; find the knee
  archsim merge <shard files...>       combine the shards of a sweep (sweep --shard i/n)
  archsim validate <scenario>          check a scenario; print every error with its path
  archsim replay <case-study>          a published case study: each reported figure against
                                       its simulation, with a verdict, and plausibility checks
  archsim migrate <migration.yaml>     run a migration's phases on common random numbers;
                                       latency, uptime and cost phase by phase
  archsim calibrate <scenario> --target path=value --free pattern [...]
                                       fit unknown demands to reported figures
  archsim <command> --help             options of one command
  archsim --version

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
  --workers <n>          worker threads running replications at once (default: the
                         available cores); the results are the same for any n
  --progress             draw the progress bar even when stderr is not a terminal
  --quiet                print nothing but errors (no progress, no table); use with --json
  -h, --help             this help

A progress bar (simulated time done, replications, events/s, elapsed, ETA) is drawn on stderr
when it is a terminal. Ctrl-C stops the run within a fraction of a second and reports the
replications that completed, marked "partial" (in the JSON: "partial": true), with exit code
130; a second Ctrl-C quits at once. A replication whose worker crashes is retried once; if it
fails again it is listed, and the statistics cover the others.
`;

export const VALIDATE_HELP = `Usage: archsim validate <scenario>

Parses, validates and compiles the scenario without running it. Prints
"ok: <name> — N components, M endpoints" and exits 0, or prints every error as
file:line:col: path: message and exits 2.

Options:
  --set <path=value>     validate with this override applied (repeatable)
  -h, --help             this help
`;

export const COMPARE_HELP = `Usage: archsim compare <a> <b> [<c> ...] [options]

Runs every scenario with the same seed and replication indices, so that they draw the same
random numbers for the same purposes (arrivals, think times, the endpoint mix and, where
components share a name, their service times): common random numbers. The first scenario (A)
is the baseline; for each other scenario and each metric — overall, per common endpoint
(throughput, mean/p50/p95/p99 latency, error rate, availability, share within the SLO), the
utilisation of common components and the monthly cost when the scenarios are priced (B − A per
replication; a fixed bill differs by the same amount in every replication) — it reports the paired difference (B − A, replication by
replication) with its 95% confidence half-width, the unpaired (Welch) half-width the same runs
would give without pairing, and a verdict: significant when the paired interval excludes 0.

Options (the run options apply to every scenario):
  --replications <n>     replications per scenario (default: A's run.replications)
  --duration <time>      simulated time per replication                      (run.duration)
  --warmup <time>        initial time whose statistics are discarded         (run.warmup)
  --seed <n>             seed shared by all scenarios (default: A's run.seed)  (run.seed)
  --set <path=value>     override a field in every scenario (repeatable)
  --json <file>          also write the comparison as JSON; --json - writes it to stdout
  --workers <n>          worker threads (default: the available cores); same results for any n
  --progress             draw the progress bar even when stderr is not a terminal
  --quiet                print nothing but errors; use with --json
  -h, --help             this help

Ctrl-C stops within a fraction of a second and compares the replications every scenario
completed, marked partial (exit code 130).
`;

export const SWEEP_HELP = `Usage: archsim sweep <scenario> --vary <path=from..to[:steps|xfactor]> [...] [options]

Runs the scenario at every point of a range of values (several --vary: every combination) and
prints every metric per point with its 95% confidence half-width, and the knee: for each
endpoint with an SLO, the first point where its p99 exceeds the SLO or fewer than 99% of its
requests finish within it ("p99 of transfer crosses 500 ms between 84,000 and 102,000 users").

  --vary workload.users=10000..200000:10   10 points, evenly spaced, both ends included
  --vary components.app.replicas=1..16:x2  1, 2, 4, 8, 16 (each point × 2)
  --vary workload.arrivals=100/s..800/s:x2 a unit after the numbers is kept
  --vary components.app.workers=4..8       integer ends without a step: every integer
Values are rounded to integers when both ends are written as integers; write 0.5..2.0:4 for
fractions. Each point is the scenario with that --set applied, validated like the file. The
first --vary changes fastest; the knee is searched along it, once per combination of the
others. Every point uses the same seed and replication indices (common random numbers).

Options:
  --replications <n>     replications per point                              (run.replications)
  --duration <time>      simulated time per replication                      (run.duration)
  --warmup <time>        initial time whose statistics are discarded         (run.warmup)
  --seed <n>             seed of all random streams                          (run.seed)
  --set <path=value>     override any field at every point (repeatable)
  --json <file>          also write the whole sweep as JSON; --json - writes it to stdout
  --shard <i/n>          run only shard i of n (1-based) of the study's (point, replication)
                         tasks and write their records to --json FILE; combine the n files
                         with archsim merge (see archsim merge --help)
  --workers <n>          worker threads (default: the available cores); same results for any n
  --progress             draw the progress bar even when stderr is not a terminal
  --quiet                print nothing but errors; use with --json
  -h, --help             this help
`;

export const MERGE_HELP = `Usage: archsim merge <shard files...> [options]

Combines the files written by archsim sweep ... --shard i/n --json FILE, one per shard, into
the result the unsharded sweep would have given (the same table, the same JSON; wall time is
the sum of the shards'). Refuses files from different studies (scenario, --vary, seed,
replications, number of shards), a shard given twice, a cancelled shard, and names any shard
that is missing.

Options:
  --json <file>          also write the merged sweep as JSON; --json - writes it to stdout
  --quiet                print nothing but errors; use with --json
  -h, --help             this help
`;

export const REPLAY_HELP = `Usage: archsim replay <case-study> [options]

Replays a published case study: runs its scenarios and prints, per figure the text reports,
the reported value, the simulated value with its 95% half-width and a verdict — reproduced
(within ±15%, or the reported value inside the interval; for uptime and availability the 15%
applies to the downtime), not reproduced, or not modelled (with the reason) — then the
plausibility checks of the text's own numbers (docs/decisions/0013).

<case-study> is a slug of the bundled library (payfinity, payments-platform, fintech-edge,
fintech-connect, fintechflow), a folder holding case-study.yaml, or the manifest itself.

Options:
  --ledger               also print each scenario's assumption ledger (its source: and
                         assumption: comments, with the path and value they annotate)
  --duration, --warmup, --replications, --seed, --set
                         override every scenario's run settings (e.g. a quicker replay)
  --json <file>          also write the replay as JSON; --json - writes it to stdout
  --workers <n>          worker threads (default: the available cores)
  --progress, --quiet    as for archsim run
`;

export const MIGRATE_HELP = `Usage: archsim migrate <migration.yaml> [options]

Runs every phase of a migration — each a scenario file or a patch of the phase before, with
per-endpoint traffic splits (strangler-fig routing) — on common random numbers (one seed, the
same replications), and prints latency, throughput, errors, uptime and monthly cost phase by
phase with 95% half-widths, then the paired change of each phase from the first.
The file's format: docs/decisions/0013-case-studies-replay-migrate-calibrate.md.

Options:
  --duration, --warmup, --replications, --seed, --set
                         override every phase (after the migration's own run block)
  --json <file>          also write the report as JSON; --json - writes it to stdout
  --workers <n>          worker threads (default: the available cores)
  --progress, --quiet    as for archsim run
`;
