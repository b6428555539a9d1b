import type { BreakerDef } from '../model/compiled.ts';

/** Buckets of a time window: the window slides in steps of windowMs / TIME_BUCKETS. */
const TIME_BUCKETS = 10;

const CLOSED = 0, OPEN = 1, HALF_OPEN = 2;

/**
 * The circuit breakers of a run, in struct-of-arrays form. The engine asks `allows(b, now)`
 * before an attempt and reports each outcome with `record(b, ok, now)`.
 *
 * Closed, a breaker counts the outcomes of
 *   - a count window: the last `window` calls; it opens when the failures reach failureRate of
 *     a full window;
 *   - a time window: the calls of the last `windowMs`, kept in TIME_BUCKETS buckets (the window
 *     slides by a tenth of its length, as Resilience4j's time-based window slides by seconds);
 *     it opens when at least `minCalls` calls were seen and failures reach failureRate of them.
 * Open, it refuses calls for openFor; then half-open, it lets halfOpenCalls trials through: all
 * must succeed to close it, one failure opens it again. Outcomes of calls let through before it
 * opened are ignored while it is open.
 */
export class CircuitBreakers {
  private readonly rate: Float64Array;
  private readonly window: Int32Array; // calls (count windows); 0 for time windows
  private readonly bucketMs: Float64Array; // time windows: bucket width; 0 for count windows
  private readonly minCalls: Int32Array;
  private readonly openFor: Float64Array;
  private readonly halfOpen: Int32Array;
  private readonly state: Uint8Array;
  /** Count windows: a ring of the last outcomes (1 = failure). Time windows: calls per bucket. */
  private readonly ring: Int32Array[];
  /** Time windows: failures per bucket. */
  private readonly ringFailures: Int32Array[];
  private readonly head: Int32Array;
  private readonly headEpoch: Float64Array; // time windows: the bucket number `head` holds
  private readonly calls: Int32Array;
  private readonly failures: Int32Array;
  private readonly openUntil: Float64Array;
  private readonly trials: Int32Array;
  private readonly successes: Int32Array;
  private readonly notClosedInt: Float64Array; // ±t integral of the time not closed
  /** Openings since the counter was last reset (the measured window). */
  readonly openings: Float64Array;

  constructor(defs: readonly BreakerDef[]) {
    const n = defs.length;
    this.rate = Float64Array.from(defs, (b) => b.failureRate);
    this.window = Int32Array.from(defs, (b) => (b.windowMs === undefined ? b.window : 0));
    this.bucketMs = Float64Array.from(defs, (b) => (b.windowMs === undefined ? 0 : b.windowMs / TIME_BUCKETS));
    this.minCalls = Int32Array.from(defs, (b) => b.minCalls ?? b.window);
    this.openFor = Float64Array.from(defs, (b) => b.openForMs);
    this.halfOpen = Int32Array.from(defs, (b) => b.halfOpenCalls);
    this.state = new Uint8Array(n);
    this.ring = defs.map((b) => new Int32Array(b.windowMs === undefined ? b.window : TIME_BUCKETS));
    this.ringFailures = defs.map((b) => new Int32Array(b.windowMs === undefined ? 0 : TIME_BUCKETS));
    this.head = new Int32Array(n);
    this.headEpoch = new Float64Array(n);
    this.calls = new Int32Array(n);
    this.failures = new Int32Array(n);
    this.openUntil = new Float64Array(n);
    this.trials = new Int32Array(n);
    this.successes = new Int32Array(n);
    this.notClosedInt = new Float64Array(n);
    this.openings = new Float64Array(n);
  }

  get count(): number {
    return this.state.length;
  }

  /** Closed: yes. Open: no, until openFor has passed (then half-open). Half-open: the first halfOpenCalls. */
  allows(b: number, now: number): boolean {
    const state = this.state[b];
    if (state === CLOSED) return true;
    if (state === OPEN) {
      if (now < this.openUntil[b]) return false;
      this.state[b] = HALF_OPEN;
      this.trials[b] = 0;
      this.successes[b] = 0;
    }
    if (this.trials[b] >= this.halfOpen[b]) return false;
    this.trials[b]++;
    return true;
  }

  record(b: number, ok: boolean, now: number, measuring: boolean): void {
    const state = this.state[b];
    if (state === OPEN) return;
    if (state === HALF_OPEN) {
      if (!ok) this.open(b, now, measuring);
      else if (++this.successes[b] >= this.halfOpen[b]) this.close(b, now);
      return;
    }
    if (this.bucketMs[b] > 0) this.recordInTime(b, ok, now);
    else this.recordInCount(b, ok);
    if (this.calls[b] >= this.minCalls[b] && this.failures[b] >= this.rate[b] * this.calls[b]) this.open(b, now, measuring);
  }

  /** ∫₀^now [breaker b not closed] dt. */
  notClosedArea(b: number, now: number): number {
    return this.notClosedInt[b] + (this.state[b] === CLOSED ? 0 : now);
  }

  private recordInCount(b: number, ok: boolean): void {
    const window = this.window[b];
    const ring = this.ring[b];
    const head = this.head[b];
    if (this.calls[b] === window) this.failures[b] -= ring[head];
    else this.calls[b]++;
    ring[head] = ok ? 0 : 1;
    if (!ok) this.failures[b]++;
    this.head[b] = head + 1 === window ? 0 : head + 1;
  }

  /** Slide the time window to now (dropping buckets that fell out of it), then count the outcome. */
  private recordInTime(b: number, ok: boolean, now: number): void {
    const epoch = Math.floor(now / this.bucketMs[b]);
    const calls = this.ring[b];
    const failures = this.ringFailures[b];
    let head = this.head[b];
    const steps = Math.min(TIME_BUCKETS, epoch - this.headEpoch[b]);
    for (let k = 0; k < steps; k++) {
      head = head + 1 === TIME_BUCKETS ? 0 : head + 1;
      this.calls[b] -= calls[head];
      this.failures[b] -= failures[head];
      calls[head] = 0;
      failures[head] = 0;
    }
    this.head[b] = head;
    this.headEpoch[b] = epoch;
    calls[head]++;
    this.calls[b]++;
    if (!ok) {
      failures[head]++;
      this.failures[b]++;
    }
  }

  private open(b: number, now: number, measuring: boolean): void {
    if (this.state[b] === CLOSED) this.notClosedInt[b] -= now;
    this.state[b] = OPEN;
    this.openUntil[b] = now + this.openFor[b];
    if (measuring) this.openings[b]++;
  }

  /** Closing starts a fresh window. */
  private close(b: number, now: number): void {
    this.state[b] = CLOSED;
    this.notClosedInt[b] += now;
    this.calls[b] = 0;
    this.failures[b] = 0;
    this.head[b] = 0;
    this.headEpoch[b] = 0;
    this.ring[b].fill(0);
    this.ringFailures[b].fill(0);
  }
}
