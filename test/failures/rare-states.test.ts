import { describe, expect, it } from 'vitest';
import type { StateShare } from '../../sim-core/failures/long-horizon.ts';
import { LUMPED_STATES_KEY, groupRareStates } from '../../sim-core/failures/rare-states.ts';
import { estimate } from '../../sim-core/run/stats.ts';

const state = (key: string, perReplication: number[]): StateShare => ({
  key, up: {}, unitsDown: [], systemUp: true, share: estimate(perReplication), perReplication,
});
// Means 0.9, 0.09, 0.009, 0.0009, 0.0001, listed out of order.
const states = [
  state('s=3', [0.009, 0.009]),
  state('s=5', [0.89, 0.91]),
  state('s=1', [0.0002, 0]),
  state('s=4', [0.1, 0.08]),
  state('s=2', [0.0008, 0.001]),
];

describe('groupRareStates', () => {
  it('keeps states by decreasing share until they cover the coverage, and lumps the rest with per-replication sums', () => {
    const g = groupRareStates(states, { coverage: 0.9995 });
    expect(g.kept.map((s) => s.key)).toEqual(['s=5', 's=4', 's=3', 's=2']);
    expect(g.other?.key).toBe(LUMPED_STATES_KEY);
    expect(g.other?.states).toEqual(['s=1']);
    expect(g.other?.perReplication).toEqual([0.0002, 0]);
    expect(g.other?.share.mean).toBeCloseTo(0.0001, 15);
  });

  it('also keeps every state above minShare', () => {
    const g = groupRareStates(states, { coverage: 0.5, minShare: 0.005 });
    expect(g.kept.map((s) => s.key)).toEqual(['s=5', 's=4', 's=3']);
    expect(g.other?.states).toEqual(['s=2', 's=1']);
    expect(g.other?.perReplication[0]).toBeCloseTo(0.001, 15);
    expect(g.other?.perReplication[1]).toBeCloseTo(0.001, 15);
  });

  it('caps the kept states at maxStates', () => {
    const g = groupRareStates(states, { coverage: 1, maxStates: 2 });
    expect(g.kept.map((s) => s.key)).toEqual(['s=5', 's=4']);
    expect(g.other?.states).toEqual(['s=3', 's=2', 's=1']);
    expect(g.other?.share.mean).toBeCloseTo(0.01, 15);
  });

  it('lumps nothing when every state is needed', () => {
    const g = groupRareStates(states, { coverage: 1 });
    expect(g.kept).toHaveLength(5);
    expect(g.other).toBeNull();
  });
});
