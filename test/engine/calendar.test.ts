import { describe, expect, it } from 'vitest';
import { EventCalendar } from '../../sim-core/engine/calendar.ts';
import { deriveStream } from '../../sim-core/engine/random.ts';

describe('EventCalendar', () => {
  it('pops in time order and never goes back in time (seed 11, 100k random operations)', () => {
    const rng = deriveStream(11, 0, 'calendar');
    const cal = new EventCalendar(4); // small so it must grow
    let now = 0;
    let pushed = 0;
    let popped = 0;
    for (let i = 0; i < 100_000; i++) {
      if (cal.size === 0 || rng.nextUniform() < 0.55) {
        cal.push(now + rng.nextUniform() * 100, pushed++);
      } else {
        cal.pop();
        expect(cal.time).toBeGreaterThanOrEqual(now);
        now = cal.time;
        popped++;
      }
    }
    while (cal.size > 0) {
      cal.pop();
      expect(cal.time).toBeGreaterThanOrEqual(now);
      now = cal.time;
      popped++;
    }
    expect(popped).toBe(pushed);
  });

  it('runs simultaneous events in the order they were scheduled (FIFO ties)', () => {
    const cal = new EventCalendar(2);
    const order = [5, 3, 9, 1, 7, 2, 8];
    for (const e of order) cal.push(10, e);
    cal.push(5, 100);
    cal.push(20, 200);
    const out: number[] = [];
    while (cal.size > 0) out.push(cal.pop());
    expect(out).toEqual([100, ...order, 200]);
  });

  it('keeps FIFO among ties interleaved with other times', () => {
    const cal = new EventCalendar(2);
    for (let i = 0; i < 50; i++) cal.push(i % 3, i);
    const out: Array<[number, number]> = [];
    while (cal.size > 0) {
      const e = cal.pop();
      out.push([cal.time, e]);
    }
    const expected = Array.from({ length: 50 }, (_, i) => [i % 3, i] as [number, number]).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    expect(out).toEqual(expected);
  });

  it('reports the next time with peekTime (Infinity when empty)', () => {
    const cal = new EventCalendar();
    expect(cal.peekTime()).toBe(Infinity);
    cal.push(3, 1);
    cal.push(2, 2);
    expect(cal.peekTime()).toBe(2);
  });
});
