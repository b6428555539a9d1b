import type { CostLine, CostResult } from '../run/result.ts';
import type { CostPlan, UsagePricing } from './cost-plan.ts';
import { HOURS_PER_MONTH, SECONDS_PER_MONTH } from './money.ts';

/**
 * The monthly bill of a run: for each component, a fixed line (time-weighted replicas × 730 h ×
 * the price per replica-hour, the replicas summed over the results the plan names: a database's
 * primary and read replicas) and one usage line per usage item it measured, read from the
 * component's own result (rate per second × seconds per month × the price per unit). Pure; no
 * rounding (the report rounds to cents).
 *
 * Fixed cost is linear in the replica count, so the bill of the replicas averaged over time
 * and over replications is the average of the replications' bills.
 */

/** Always left out of the figure, whatever the scenario. */
export const ALWAYS_EXCLUDED: readonly string[] = [
  'storage (EBS volumes, database storage and I/O, backups, snapshots)',
  'data transfer between components and zones; data out to users unless endpoints give a responseSize',
  'cluster-level items not named by a component (EKS control plane, load balancers, NAT gateways)',
  'support plans, reserved-instance and savings-plan discounts, free tiers, taxes',
];

/** What compute-cost reads of a component's results (a ComponentResult has both). */
export interface CostInputs {
  /** Time-weighted mean of running replicas over the measured window. */
  replicas: number;
  /** Per-second usage counters (see usage-items.ts). */
  usage?: Readonly<Record<string, number>>;
}

export function computeCost(plan: CostPlan, components: Readonly<Record<string, CostInputs>>): CostResult {
  const lines: CostLine[] = [];
  const excluded = [...plan.excluded];
  for (const [name, pricing] of Object.entries(plan.components)) {
    const inputs = Object.hasOwn(components, name) ? components[name] : undefined;
    if (!inputs) {
      excluded.push(`${name}: not in the run's results`);
      continue;
    }
    if (pricing.fixed) {
      // Every billed result (a database's primary and its replicas) at the component's price, in one line.
      let replicas = 0;
      for (const key of pricing.fixed.results ?? [name]) {
        const billed = Object.hasOwn(components, key) ? components[key] : undefined;
        if (billed) replicas += billed.replicas;
        else excluded.push(`${name}: the instances of ${key} (not in the run's results)`);
      }
      lines.push(line(name, pricing.fixed.item, 'fixed', replicas * HOURS_PER_MONTH, 'replica-h', pricing.fixed.hourly));
    }
    for (const u of pricing.usage) {
      const rate = inputs.usage?.[u.counter];
      if (rate === undefined) excluded.push(`${name}: ${u.item} (the run did not measure ${u.counter})`);
      else lines.push(usageLine(name, u, rate));
    }
  }
  const byComponent: Record<string, number> = {};
  for (const l of lines) byComponent[l.component] = (byComponent[l.component] ?? 0) + l.monthly;
  return {
    monthly: lines.reduce((sum, l) => sum + l.monthly, 0),
    byComponent,
    lines,
    excluded: [...excluded, ...ALWAYS_EXCLUDED],
    priceList: { ...plan.priceList },
  };
}

/** The cost of a run aggregated without a price list: nothing computed, and it says so. */
export function noCost(): CostResult {
  return { monthly: 0, byComponent: {}, lines: [], excluded: ['everything: no price list was given'], priceList: null };
}

/** A usage line: a per-second rate over a month, in the price's unit. */
export function usageLine(component: string, u: UsagePricing, perSecond: number): CostLine {
  const perMonth = perSecond * SECONDS_PER_MONTH;
  switch (u.price.unit) {
    case 'million':
      return line(component, u.item, 'usage', perMonth / 1e6, 'million requests', u.price.amount);
    case 'GB':
      return line(component, u.item, 'usage', perMonth / 1e9, 'GB', u.price.amount);
    case 'vCPU-h':
      return line(component, u.item, 'usage', perSecond * HOURS_PER_MONTH, 'vCPU-h', u.price.amount);
    case 'GB-h':
      return line(component, u.item, 'usage', perSecond * HOURS_PER_MONTH, 'GB-h', u.price.amount);
    case 'h':
      return line(component, u.item, 'usage', perSecond * HOURS_PER_MONTH, 'h', u.price.amount);
    case 'month':
      return line(component, u.item, 'usage', perSecond, 'month', u.price.amount);
  }
}

function line(component: string, item: string, kind: CostLine['kind'], quantity: number, unit: string, unitPrice: number): CostLine {
  return { component, item, kind, quantity, unit, unitPrice, monthly: quantity * unitPrice };
}

/** The result with its cost computed from its own components (for runs aggregated without a plan). */
export function withCost<R extends { components: Readonly<Record<string, CostInputs>>; cost: CostResult }>(result: R, plan: CostPlan): R {
  return { ...result, cost: computeCost(plan, result.components) };
}
