import { beforeAll, describe, expect, it } from 'vitest';
import type { RunResult } from '../../sim-core/run/result.ts';
import { runScenario } from '../helpers/scenario.ts';

/**
 * A circuit breaker under a hard outage: the bank API is down from 20 s to 40 s (every call
 * fails at once, unavailable). The breaker (50% of the last 10 calls, open 2 s, 3 trial calls)
 * opens within the first calls of the outage, stays open or half-open through it (each half-open
 * trial fails and reopens it), and closes after its first trials once the API is back. With a
 * fallback the requests succeed throughout: refused calls run the fallback instead.
 */
const scenario = (fallback: string) => `
archsim: 1
name: breaker under an outage
run: { duration: 60s, warmup: 0s, replications: 2, seed: 53, seriesInterval: 1s }
workload: { arrivals: 200/s }
endpoints: { pay: { call: app.pay } }
components:
  app:
    kind: service
    workers: unbounded
    threading: async
    operations:
      pay:
        steps:
          - external: bank
            circuitBreaker: { failureRate: 50%, window: 10, openFor: 2s, halfOpenCalls: 3 }${fallback}
  bank: { kind: external, latency: exp(20ms) }
incidents:
  - { at: 20s, for: 20s, target: bank, effect: down }
`;

describe('circuit breaker: opens under a hard outage and closes after it, seed 53', () => {
  let r: RunResult;
  let withFallback: RunResult;
  beforeAll(() => {
    r = runScenario(scenario(''));
    withFallback = runScenario(scenario('\n            fallback: [ { delay: const(1ms) } ]'));
  });

  const open = (res: RunResult) => res.series.breakerOpen['app→bank'];
  const between = (res: RunResult, from: number, to: number) => open(res).filter((_, i) => res.series.t[i] >= from && res.series.t[i] < to);

  it('closed before the outage, open (or half-open) through it, closed again within seconds after it', () => {
    expect(Math.max(...between(r, 0, 20))).toBe(0);
    expect(Math.min(...between(r, 21, 40))).toBeGreaterThan(0.9);
    expect(Math.max(...between(r, 43, 60))).toBe(0);
  });

  it('during the outage most calls are refused by the breaker, not sent to the dead API', () => {
    const c = r.components.bank.calls!;
    expect(c.shortCircuited).toBeGreaterThan(0);
    // 20 s × 200/s = 4,000 calls fail in the outage; only those in the first window and the
    // half-open trials (3 every ~2 s) reach the API.
    const unavailable = r.components.bank.errorsByCause.unavailable * 60; // per second → over the 60 s run
    expect(unavailable).toBeLessThan(100);
    expect(r.overall.errorsByCause['circuit-open']).toBeGreaterThan(0.3);
  });

  it('with a fallback every request succeeds; the fallbacks are counted', () => {
    expect(withFallback.overall.errorRate).toBe(0);
    expect(withFallback.components.bank.calls!.fallbacks * 60).toBeGreaterThan(3500);
  });
});

/**
 * The same outage with a time window: 50% of the calls of the last 2 s (at least 20 of them).
 * At 200 calls/s a 2 s window holds ~400 calls, so the breaker opens once the failures since 20 s
 * reach the successes still in the window: 1 s into the outage, or up to a bucket (0.2 s) later
 * since the window slides in tenths (a count window of 10 opens after 5 calls). It then holds the outage off as before and closes once the API is back.
 */
describe('circuit breaker over a time window, seed 53', () => {
  let r: RunResult;
  beforeAll(() => {
    r = runScenario(scenario('').replace('window: 10,', 'window: 2s, minCalls: 20,'));
  });
  const open = () => r.series.breakerOpen['app→bank'];
  const at = (t: number) => open()[r.series.t.indexOf(t)];

  it('stays closed for about the first second of the outage, then opens', () => {
    expect(Math.max(...open().filter((_, i) => r.series.t[i] < 20))).toBe(0);
    expect(at(20)).toBe(0); // the window still holds more successes than failures
    expect(at(21)).toBeGreaterThan(0.7); // opened in [21 s, 21.3 s)
    expect(Math.min(...open().filter((_, i) => r.series.t[i] >= 22 && r.series.t[i] < 40))).toBeGreaterThan(0.9);
    expect(Math.max(...open().filter((_, i) => r.series.t[i] >= 43))).toBe(0);
  });

  it('the calls that reached the dead API are about a second of traffic plus the trials', () => {
    const unavailable = r.components.bank.errorsByCause.unavailable * 60;
    expect(unavailable).toBeGreaterThan(150);
    expect(unavailable).toBeLessThan(300);
  });
});
