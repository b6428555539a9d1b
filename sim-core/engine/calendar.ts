/**
 * The event calendar: a binary min-heap over typed arrays, ordered by (time, sequence). The
 * sequence number grows with every push, so events at the same time run in the order they were
 * scheduled (FIFO) and a run replays exactly. An event is one int32 chosen by the caller (the
 * simulation packs a target id and an event kind into it); nothing is allocated per event.
 */
export class EventCalendar {
  private times: Float64Array;
  private seqs: Float64Array;
  private events: Int32Array;
  private n = 0;
  private nextSeq = 0;
  /** Time of the event returned by the last `pop()`. */
  time = 0;

  constructor(capacity = 1024) {
    this.times = new Float64Array(capacity);
    this.seqs = new Float64Array(capacity);
    this.events = new Int32Array(capacity);
  }

  get size(): number {
    return this.n;
  }

  /** Time of the next event (Infinity when empty). */
  peekTime(): number {
    return this.n > 0 ? this.times[0] : Infinity;
  }

  push(time: number, event: number): void {
    if (this.n === this.times.length) this.grow();
    const times = this.times, seqs = this.seqs, events = this.events;
    const seq = this.nextSeq++;
    let i = this.n++;
    // The new entry has the largest sequence number, so it stops below any parent with time ≤ its own.
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pt = times[parent];
      if (pt <= time) break;
      times[i] = pt;
      seqs[i] = seqs[parent];
      events[i] = events[parent];
      i = parent;
    }
    times[i] = time;
    seqs[i] = seq;
    events[i] = event;
  }

  /** Remove and return the earliest event; its time is in `this.time`. Call only when size > 0. */
  pop(): number {
    const times = this.times, seqs = this.seqs, events = this.events;
    const top = events[0];
    this.time = times[0];
    const n = --this.n;
    if (n > 0) {
      const lt = times[n], ls = seqs[n], le = events[n];
      let i = 0;
      for (;;) {
        let c = 2 * i + 1;
        if (c >= n) break;
        let ct = times[c];
        const r = c + 1;
        if (r < n) {
          const rt = times[r];
          if (rt < ct || (rt === ct && seqs[r] < seqs[c])) {
            c = r;
            ct = rt;
          }
        }
        if (lt < ct || (lt === ct && ls < seqs[c])) break;
        times[i] = ct;
        seqs[i] = seqs[c];
        events[i] = events[c];
        i = c;
      }
      times[i] = lt;
      seqs[i] = ls;
      events[i] = le;
    }
    return top;
  }

  clear(): void {
    this.n = 0;
  }

  private grow(): void {
    const cap = this.times.length * 2;
    const times = new Float64Array(cap); times.set(this.times); this.times = times;
    const seqs = new Float64Array(cap); seqs.set(this.seqs); this.seqs = seqs;
    const events = new Int32Array(cap); events.set(this.events); this.events = events;
  }
}
