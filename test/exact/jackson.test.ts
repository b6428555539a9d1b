import { describe, expect, it } from 'vitest';
import { solveOpenNetwork, solveTrafficEquations } from './jackson.ts';
import { mm1MeanResponse } from './mm1.ts';

describe('Jackson networks', () => {
  it('traffic equations with feedback: γ₁ = 1, 1→2 always, 2→1 w.p. ½ gives λ = (2, 2)', () => {
    const lambda = solveTrafficEquations([1, 0], [[0, 1], [0.5, 0]]);
    expect(lambda[0]).toBeCloseTo(2, 14);
    expect(lambda[1]).toBeCloseTo(2, 14);
  });

  it('hand-solved two-station network (M/M/1 μ = 4, M/M/2 μ = 3): L = 1 + 0.75, W = 1.75', () => {
    const s = solveOpenNetwork({
      stations: [{ servers: 1, serviceRate: 4 }, { servers: 2, serviceRate: 3 }],
      externalArrivals: [1, 0],
      routing: [[0, 1], [0.5, 0]],
    });
    expect(s.utilisation[0]).toBeCloseTo(0.5, 14);
    expect(s.utilisation[1]).toBeCloseTo(1 / 3, 14);
    expect(s.meanNumber[0]).toBeCloseTo(1, 14);
    expect(s.meanNumber[1]).toBeCloseTo(0.75, 14); // C(2, 2/3) = 1/6, W = 1/24 + 1/3
    expect(s.meanResponse).toBeCloseTo(1.75, 14);
  });

  it('a tandem line is the sum of its M/M/1 response times; a delay station adds its mean', () => {
    const s = solveOpenNetwork({
      stations: [{ servers: 1, serviceRate: 2 }, { servers: 1, serviceRate: 5 }, { servers: Infinity, serviceRate: 0.25 }],
      externalArrivals: [1, 0, 0],
      routing: [[0, 1, 0], [0, 0, 1], [0, 0, 0]],
    });
    expect(s.meanResponse).toBeCloseTo(mm1MeanResponse(1, 2) + mm1MeanResponse(1, 5) + 4, 13);
  });

  it('branching splits the flow: 0 → 1 w.p. 0.6, 0 → 2 w.p. 0.4, 1 → 3 w.p. ½', () => {
    const lambda = solveTrafficEquations([0.7, 0, 0, 0], [[0, 0.6, 0.4, 0], [0, 0, 0, 0.5], [0, 0, 0, 0], [0, 0, 0, 0]]);
    [0.7, 0.42, 0.28, 0.21].forEach((x, i) => expect(lambda[i]).toBeCloseTo(x, 14));
  });

  it('rejects a routing row that sums above 1', () => {
    expect(() => solveTrafficEquations([1], [[1.2]])).toThrow(RangeError);
  });
});
