import type { StudyProgress } from '../../sim-core/run/progress-tracker.ts';
import type { RunProgress } from '../state/store-types.ts';

/**
 * The progress bar's figures from the study's progress: simulated time over all planned
 * replications (so the bar fills once, not once per replication), events/s and the ETA.
 */
export function toRunProgress(p: StudyProgress, replicationDurationMs: number): RunProgress {
  const durationMs = p.planned * replicationDurationMs;
  return {
    simulatedMs: p.fraction * durationMs,
    durationMs,
    eventsPerSecond: p.eventsPerSecond,
    etaSeconds: Number.isFinite(p.etaMs) ? p.etaMs / 1000 : NaN,
    replicationsDone: p.completed,
    replications: p.planned,
  };
}

/** "2m 05s", "45s", "1h 02m": a wall or simulated duration for the progress text. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) return '–';
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m ${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(m / 60)}h ${String(m % 60).padStart(2, '0')}m`;
}

/** "1.2M events/s", "850k events/s". */
export function formatRate(perSecond: number): string {
  if (!Number.isFinite(perSecond) || perSecond <= 0) return '– events/s';
  if (perSecond >= 1e6) return `${(perSecond / 1e6).toFixed(1)}M events/s`;
  if (perSecond >= 1e3) return `${Math.round(perSecond / 1e3)}k events/s`;
  return `${Math.round(perSecond)} events/s`;
}
