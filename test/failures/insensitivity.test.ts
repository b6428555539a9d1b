import { describe, it } from 'vitest';
import { lognormalFromMeanCv } from '../../sim-core/engine/distributions.ts';
import { runLongHorizon } from '../../sim-core/failures/long-horizon.ts';
import type { FailureUnit } from '../../sim-core/failures/long-horizon-input.ts';
import { MS_PER_YEAR } from '../../sim-core/failures/year.ts';
import { kOfNUnavailability, replicaAvailability } from '../exact/k-of-n.ts';
import { expectUnavailability } from './agreement-of-unavailability.ts';
import { HOUR, constHours, expHours } from './failure-inputs.ts';

/**
 * Insensitivity: for independent alternating renewal processes a replica is up with probability
 * E[up]/(E[up] + E[down]) whatever the distributions, so a 2-of-3 component has the binomial
 * unavailability 3aq² + q³ = 31/1331 for any time-to-failure and time-to-repair laws with means
 * 10 h and 1 h. Started in equilibrium (stationary-start.ts), this holds in every replication
 * and for any horizon — even with constant times, where the replicas' phases stay fixed for ever.
 */
const { a, q } = replicaAvailability(10, 1);
const exact = kOfNUnavailability(3, 2, a, q);
const unit = (timeToFailure: FailureUnit['timeToFailure'], timeToRepair: FailureUnit['timeToRepair']): FailureUnit => ({
  name: 'svc', replicas: 3, required: 2, timeToFailure, timeToRepair,
});

describe('insensitivity of k-of-n availability to the distributions (means 10 h / 1 h)', () => {
  it('constant repair, exponential failures (seed 21, 40 × 10 years)', () => {
    const r = runLongHorizon({ units: [unit(expHours(10), constHours(1))], horizonMs: 10 * MS_PER_YEAR, replications: 40, seed: 21 });
    expectUnavailability('2-of-3, const repair', r.system.availability, exact);
  });

  it('lognormal failures (cv 1.5), uniform repair 0.5–1.5 h (seed 22, 40 × 10 years)', () => {
    const r = runLongHorizon({
      units: [unit(lognormalFromMeanCv(10 * HOUR, 1.5), { kind: 'uniform', min: 0.5 * HOUR, max: 1.5 * HOUR })],
      horizonMs: 10 * MS_PER_YEAR, replications: 40, seed: 22,
    });
    expectUnavailability('2-of-3, lognormal/uniform', r.system.availability, exact);
  });

  it('constant failures and repairs: random equilibrium phases, one 11 h period each (seed 23, 8000 × 11 h)', () => {
    // Every replication is periodic with period 11 h, so one period shows its whole time average;
    // the randomness is only in the phases, hence many short replications.
    const r = runLongHorizon({ units: [unit(constHours(10), constHours(1))], horizonMs: 11 * HOUR, replications: 8000, seed: 23 });
    expectUnavailability('2-of-3, const/const', r.system.availability, exact);
  });
});
