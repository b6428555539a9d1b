import type { RunResult } from '../../sim-core/run/result.ts';
import { fmtMs, fmtNumber } from './format.ts';
import { formatCount, formatSpan } from '../../sim-core/cli/format-units.ts';

/** One line on how the numbers were made (replications, seed, simulated time, warm-up) and any warnings. */
export function RunSummary({ run }: { run: RunResult }) {
  const warmup = run.warmupAuto
    ? `${formatSpan(run.warmupAuto.removedSeconds * 1000)} warm-up chosen by ${run.warmupAuto.method}`
    : run.warmupSeconds > 0
      ? `${formatSpan(run.warmupSeconds * 1000)} warm-up discarded`
      : 'no warm-up';
  const facts = [
    `${run.replications} replication${run.replications === 1 ? '' : 's'}, seed ${run.seed}`,
    `${formatSpan(run.simulatedSeconds * 1000)} simulated each`,
    warmup,
    `${formatCount(run.events)} events in ${fmtMs(run.wallSeconds * 1000)}`,
  ];
  return (
    <div className="run-summary">
      <p className="muted">{facts.join(' · ')}</p>
      {run.partial ? <p className="warning">Cancelled: the statistics cover the replications that completed.</p> : null}
      {run.failedReplications?.length ? (
        <p className="warning">
          {run.failedReplications.length} replication(s) failed and are left out: {run.failedReplications.map((f) => `#${f.replication}: ${f.error}`).join('; ')}
        </p>
      ) : null}
      {run.stopping ? (
        <p className={run.stopping.met ? 'muted' : 'warning'}>
          Sequential stopping at ±{fmtNumber(run.stopping.precision * 100)}% relative precision (cap {run.stopping.maxReplications}): {run.stopping.met ? 'met' : 'not met for every key metric'}.
        </p>
      ) : null}
    </div>
  );
}
