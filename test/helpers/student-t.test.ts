import { describe, expect, it } from 'vitest';
import { studentTQuantile } from '../../sim-core/run/stats.ts';
import { studentT975 } from './student-t.ts';

describe('t_{0.975, df} table used to turn half-widths back into standard errors', () => {
  it('agrees with sim-core’s independent t quantile (incomplete beta + bisection) to 1e-4', () => {
    for (const df of [1, 2, 3, 4, 9, 19, 29, 30, 31, 40, 60, 120, 1000]) {
      expect(Math.abs(studentT975(df) - studentTQuantile(0.975, df)), `df = ${df}`).toBeLessThan(1e-4);
    }
  });
});
