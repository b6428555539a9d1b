import { describe, expect, it } from 'vitest';
import { hyperexpFromMeanCv, lognormalFromMeanCv, lognormalFromPercentiles, type DistSpec } from '../../sim-core/engine/distributions.ts';
import { parseDistribution } from '../../sim-core/model/distribution-text.ts';

const spec = (text: string): DistSpec => {
  const r = parseDistribution(text);
  if (!r.ok) throw new Error(`${text}: ${r.message}`);
  return r.value;
};
const error = (text: unknown): string => {
  const r = parseDistribution(text);
  if (r.ok) throw new Error(`expected an error for ${String(text)}, got ${JSON.stringify(r.value)}`);
  return r.message;
};

describe('parseDistribution: each form', () => {
  it.each<[string, DistSpec]>([
    ['4ms', { kind: 'const', value: 4 }],
    ['const(4ms)', { kind: 'const', value: 4 }],
    ['const(0ms)', { kind: 'const', value: 0 }],
    ['exp(4ms)', { kind: 'exp', mean: 4 }],
    ['exp(mean=10s)', { kind: 'exp', mean: 10_000 }],
    ['lognormal(mean=4ms, cv=2)', lognormalFromMeanCv(4, 2)],
    ['lognormal(cv=2, mean=4ms)', lognormalFromMeanCv(4, 2)],
    ['lognormal(p50=120ms, p99=900ms)', lognormalFromPercentiles(120, 900)],
    ['uniform(1ms, 3ms)', { kind: 'uniform', min: 1, max: 3 }],
    ['uniform(min=1ms, max=1ms)', { kind: 'uniform', min: 1, max: 1 }],
    ['erlang(k=4, mean=8ms)', { kind: 'erlang', k: 4, mean: 8 }],
    ['gamma(shape=0.5, mean=8ms)', { kind: 'gamma', shape: 0.5, mean: 8 }],
    ['hyperexp(mean=4ms, cv=3)', hyperexpFromMeanCv(4, 3)],
    ['hyperexp(0.9: 1ms, 0.1: 10ms)', { kind: 'hyperexp', probs: [0.9, 0.1], means: [1, 10] }],
    ['empirical([1ms, 2ms, 5ms])', { kind: 'empirical', values: [1, 2, 5] }],
    ['empirical([250us])', { kind: 'empirical', values: [0.25] }],
    ['  exp( 1.5s )  ', { kind: 'exp', mean: 1500 }],
  ])('%s', (text, expected) => {
    expect(spec(text)).toEqual(expected);
  });
});

describe('parseDistribution: errors', () => {
  it('suggests the nearest name for an unknown distribution', () => {
    expect(error('expo(4ms)')).toBe("unknown distribution 'expo'; did you mean 'exp'?");
    expect(error('lognorm(mean=1ms, cv=1)')).toMatch(/did you mean 'lognormal'/);
    expect(error('weibull(1ms)')).toMatch(/unknown distribution 'weibull' \(known: const, exp/);
  });

  it('validates parameters', () => {
    expect(error('exp(0ms)')).toMatch(/mean must be positive/);
    expect(error('exp(4)')).toMatch(/add a unit/);
    expect(error('exp(20/s)')).toMatch(/is a rate/);
    expect(error('lognormal(p50=900ms, p99=120ms)')).toMatch(/p99 \(120ms\) must be greater than p50 \(900ms\)/);
    expect(error('lognormal(mean=4ms, cv=0)')).toMatch(/cv must be positive/);
    expect(error('lognormal(mean=4ms)')).toMatch(/takes mean= and cv=, or p50= and p99=/);
    expect(error('lognormal(mean=4ms, sd=2)')).toMatch(/unknown parameter 'sd'/);
    expect(error('uniform(3ms, 1ms)')).toMatch(/min \(3ms\) must not exceed max \(1ms\)/);
    expect(error('erlang(k=2.5, mean=8ms)')).toMatch(/k must be a positive integer/);
    expect(error('erlang(k=0, mean=8ms)')).toMatch(/k must be a positive integer/);
    expect(error('gamma(shape=-1, mean=8ms)')).toMatch(/shape must be positive/);
    expect(error('hyperexp(mean=4ms, cv=0.5)')).toMatch(/cv must be at least 1/);
    expect(error('hyperexp(0.9: 1ms, 0.2: 10ms)')).toMatch(/sum to 1, got 1.1/);
    expect(error('empirical([])')).toMatch(/at least one value/);
    expect(error('empirical([1ms, x])')).toMatch(/value 2/);
  });

  it('rejects malformed text, bare names and numbers', () => {
    expect(error('exp(4ms')).toMatch(/unbalanced/);
    expect(error('exp(4ms, )')).toMatch(/empty parameter/);
    expect(error('exp')).toMatch(/exp needs its parameters, e.g. exp\(4ms\)/);
    expect(error(4)).toMatch(/needs a unit/);
    expect(error({ mean: 4 })).toMatch(/expected a distribution/);
  });
});
