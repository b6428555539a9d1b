import { describe, expect, it } from 'vitest';
import { runLongHorizon } from '../../sim-core/failures/long-horizon.ts';
import type { LongHorizonInput } from '../../sim-core/failures/long-horizon-input.ts';
import { expHours, exponentialUnit } from './failure-inputs.ts';

const base: LongHorizonInput = { units: [exponentialUnit('app', 3, 2, 10, 1)], horizonMs: 1e9, replications: 2, seed: 1 };
const bad = (patch: Partial<LongHorizonInput>, message: RegExp) => () => expect(() => runLongHorizon({ ...base, ...patch })).toThrow(message);

describe('bad long-horizon input gives an error naming the field', () => {
  it('mttr ≤ 0', bad({ units: [exponentialUnit('app', 3, 2, 10, 0)] }, /units\[0\]\.timeToRepair: needs a finite mean > 0/));
  it('required > replicas', bad({ units: [exponentialUnit('app', 3, 4, 10, 1)] }, /units\[0\]\.required: must be an integer in 1\.\.3/));
  it('zero replicas', bad({ units: [exponentialUnit('app', 0, 1, 10, 1)] }, /units\[0\]\.replicas/));
  it('duplicate names', bad({ units: [exponentialUnit('app', 1, 1, 10, 1), exponentialUnit('app', 1, 1, 10, 1)] }, /units\[1\]\.name: 'app' appears twice/));
  it('a name that would make keys ambiguous', bad({ units: [exponentialUnit('a=b', 1, 1, 10, 1)] }, /units\[0\]\.name/));
  it('only one of the two distributions', bad({ units: [{ name: 'app', replicas: 1, timeToFailure: expHours(1) }] }, /give both timeToFailure and timeToRepair/));
  it('replica zones without zone failures', bad({ units: [{ ...exponentialUnit('app', 2, 1, 10, 1), zones: [0, 1] }] }, /units\[0\]\.zones: replica zones are given/));
  it('a zone out of range', bad({
    units: [{ ...exponentialUnit('app', 2, 1, 10, 1), zones: [0, 3] }],
    zones: { zones: 3, timeToFailure: expHours(100), timeToRepair: expHours(1) },
  }, /units\[0\]\.zones\[1\]: must be a zone index in 0\.\.2/));
  it('a zero horizon', bad({ horizonMs: 0 }, /horizonMs/));
  it('no replications', bad({ replications: 0 }, /replications/));
  it('negative constant duration', bad({ units: [{ name: 'app', replicas: 1, timeToFailure: { kind: 'const', value: -1 }, timeToRepair: expHours(1) }] }, /units\[0\]\.timeToFailure/));
});
