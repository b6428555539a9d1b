import * as z from 'zod';
import { show } from '../model/errors.ts';
import { isPerReplicaTime, parsePrice, PRICE_EXAMPLES, PRICE_PATTERN } from './money.ts';

/**
 * Scenario fields holding prices, checked by the one price parser (money.ts) and kept as the
 * user's text, like the other unit fields.
 */

/** A price in any unit: `$0.096/h`, `$3.50/million`, `$0.085/GB`, … */
export const priceText = (description = `A price in US dollars with its unit: ${PRICE_EXAMPLES}`) =>
  z
    .string({ error: (iss) => (iss.input === undefined ? undefined : (parsePrice(iss.input) as { message?: string }).message) })
    .superRefine((text, ctx) => {
      const r = parsePrice(text);
      if (!r.ok) ctx.addIssue({ code: 'custom', message: r.message, input: text });
    })
    .meta({ description, pattern: PRICE_PATTERN });

/** A price per running replica: `$0.096/h` or `$50/month`. */
export const replicaPrice = (description: string) =>
  priceText(description).superRefine((text, ctx) => {
    const r = parsePrice(text);
    if (r.ok && !isPerReplicaTime(r.value.unit)) {
      ctx.addIssue({ code: 'custom', message: `a price per replica must be per hour or per month (e.g. $0.096/h), got ${show(text)}`, input: text });
    }
  });

/** An instance type named in the price list, e.g. `m6i.large`. */
export const instanceType = (description: string) =>
  z
    .string({ error: (iss) => (iss.input === undefined ? undefined : `expected an instance type such as m6i.large, got ${show(iss.input)}`) })
    .min(1, { error: 'the instance type must not be empty' })
    .meta({ description });

/**
 * Top-level `prices:` — a price list file (relative to the scenario, read by the CLI), or inline
 * overrides of the bundled list: `{ m6i.large: $0.09/h }`.
 */
export const pricesField = () =>
  z
    .union([
      z.string().min(1, { error: 'the price list path must not be empty' }).meta({ description: 'A price list file, relative to the scenario' }),
      z.record(z.string(), priceText()).meta({ description: 'Inline prices by item, overriding the bundled price list, e.g. { m6i.large: $0.09/h }' }),
    ], { error: (iss) => (iss.input === undefined ? undefined : `expected a price list path or a mapping of items to prices such as { m6i.large: $0.09/h }, got ${show(iss.input)}`) })
    .meta({ description: 'Prices for the cost model: a price list file, or inline overrides of the bundled AWS us-east-1 list' });
