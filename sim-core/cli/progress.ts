import type { RunProgress } from '../run/run-replications.ts';
import { formatSpan } from './format-units.ts';

export interface ProgressLine {
  onProgress: (p: RunProgress) => void;
  /** Erases the line, so what follows starts on a clean terminal line. */
  done: () => void;
}

const MIN_INTERVAL_MS = 250;

/**
 * The one-line progress display on a terminal's stderr, redrawn in place with `\r` at most
 * ~4 times a second: `replication 2/3  simulated 2m 30s of 5m  50%`. The caller decides whether
 * stderr is a terminal; this writes to whatever it is given.
 */
export function progressLine(write: (text: string) => void, now: () => number): ProgressLine {
  let lastDraw = -Infinity;
  let drawn = false;
  return {
    onProgress(p) {
      const t = now();
      if (t - lastDraw < MIN_INTERVAL_MS) return;
      lastDraw = t;
      drawn = true;
      write(`\r\x1b[K${formatProgress(p)}`);
    },
    done() {
      if (drawn) write('\r\x1b[K');
      drawn = false;
    },
  };
}

/**
 * `replication 2/3  simulated 2m 30s of 5m  50%` for the runner's 0-based replication 1; the
 * percentage is of the whole run.
 */
export function formatProgress(p: RunProgress): string {
  const within = p.durationMs > 0 ? Math.min(1, Math.max(0, p.simulatedMs / p.durationMs)) : 0;
  const overall = p.replications > 0 ? (p.replication + within) / p.replications : 0;
  return (
    `replication ${p.replication + 1}/${p.replications}  ` +
    `simulated ${formatSpan(Math.floor(p.simulatedMs / 1000) * 1000)} of ${formatSpan(p.durationMs)}  ` +
    `${Math.floor(overall * 100)}%`
  );
}
