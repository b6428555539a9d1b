import { describe, expect, it } from 'vitest';
import { ratioEstimate } from '../../sim-core/failures/ratio-estimate.ts';
import { StateCoder } from '../../sim-core/failures/state-key.ts';
import { studentTQuantile } from '../../sim-core/run/stats.ts';

describe('ratioEstimate (pooled ratio with a delta-method CI)', () => {
  it('R = ΣY/ΣX; se² = Σ(Y − R·X)² / (n(n−1)·X̄²)', () => {
    // Y = 10, 0, 35, 15; X = 2, 0, 5, 3 → R = 60/10 = 6; residuals −2, 0, 5, −3 → Σ² = 38; X̄ = 2.5
    const r = ratioEstimate([10, 0, 35, 15], [2, 0, 5, 3]);
    expect(r.mean).toBe(6);
    expect(r.halfWidth).toBeCloseTo(studentTQuantile(0.975, 3) * Math.sqrt(38 / 12) / 2.5, 12);
    expect(r.n).toBe(4);
  });

  it('NaN without denominators, no half-width from one replication', () => {
    expect(ratioEstimate([1, 2], [0, 0]).mean).toBeNaN();
    const one = ratioEstimate([4], [2]);
    expect(one.mean).toBe(2);
    expect(one.halfWidth).toBeNaN();
  });
});

describe('StateCoder', () => {
  it('numeric codes decode to the counts and label in input order', () => {
    const c = new StateCoder(['app', 'db'], [3, 1]);
    expect(c.numeric).toBe(true);
    const code = 2 * c.strides[0] + 1 * c.strides[1];
    expect(c.decode(code)).toEqual([2, 1]);
    expect(c.label(c.decode(code))).toBe('app=2,db=1');
  });

  it('falls back to string keys beyond 2^53 combinations', () => {
    const names = Array.from({ length: 30 }, (_, i) => `s${i}`);
    const c = new StateCoder(names, names.map(() => 3));
    expect(c.numeric).toBe(false);
    const up = Int32Array.from(names.map((_, i) => i % 4));
    expect(c.decode(c.stringKey(up))).toEqual([...up]);
  });
});
