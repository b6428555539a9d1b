import { describe, expect, it } from 'vitest';
import { nelderMead } from '../../sim-core/case-study/nelder-mead.ts';

/** Deterministic objectives with known minima: the optimiser must find them, within its budget. */

const rosenbrock = (x: readonly number[]) => 100 * (x[1] - x[0] ** 2) ** 2 + (1 - x[0]) ** 2;

describe('nelderMead', () => {
  it('finds the minimum of the Rosenbrock valley from (−1.2, 1)', async () => {
    const r = await nelderMead(rosenbrock, [-1.2, 1], { step: 0.5, maxEvals: 1000, xTolerance: 1e-9 });
    expect(r.reason).toBe('converged');
    expect(r.x[0]).toBeCloseTo(1, 4);
    expect(r.x[1]).toBeCloseTo(1, 4);
    expect(r.f).toBeLessThan(1e-8);
    expect(r.evaluations).toBeLessThan(400);
  });

  it('finds the centre of a tilted 3-D quadratic', async () => {
    const centre = [0.3, -2, 1.5];
    const f = (x: readonly number[]) => {
      const d = x.map((v, i) => v - centre[i]);
      return d[0] ** 2 + 4 * d[1] ** 2 + 9 * d[2] ** 2 + 2 * d[0] * d[1];
    };
    const r = await nelderMead(f, [0, 0, 0], { step: 0.5, maxEvals: 2000, xTolerance: 1e-8 });
    expect(r.reason).toBe('converged');
    r.x.forEach((v, i) => expect(v).toBeCloseTo(centre[i], 5));
  });

  it('works in one dimension (the simplex is a segment), with an async objective', async () => {
    const r = await nelderMead(async (x) => (Math.log(2 + x[0]) - Math.log(5)) ** 2, [0], { step: 0.5, maxEvals: 200, xTolerance: 1e-10 });
    expect(r.x[0]).toBeCloseTo(3, 6);
  });

  it('stops when the caller says so, and reports the best point seen', async () => {
    const seen: number[] = [];
    const r = await nelderMead((x) => (x[0] - 1) ** 2, [0], {
      step: 0.5,
      maxEvals: 100,
      onEvaluation: (x, f, i) => {
        seen.push(i);
        return f < 0.01;
      },
    });
    expect(r.reason).toBe('stopped');
    expect(r.f).toBeLessThan(0.01);
    expect(seen).toEqual(seen.map((_, i) => i + 1));
    expect(r.evaluations).toBe(seen.length);
  });

  it('never evaluates more than maxEvals times', async () => {
    let calls = 0;
    const r = await nelderMead((x) => {
      calls++;
      return rosenbrock(x);
    }, [-1.2, 1], { step: 0.5, maxEvals: 17 });
    expect(r.reason).toBe('maxEvals');
    expect(calls).toBe(17);
    expect(r.evaluations).toBe(17);
    expect(r.f).toBeLessThanOrEqual(rosenbrock([-1.2, 1]));
  });

  it('moves away from points where the objective is NaN or infinite', async () => {
    // Undefined left of 0.2: the optimiser must still reach the minimum at 1.
    const f = (x: readonly number[]) => (x[0] < 0.2 ? NaN : x[0] > 5 ? Infinity : (x[0] - 1) ** 2);
    const r = await nelderMead(f, [0.5], { step: -0.5, maxEvals: 200, xTolerance: 1e-8 });
    expect(r.x[0]).toBeCloseTo(1, 5);
  });

  it('rejects an empty start, a zero step and a bad budget', async () => {
    await expect(nelderMead(() => 0, [], { step: 1, maxEvals: 5 })).rejects.toThrow(/at least one coordinate/);
    await expect(nelderMead(() => 0, [0], { step: 0, maxEvals: 5 })).rejects.toThrow(/step/);
    await expect(nelderMead(() => 0, [0], { step: 1, maxEvals: 0 })).rejects.toThrow(/maxEvals/);
  });
});
