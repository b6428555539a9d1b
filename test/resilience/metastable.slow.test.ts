import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RunResult } from '../../sim-core/run/result.ts';
import { runScenario } from '../helpers/scenario.ts';

/**
 * The metastability pair of scenarios/examples: the same 10 s slowdown at 1m, with aggressive
 * retries (no backoff) the system stays overloaded after it ends — goodput ~0 for the rest of the
 * run — and with exponential backoff, jitter and a circuit breaker it recovers within seconds.
 * Offered load 800/s; seed 1 (the files' own), 2 replications.
 */
const example = (file: string) => readFileSync(new URL(`../../scenarios/examples/${file}`, import.meta.url), 'utf8');
const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
/** Mean goodput per second over the series intervals starting in [fromS, toS). */
const goodputBetween = (r: RunResult, fromS: number, toS: number) => mean(r.series.goodput.filter((_, i) => r.series.t[i] >= fromS && r.series.t[i] < toS));

describe('metastable failure: a slowdown plus aggressive retries (retry-storm.yaml)', () => {
  let storm: RunResult;
  let breaker: RunResult;
  beforeAll(() => {
    storm = runScenario(example('retry-storm.yaml'), ['run.replications=2']);
    breaker = runScenario(example('retry-storm-breaker.yaml'), ['run.replications=2']);
  });

  it('before the slowdown both serve the offered 800/s within the SLO', () => {
    for (const r of [storm, breaker]) expect(goodputBetween(r, 0, 60)).toBeGreaterThan(0.97 * 800);
  });

  it('without backoff or a breaker the system stays down after the slowdown ends (70 s to 180 s)', () => {
    expect(goodputBetween(storm, 90, 180)).toBeLessThan(0.02 * 800);
    // The backend is saturated the whole time, serving attempts nobody waits for any more.
    const util = storm.series.utilisation.backend.filter((_, i) => storm.series.t[i] >= 90);
    expect(Math.min(...util)).toBeGreaterThan(0.99);
    expect(storm.components.backend.calls!.retryAmplification).toBeGreaterThan(2);
  });

  it('with backoff, jitter and a breaker it recovers within 30 s of the slowdown’s end', () => {
    expect(goodputBetween(breaker, 100, 180)).toBeGreaterThan(0.97 * 800);
    const open = breaker.series.breakerOpen['front→backend'];
    const during = open.filter((_, i) => breaker.series.t[i] >= 60 && breaker.series.t[i] < 75);
    expect(Math.max(...during)).toBeGreaterThan(0.5); // it opened
    expect(Math.max(...open.filter((_, i) => breaker.series.t[i] >= 100))).toBe(0); // and closed for good
    expect(breaker.overall.errorsByCause['circuit-open']).toBeGreaterThan(0);
  });
});
