import { problem, type Problem } from '../model/errors.ts';
import { nearest } from '../model/suggest.ts';
import { formatPrice, hourlyAmount, isPerReplicaTime, parsePrice, type Price, type PriceUnit } from './money.ts';
import type { PriceList } from './price-list.ts';
import { billedResultsOf } from './billed-results.ts';
import { egressItemOf, usageItemsOf, type BilledComponent } from './usage-items.ts';

/**
 * What each component will be billed for, resolved against a price list before the run: a fixed
 * price per replica-hour (from `instance:` or `price:`) on the replicas of the results it names,
 * and usage items priced per request or GB (usage-items.ts). Plain data (it can cross to workers
 * and into files). Unknown instance types and prices in the wrong unit are problems with the
 * path of the field that names them.
 */

export interface FixedPricing {
  /** The instance type, or `price per replica` for an inline price without one. */
  item: string;
  /** US dollars per replica-hour. */
  hourly: number;
  /**
   * The component results whose time-weighted `replicas` are billed, summed into one line
   * (billed-results.ts): `[<db>, <db>.replicas]` for a database with read replicas. Absent: the
   * component's own name.
   */
  results?: string[];
}

export interface UsagePricing {
  /** Price-list item, e.g. `sqs.requests`. */
  item: string;
  /** The key in ComponentResult.usage holding the per-second rate, e.g. `requests`. */
  counter: string;
  price: Price;
}

export interface ComponentPricing {
  fixed?: FixedPricing;
  usage: UsagePricing[];
}

export interface CostPlan {
  priceList: { name: string; date: string };
  components: Record<string, ComponentPricing>;
  /** Known before the run: components with no price, usage items missing from the list. */
  excluded: string[];
}

/**
 * The plan for a scenario's components (kind and fields: `instance`, `price`, and what picks the
 * usage items and billed results, such as a gateway's `api` or a database's `readReplicas`).
 */
export function planCost(
  components: Readonly<Record<string, BilledComponent>>,
  list: PriceList,
  /** Components endpoints with a `responseSize` enter through: they bill data out (usage-items.ts). */
  egress: ReadonlySet<string> = new Set(),
): { plan?: CostPlan; problems: Problem[] } {
  const problems: Problem[] = [];
  const planned: Record<string, ComponentPricing> = {};
  const unpriced: string[] = [];
  const excluded: string[] = [];
  for (const [name, c] of Object.entries(components)) {
    const path = ['components', name];
    let fixed: FixedPricing | undefined;
    if (c.price !== undefined) {
      const p = parsePrice(c.price);
      if (!p.ok) problems.push(problem([...path, 'price'], p.message));
      else if (!isPerReplicaTime(p.value.unit)) problems.push(problem([...path, 'price'], perReplicaMessage(formatPrice(p.value), p.value.unit)));
      // With both, the instance names the line and the price (a negotiated one, say) bills it.
      else fixed = { item: c.instance === undefined ? 'price per replica' : String(c.instance), hourly: hourlyAmount({ ...p.value, unit: p.value.unit }) };
    } else if (c.instance !== undefined) {
      const instance = String(c.instance);
      const line = Object.hasOwn(list.lines, instance) ? list.lines[instance] : undefined;
      if (!line) {
        const guess = nearest(instance, Object.keys(list.lines));
        problems.push(problem([...path, 'instance'], `unknown instance type '${instance}' in the price list '${list.name}'${guess ? `; did you mean '${guess}'?` : ''}`));
      } else if (!isPerReplicaTime(line.price.unit)) {
        problems.push(problem([...path, 'instance'], `'${instance}' is priced ${line.text} in '${list.name}'; ${perReplicaMessage(line.text, line.price.unit)}`));
      } else {
        fixed = { item: instance, hourly: hourlyAmount({ ...line.price, unit: line.price.unit }) };
      }
    } else if (usageItemsOf(c).length === 0 && !egress.has(name)) {
      unpriced.push(name); // a component billed by usage only (a gateway, an SQS queue) is priced all the same
    }
    if (fixed) {
      const results = billedResultsOf(name, c);
      if (results.length !== 1 || results[0] !== name) fixed.results = results;
    }
    const usage: UsagePricing[] = [];
    for (const u of [...usageItemsOf(c), ...(egress.has(name) ? [egressItemOf(c)] : [])]) {
      const line = Object.hasOwn(list.lines, u.item) ? list.lines[u.item] : undefined;
      if (line) usage.push({ item: u.item, counter: u.counter, price: line.price });
      else excluded.push(`${name}: ${u.item} (not in the price list '${list.name}')`);
    }
    if (fixed || usage.length > 0) planned[name] = fixed ? { fixed, usage } : { usage };
  }
  if (unpriced.length > 0) excluded.unshift(`components without instance or price: ${unpriced.join(', ')}`);
  if (problems.length > 0) return { problems };
  return { plan: { priceList: { name: list.name, date: list.date }, components: planned, excluded }, problems };
}

function perReplicaMessage(text: string, unit: PriceUnit): string {
  return `a price per replica must be per hour or per month (e.g. $0.096/h), got ${text} (per ${unit})`;
}
