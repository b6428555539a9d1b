import { describe, expect, it } from 'vitest';
import { checkVary, formatVary, parseVary, varySetting, varyValues, type VarySpec } from '../../sim-core/run/vary.ts';

function spec(text: string): VarySpec {
  const { spec, error } = parseVary(text);
  if (!spec) throw new Error(error);
  return spec;
}

describe('--vary path=from..to[:steps|xfactor]', () => {
  it('linear steps include both ends; integer ends round to integers', () => {
    expect(varyValues(spec('workload.users=10000..200000:10'))).toEqual([
      10000, 31111, 52222, 73333, 94444, 115556, 136667, 157778, 178889, 200000,
    ]);
    expect(varyValues(spec('components.app.workers=2..8:4'))).toEqual([2, 4, 6, 8]);
  });

  it('decimal ends keep fractions, without binary noise', () => {
    expect(varyValues(spec('workload.profile[1].x=0.1..0.4:4'))).toEqual([0.1, 0.2, 0.3, 0.4]);
    expect(varyValues(spec('workload.profile[1].x=1.0..2.0:3'))).toEqual([1, 1.5, 2]);
  });

  it('geometric steps multiply up to the end, never past it, and may fall', () => {
    expect(varyValues(spec('components.app.replicas=1..16:x2'))).toEqual([1, 2, 4, 8, 16]);
    expect(varyValues(spec('components.app.replicas=1..20:x2'))).toEqual([1, 2, 4, 8, 16]);
    expect(varyValues(spec('components.app.replicas=16..1:x2'))).toEqual([16, 8, 4, 2, 1]);
    expect(varyValues(spec('workload.profile[0].x=0.1..0.8:x2'))).toEqual([0.1, 0.2, 0.4, 0.8]);
  });

  it('rounding that makes neighbours equal drops the duplicates', () => {
    expect(varyValues(spec('components.app.replicas=1..3:5'))).toEqual([1, 2, 3]);
    expect(varyValues(spec('components.app.replicas=1..10:x1.5'))).toEqual([1, 2, 3, 5, 8]);
  });

  it('integer ends without a step give every integer', () => {
    expect(varyValues(spec('components.app.workers=4..8'))).toEqual([4, 5, 6, 7, 8]);
    expect(varyValues(spec('components.app.workers=3..1'))).toEqual([3, 2, 1]);
  });

  it('keeps a unit written after the numbers in the --set value', () => {
    const s = spec('workload.arrivals=100/s..800/s:x2');
    expect(s.unit).toBe('/s');
    expect(varyValues(s).map((v) => varySetting(s, v))).toEqual([
      'workload.arrivals=100/s', 'workload.arrivals=200/s', 'workload.arrivals=400/s', 'workload.arrivals=800/s',
    ]);
    expect(spec('run.duration=1m..3m:3').unit).toBe('m');
    expect(spec('workload.arrivals=100..800/s:2').unit).toBe('/s');
  });

  it('formats back to what a user types', () => {
    for (const text of ['workload.users=10000..200000:10', 'components.app.replicas=1..16:x2', 'workload.arrivals=100/s..800/s:x2', 'workload.profile[1].x=1.0..2.5:4']) {
      expect(formatVary(spec(text))).toBe(text);
    }
  });

  it.each([
    ['workload.users', 'expected path=from..to'],
    ['=1..2', 'expected path=from..to'],
    ['workload.users=10..', 'both ends must be numbers'],
    ['workload.users=a..b:3', 'both ends must be numbers'],
    ['workload.users=1..2..3', 'expected a range'],
    ['workload.arrivals=1/s..2/min:3', 'different units'],
    ['workload.users=1..10:x1', 'factor must be a number above 1'],
    ['workload.users=0..10:x2', 'needs both ends above 0'],
    ['workload.users=1..10:0', 'must be a positive integer'],
    ['workload.users=1..10:1', 'one point needs from = to'],
    ['workload.users=1..10:three', 'expected a number of points'],
    ['workload.profile[1].x=0.5..2.5', 'say how many points'],
    ['workload.users=1..100000', 'more than the 10000 allowed'],
    ['workload..users=1..2', 'is not a path'],
  ])('rejects %s, saying what is wrong', (text, message) => {
    const { spec: s, error } = parseVary(text);
    expect(s).toBeUndefined();
    expect(error).toContain(`--vary '${text}'`);
    expect(error).toContain(message);
  });

  it('checks specs built by the API too', () => {
    expect(checkVary({ path: 'workload.users', from: 1, to: 5, steps: 5, unit: '', integer: true })).toBeUndefined();
    expect(checkVary({ path: 'workload.users', from: 1, to: 5, unit: '', integer: true })).toContain('either a number of points or a factor');
    expect(checkVary({ path: 'workload.users', from: 1, to: NaN, steps: 2, unit: '', integer: true })).toContain('finite');
  });
});
