import { planCost } from '../../sim-core/cost/cost-plan.ts';
import { HOURS_PER_MONTH } from '../../sim-core/cost/money.ts';
import type { PriceList } from '../../sim-core/cost/price-list.ts';
import type { BilledComponent } from '../../sim-core/cost/usage-items.ts';

/**
 * What the Cost panel shows (pure): the scenario's `prices:` — absent (the bundled list), a
 * price-list file name, or inline overrides of the bundled list — and how each component would
 * be billed against the list, from the engine's own cost planner (sim-core/cost/cost-plan.ts).
 */

type Raw = Record<string, unknown>;
const isRaw = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);

export interface PricesSetting {
  /** 'file': `prices: my-prices.yaml`; 'bundled': absent or inline overrides. */
  mode: 'bundled' | 'file';
  file?: string;
  /** Inline overrides in the order written: [item, price text]. */
  overrides: Array<[string, string]>;
}

export function readPrices(raw: unknown): PricesSetting {
  const prices = isRaw(raw) ? raw.prices : undefined;
  if (typeof prices === 'string') return { mode: 'file', file: prices, overrides: [] };
  if (!isRaw(prices)) return { mode: 'bundled', overrides: [] };
  return { mode: 'bundled', overrides: Object.entries(prices).map(([k, v]) => [k, typeof v === 'string' ? v : String(v)]) };
}

/** The overrides with one renamed, order kept (a rename is one edit of the whole mapping). */
export function renameOverride(overrides: ReadonlyArray<[string, string]>, from: string, to: string): Record<string, string> {
  return Object.fromEntries(overrides.map(([k, v]) => [k === from ? to : k, v]));
}

/** The first item of the list not overridden yet (for "Add an override"), with its price. */
export function nextOverride(list: PriceList, overrides: ReadonlyArray<[string, string]>): [string, string] | undefined {
  const taken = new Set(overrides.map(([k]) => k));
  const item = Object.keys(list.lines).find((k) => !taken.has(k));
  return item === undefined ? undefined : [item, list.lines[item].text];
}

export interface ComponentCost {
  name: string;
  kind: string;
  /** What sets its price: its `price:`, its `instance:`, usage only, or nothing. */
  source: 'price' | 'instance' | 'usage' | 'none' | 'problem';
  /** One line for the table, e.g. "m6i.large · $70.08/month per replica". */
  summary: string;
}

const money = (usd: number): string => `$${usd >= 100 ? usd.toFixed(0) : usd.toFixed(2)}`;

/** How each component would be billed against `list` (the bundled list with the overrides applied). */
export function componentCosts(raw: unknown, list: PriceList): ComponentCost[] {
  const components = isRaw(raw) && isRaw(raw.components) ? raw.components : {};
  const out: ComponentCost[] = [];
  for (const [name, def] of Object.entries(components)) {
    if (!isRaw(def)) continue;
    const kind = typeof def.kind === 'string' ? def.kind : 'unknown';
    let planned: ReturnType<typeof planCost>;
    try {
      planned = planCost({ [name]: def as BilledComponent }, list);
    } catch {
      out.push({ name, kind, source: 'problem', summary: 'fix the component’s errors first' });
      continue;
    }
    if (!planned.plan) {
      out.push({ name, kind, source: 'problem', summary: planned.problems.map((p) => p.message).join('; ') });
      continue;
    }
    const pricing = planned.plan.components[name];
    const parts: string[] = [];
    if (pricing?.fixed) {
      const per = kind === 'database' ? 'per instance' : kind === 'queue' ? 'per broker' : 'per replica';
      parts.push(`${pricing.fixed.item} · ${money(pricing.fixed.hourly * HOURS_PER_MONTH)}/month ${per}`);
    }
    for (const u of pricing?.usage ?? []) parts.push(`${u.item} ${list.lines[u.item]?.text ?? ''}`.trim());
    const source = def.price !== undefined ? 'price' : pricing?.fixed ? 'instance' : parts.length > 0 ? 'usage' : 'none';
    out.push({ name, kind, source, summary: parts.length > 0 ? parts.join(' + ') : 'not billed: no instance or price' });
  }
  return out;
}
