import { describe, expect, it } from 'vitest';
import { figureVerdict } from '../../sim-core/case-study/figure-verdict.ts';

describe('figure verdicts', () => {
  it('reproduces within ±15% of the reported value, and not beyond', () => {
    expect(figureVerdict('overall.latency.mean', 2800, 2800 * 1.149)).toBe('reproduced');
    expect(figureVerdict('overall.latency.mean', 2800, 2800 * 0.851)).toBe('reproduced');
    expect(figureVerdict('overall.latency.mean', 2800, 2800 * 1.151)).toBe('not reproduced');
  });

  it('reproduces when the reported value lies inside the simulated interval', () => {
    expect(figureVerdict('overall.latency.mean', 100, 130, 31)).toBe('reproduced');
    expect(figureVerdict('overall.latency.mean', 100, 130, 29)).toBe('not reproduced');
  });

  it('compares uptime and availability on the downtime', () => {
    // 99.9% against a reported 99.99% is within 15% of the value but ten times the downtime.
    expect(figureVerdict('uptimeStudy.uptime', 0.9999, 0.999)).toBe('not reproduced');
    expect(figureVerdict('overall.availability', 0.9999, 0.99989)).toBe('reproduced');
    expect(figureVerdict('uptimeStudy.uptime', 0.975, 0.972)).toBe('reproduced'); // 2.8% down against 2.5%: +12%
    expect(figureVerdict('uptimeStudy.uptime', 0.975, 0.97)).toBe('not reproduced'); // 3% against 2.5%: +20%
  });

  it('never reproduces a missing value', () => {
    expect(figureVerdict('overall.latency.mean', 100, Number.NaN)).toBe('not reproduced');
  });
});
