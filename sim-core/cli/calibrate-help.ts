/** The text of `archsim calibrate --help` (decision 0013, "Calibration"). */

export const CALIBRATE_HELP = `Usage: archsim calibrate <scenario> --target <metric=value> [...] --free <pattern> [...] [options]

Fits the free parameters of a scenario so that its simulated figures match reported ones, and
writes the scenario with the fitted values edited in place (comments and layout kept) and a
comment block on top recording the targets, the simulated values at the fit with their errors,
the factor of every free pattern, the run settings and the evaluations used. Calibrating the
written file again replaces that block.

  --target overall.latency.mean=2.8s     a RunResult metric and the figure to reach:
  --target overall.latency.p95=8.4s      overall.latency.{mean,p50,p95,p99}, overall.throughput,
  --target overall.errorRate=0.5%        overall.errorRate, endpoints.<e>.latency.p95,
  --target cost.monthly=$27000           components.<c>.utilisation, cost.monthly, ...
                                         values: 2.8s, 320ms, 95%, 7200/s, $27000, numbers
  --free 'components.app.operations.*.cpu'
                                         a path into the scenario; * matches any one key or
                                         list index. Each pattern is ONE parameter: a factor on
                                         every distribution or duration it matches (all the
                                         durations in it: exp(8ms), lognormal(mean=, cv=) — the
                                         mean only —, lognormal(p50=, p99=) — both —, uniform,
                                         ...), so relative demands stay as written; or, for
                                         shares strictly between 0 and 1 (hit: 0.8, 0.5%), a
                                         shift of their logit, so they stay in (0, 1)

The fit minimises Σ ln(simulated / target)² over the targets (for availability, uptime and the
share within the SLO: of 1 − value) with Nelder–Mead on the log factors, starting from the
scenario as written with initial steps of 0.5 (a factor of e^0.5 ≈ 1.65, one parameter at a
time). Every evaluation runs the same seed, run settings and number of replications (common
random numbers; run.precision is ignored), so the objective changes smoothly with the factors.
It stops when every target is within 1%, when the simplex stops moving, or after --max-evals
evaluations; then the best evaluation is written. A target missed by more than 5% is reported
with a warning (the file is still written, exit 0): the free parameters cannot reach it.

Options:
  --out <file>           where to write (default: <scenario>.calibrated.yaml beside it; may be
                         the scenario itself). YAML only: the record is a comment
  --max-evals <n>        simulations at most (default 60)
  --replications <n>     replications per evaluation                         (run.replications)
  --duration <time>      simulated time per replication                      (run.duration)
  --warmup <time>        initial time whose statistics are discarded         (run.warmup)
  --seed <n>             seed shared by every evaluation                     (run.seed)
  --set <path=value>     override a field in every evaluation (repeatable; not written)
  --workers <n>          worker threads (default: the available cores); same results for any n
  --quiet                no progress lines and no table; warnings and errors only
  -h, --help             this help

Progress: one line per evaluation on stderr (its number, the factors, the objective and the
error of every target). Ctrl-C stops and writes nothing (exit code 130).
`;
