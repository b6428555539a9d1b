import { describe, expect, it } from 'vitest';
import { didYouMean, editDistance, nearest } from '../../sim-core/model/suggest.ts';

describe('suggestions', () => {
  it('edit distance', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('same', 'same')).toBe(0);
  });

  it('finds the nearest plausible name, or none', () => {
    expect(nearest('replica', ['replicas', 'workers'])).toBe('replicas');
    expect(nearest('expo', ['const', 'exp', 'empirical'])).toBe('exp');
    expect(nearest('Workers', ['replicas', 'workers'])).toBe('workers');
    expect(nearest('zzzzzz', ['replicas', 'workers'])).toBeUndefined();
    expect(nearest('w', ['x', 'y'])).toBeUndefined();
    expect(didYouMean('balancr', ['balancer'])).toBe("; did you mean 'balancer'?");
    expect(didYouMean('qqq', ['balancer'])).toBe('');
  });
});
