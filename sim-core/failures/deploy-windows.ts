/**
 * Deployment windows of a unit in the failure-only simulation (docs/uptime-method.md, "Deploys").
 *
 * A deployment is deterministic: it starts every `everyMs`, and takes its replicas out in
 * ⌈replicas / batch⌉ batches of `batch` (the last one possibly smaller), each out for `batchMs`,
 * one after the other. A restart is one batch of every replica. A deployment that has not
 * finished when the next one starts is cut off: the next starts over with its first batch.
 *
 * The schedule is periodic in *absolute* time, with one start at `atMs` (and so at
 * atMs + k·everyMs for every integer k, before `atMs` too: the system was deploying before the
 * study looked at it). Replication i covers the absolute interval [i·H, (i + 1)·H): the
 * replications are consecutive years of one system, so the deploys keep their cadence across
 * replication boundaries, and over R replications the deploy time is exact to within one
 * window in R·H — exactly the periodic share when R·H is a multiple of `everyMs`.
 */
export interface DeployWindows {
  /** The start of one deployment, ms (any one: the schedule repeats both ways). */
  atMs: number;
  /** Time between deployment starts, ms (finite, > 0). */
  everyMs: number;
  /** How long each batch is out, ms (> 0). */
  batchMs: number;
  /** Replicas out at a time (≥ 1; the replicas or more: all at once, a restart). */
  batch: number;
}

/** Replicas out for batch `b` of a deployment (0 once the batches are done). */
export function replicasOut(windows: DeployWindows, replicas: number, b: number): number {
  const batches = Math.ceil(replicas / windows.batch);
  if (b >= batches || b * windows.batchMs >= windows.everyMs) return 0;
  return Math.min(windows.batch, replicas - b * windows.batch);
}

/**
 * The deploy state of one unit during one replication: which deployment (its start, in the
 * replication's time) and which batch is running, and when that changes next.
 */
export class DeployClock {
  /** Start of the current deployment, local time (≤ now). */
  private cycleStart: number;
  private batchIndex: number;
  private nextIsCycle = false;
  /** Replicas out now. */
  out = 0;
  /** Local time of the next change (a batch ends or the next deployment starts). */
  next = 0;

  constructor(private readonly windows: DeployWindows, private readonly replicas: number, replication: number, horizonMs: number) {
    const { atMs, everyMs, batchMs } = windows;
    const origin = replication * horizonMs; // absolute time of the replication's t = 0
    let start = atMs + Math.floor((origin - atMs) / everyMs) * everyMs - origin;
    // Rounding can leave the start one period off; the start must satisfy start ≤ 0 < start + every.
    if (start > 0) start -= everyMs;
    if (start + everyMs <= 0) start += everyMs;
    this.cycleStart = start;
    this.batchIndex = Math.floor(-start / batchMs);
    this.settle();
  }

  /** Moves to the change at `next`; afterwards `out` and `next` describe the new phase. */
  advance(): void {
    if (this.nextIsCycle) {
      this.cycleStart += this.windows.everyMs;
      this.batchIndex = 0;
    } else {
      this.batchIndex++;
    }
    this.settle();
  }

  private settle(): void {
    const { everyMs, batchMs } = this.windows;
    this.out = replicasOut(this.windows, this.replicas, this.batchIndex);
    const cycleEnd = this.cycleStart + everyMs;
    const batchEnd = this.cycleStart + (this.batchIndex + 1) * batchMs;
    this.nextIsCycle = this.out === 0 || batchEnd >= cycleEnd;
    this.next = this.nextIsCycle ? cycleEnd : batchEnd;
  }
}

/** Time share of a periodic schedule with replicas out (any out), and its mean replicas out. */
export function deployShares(windows: DeployWindows, replicas: number): { windowShare: number; meanOut: number } {
  let window = 0, outArea = 0;
  for (let b = 0; replicasOut(windows, replicas, b) > 0; b++) {
    const length = Math.min(windows.batchMs, windows.everyMs - b * windows.batchMs);
    window += length;
    outArea += length * replicasOut(windows, replicas, b);
  }
  return { windowShare: window / windows.everyMs, meanOut: outArea / windows.everyMs };
}
