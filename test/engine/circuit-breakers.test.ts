import { describe, expect, it } from 'vitest';
import { CircuitBreakers } from '../../sim-core/engine/circuit-breakers.ts';
import type { BreakerDef } from '../../sim-core/model/compiled.ts';

const countWindow: BreakerDef = { name: 'a→b', failureRate: 0.5, window: 4, openForMs: 1000, halfOpenCalls: 2 };
const timeWindow: BreakerDef = { name: 'a→b', failureRate: 0.5, window: 0, windowMs: 10_000, minCalls: 4, openForMs: 1000, halfOpenCalls: 2 };

describe('circuit breakers', () => {
  it('a count window opens only when full and at the failure rate', () => {
    const br = new CircuitBreakers([countWindow]);
    br.record(0, false, 0, true);
    br.record(0, false, 1, true);
    br.record(0, true, 2, true);
    expect(br.allows(0, 3)).toBe(true); // 3 of 4 calls seen
    br.record(0, true, 3, true); // 2 failures of 4 = 50%
    expect(br.allows(0, 4)).toBe(false);
    expect(br.openings[0]).toBe(1);
  });

  it('a count window forgets the oldest outcome', () => {
    const br = new CircuitBreakers([countWindow]);
    for (const ok of [false, true, true, true, true, false]) br.record(0, ok, 0, true);
    expect(br.allows(0, 0)).toBe(true); // last 4: ok ok ok fail = 25%
  });

  it('a time window needs minCalls, then opens at the failure rate', () => {
    const br = new CircuitBreakers([timeWindow]);
    for (let t = 0; t < 3; t++) br.record(0, false, t * 100, true);
    expect(br.allows(0, 300)).toBe(true); // 3 failures, but fewer than 4 calls
    br.record(0, true, 400, true); // 3 of 4 failed
    expect(br.allows(0, 500)).toBe(false);
  });

  it('a time window drops calls older than the window (in tenths)', () => {
    const br = new CircuitBreakers([timeWindow]);
    br.record(0, false, 0, true);
    br.record(0, false, 500, true);
    br.record(0, false, 900, true); // all in the bucket [0, 1 s)
    // 10.5 s later the bucket [0, 1 s) has left the window: 1 failure of 4 new calls
    for (const t of [10_500, 10_600, 10_700]) br.record(0, true, t, true);
    br.record(0, false, 10_800, true);
    expect(br.allows(0, 10_900)).toBe(true);
    // Whereas at 9.5 s the old failures still count: 4 of 5 failed
    const again = new CircuitBreakers([timeWindow]);
    for (const t of [0, 500, 900]) again.record(0, false, t, true);
    again.record(0, true, 9_500, true);
    expect(again.allows(0, 9_600)).toBe(false);
  });

  it('half-open closes after all trials succeed and then starts a fresh window', () => {
    const br = new CircuitBreakers([timeWindow]);
    for (let t = 0; t < 4; t++) br.record(0, false, t, true);
    expect(br.allows(0, 10)).toBe(false);
    expect(br.allows(0, 1004)).toBe(true); // openFor 1 s passed: half-open, trial 1
    expect(br.allows(0, 1004)).toBe(true); // trial 2
    expect(br.allows(0, 1004)).toBe(false); // no more trials
    br.record(0, true, 1005, true);
    br.record(0, true, 1006, true);
    expect(br.allows(0, 1007)).toBe(true);
    br.record(0, false, 1008, true); // one failure in a fresh window: below minCalls
    expect(br.allows(0, 1009)).toBe(true);
    expect(br.notClosedArea(0, 2000)).toBeCloseTo(1006 - 3, 9);
  });
});
