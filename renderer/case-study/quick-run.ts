import { AUTO_WARMUP, type Scenario } from '../../sim-core/model/schema.ts';
import { parseDuration } from '../../sim-core/model/units.ts';

/**
 * The "quick" replay and migration (pure): run overrides that cut a scenario's cost to a first
 * look. Two replications — the fewest that give a 95% interval (the verdict's "inside the
 * interval" rule needs one, and the uptime study combines at least two) — and half the measured
 * window; the warm-up is kept, since a saturated system's backlog takes it to build, so the
 * quick figures are the full ones with wider intervals rather than a different regime.
 */
export const QUICK_REPLICATIONS = 2;
export const QUICK_MEASURED_SHARE = 0.5;

/** The sentence the views show beside the quick option and on quick results. */
export const QUICK_NOTE = `Quick: ${QUICK_REPLICATIONS} replications and half the measured time of every scenario. The numbers are rough — wider intervals, fewer rare events — for a first look; run the full version before quoting a verdict.`;

/** `--set`-style overrides (`run.replications=2`, …) for a scenario's `run` block. */
export function quickRunOverrides(run: Pick<Scenario['run'], 'duration' | 'warmup' | 'replications' | 'precision'>): string[] {
  const out = [`run.replications=${Math.min(QUICK_REPLICATIONS, run.replications)}`];
  // Sequential stopping would add replications back.
  if (run.precision !== undefined) out.push(`run.maxReplications=${Math.min(QUICK_REPLICATIONS, run.replications)}`);
  if (run.warmup === AUTO_WARMUP) return out;
  const duration = parseDuration(run.duration);
  const warmup = parseDuration(run.warmup);
  if (!duration.ok || !warmup.ok || duration.value <= warmup.value) return out;
  const measured = (duration.value - warmup.value) * QUICK_MEASURED_SHARE;
  out.push(`run.duration=${Math.round(warmup.value + measured)}ms`);
  return out;
}
