import type { StudyProgress } from '../run/progress-tracker.ts';
import { formatCount, formatSpan } from './format-units.ts';

export interface ProgressBar {
  onProgress: (p: StudyProgress) => void;
  /** Erases the bar, so what follows starts on a clean terminal line. */
  done: () => void;
}

const MIN_INTERVAL_MS = 250;
const BAR_WIDTH = 24;

/**
 * The progress bar on a terminal's stderr, redrawn in place with `\r` at most ~4 times a
 * second. The caller decides whether stderr is a terminal; this writes to whatever it is given.
 */
export function progressBar(write: (text: string) => void, now: () => number): ProgressBar {
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
 * `[██████░░░░░░░░░░░░░░░░░░]  25%  replications 2/8 (2 running)  3.1M events/s  elapsed 12s  ETA 36s`:
 * the percentage is of the simulated time planned over all replications.
 */
export function formatProgress(p: StudyProgress): string {
  const fraction = Number.isFinite(p.fraction) ? Math.min(1, Math.max(0, p.fraction)) : 0;
  const filled = Math.floor(fraction * BAR_WIDTH);
  const bar = `[${'█'.repeat(filled)}${'░'.repeat(BAR_WIDTH - filled)}]`;
  const running = p.running > 0 ? ` (${p.running} running)` : '';
  return (
    `${bar} ${`${Math.floor(fraction * 100)}%`.padStart(4)}  ` +
    `replications ${p.completed}/${p.planned}${running}  ` +
    `${formatCount(Math.round(p.eventsPerSecond))} events/s  ` +
    `elapsed ${formatWallSeconds(p.elapsedMs)}  ETA ${Number.isFinite(p.etaMs) ? formatWallSeconds(p.etaMs) : '—'}`
  );
}

/** Whole wall-clock seconds in the span style: `0s`, `42s`, `3m 5s`. */
function formatWallSeconds(ms: number): string {
  return formatSpan(Math.max(0, Math.round(ms / 1000)) * 1000);
}
