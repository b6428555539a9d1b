import { parseDocument } from 'yaml';
import { planCost, type CostPlan } from '../../sim-core/cost/cost-plan.ts';
import { applyPriceOverrides, parsePriceList, type PriceList } from '../../sim-core/cost/price-list.ts';
import type { Scenario } from '../../sim-core/model/schema.ts';
import bundledPriceList from '../../scenarios/prices/aws-us-east-1.yaml?raw';

/**
 * The renderer's side of the cost model, the browser twin of sim-core/cli/load-cost-plan.ts:
 * the bundled price list (scenarios/prices/aws-us-east-1.yaml, shipped in the bundle) with the
 * scenario's inline overrides. A scenario that names another price-list file
 * (`prices: file.yaml`) cannot have it read here, so it is billed against the bundled list and
 * the result says which list it used. Returns the plan, or the problems as messages.
 */
export function costPlanFor(scenario: Pick<Scenario, 'prices' | 'components' | 'endpoints'>): { plan?: CostPlan; problems: string[] } {
  const bundled = bundledList();
  if (!bundled) return { problems: ['the bundled price list does not parse'] };
  let list = bundled;
  const problems: string[] = [];
  if (typeof scenario.prices === 'object' && scenario.prices !== null) {
    const applied = applyPriceOverrides(list, scenario.prices);
    list = applied.list;
    problems.push(...applied.problems.map((p) => `prices.${p.segments.join('.')}: ${p.message}`));
  }
  const egress = new Set(Object.values(scenario.endpoints ?? {}).filter((e) => e.responseSize !== undefined).map((e) => e.call.split('.')[0]));
  const { plan, problems: planProblems } = planCost(scenario.components, list, egress);
  problems.push(...planProblems.map((p) => `${p.segments.join('.')}: ${p.message}`));
  return problems.length > 0 || !plan ? { problems } : { plan, problems: [] };
}

let cached: PriceList | undefined;
function bundledList(): PriceList | undefined {
  if (!cached) cached = parsePriceList(parseDocument(bundledPriceList).toJS()).list;
  return cached;
}
