import { estimate, type Estimate } from '../run/stats.ts';
import type { StateSuccess, StateTimeShares } from './combine.ts';
import { MINUTES_PER_YEAR } from './year.ts';

/**
 * What deployments cost in the combined figures (docs/uptime-method.md, "Deploys"): the
 * long-horizon simulation is run twice with the same seed, with and without deploys. Deploys
 * draw no random numbers, so both runs see the same failures, replication by replication, and
 * the cost is the paired difference
 *   dᵢ = Σₛ π′ₛ,ᵢ·pₛ − Σₛ πₛ,ᵢ·pₛ   (′: without deploys)
 * whose mean and Student-t CI over replications say how much availability (or uptime) the
 * deploys take. The success ratios pₛ are the same in both; a state without one (lumped, or
 * only visited without deploys) counts as down in both, as in combine.ts.
 */
export interface DeployCost {
  /** Request-based: availability without deploys − with them. */
  availabilityLoss: Estimate;
  /** The same in minutes a year. */
  downtimeMinutesPerYear: Estimate;
  /** Time-based: minutes a year in states below the uptime threshold because of deploys. */
  uptimeDowntimeMinutesPerYear: Estimate;
}

export function deployCost(
  withDeploys: readonly StateTimeShares[],
  withoutDeploys: readonly StateTimeShares[],
  successes: readonly StateSuccess[],
  threshold: number,
): DeployCost {
  const n = withDeploys[0]?.perReplication.length ?? 0;
  if (withoutDeploys.some((s) => s.perReplication.length !== n)) {
    throw new RangeError('deployCost: both long-horizon runs need the same replications');
  }
  const ratio = new Map(successes.map((s) => [s.state, s.successRatio]));
  // A state's weight per unit of time: its success ratio, or 1/0 for up/down; unrun states 0.
  const perReplication = (shares: readonly StateTimeShares[], value: (p: number) => number) =>
    Array.from({ length: n }, (_, i) => shares.reduce((sum, s) => {
      const p = ratio.get(s.key);
      return p === undefined ? sum : sum + s.perReplication[i] * value(p);
    }, 0));
  const served = (p: number) => p;
  const up = (p: number) => (p >= threshold ? 1 : 0);
  const diff = (a: number[], b: number[]) => a.map((x, i) => x - b[i]);
  const availabilityLoss = estimate(diff(perReplication(withoutDeploys, served), perReplication(withDeploys, served)));
  const uptimeLoss = estimate(diff(perReplication(withoutDeploys, up), perReplication(withDeploys, up)));
  const perYear = (e: Estimate): Estimate => ({ ...e, mean: e.mean * MINUTES_PER_YEAR, halfWidth: e.halfWidth * MINUTES_PER_YEAR });
  return { availabilityLoss, downtimeMinutesPerYear: perYear(availabilityLoss), uptimeDowntimeMinutesPerYear: perYear(uptimeLoss) };
}
