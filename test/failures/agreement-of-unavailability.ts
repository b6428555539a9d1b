import type { Estimate } from '../../sim-core/run/stats.ts';
import { expectAgreement } from '../helpers/agreement.ts';

/**
 * Availabilities near one are compared through the unavailability 1 − A, with the same
 * half-width, so the relative-precision rule of expectAgreement (half-width ≤ maxRel·exact)
 * applies to the small number that matters.
 */
export function expectUnavailability(label: string, availability: Estimate, exactUnavailability: number, maxRelativeHalfWidth = 0.05): void {
  expectAgreement({
    label,
    estimate: 1 - availability.mean,
    ci95: availability.halfWidth,
    replications: availability.n,
    exact: exactUnavailability,
    maxRelativeHalfWidth,
  });
}
