import { fail, ok, type Parsed } from '../model/units.ts';

/**
 * The one parser for prices written as text: `$0.096/h`, `$50/month`, `$3.50/million`,
 * `$0.085/GB`, `$0.04048/vCPU-h`, `$0.004445/GB-h`. Strict: a price needs the dollar sign and a
 * unit, and cannot be negative. Never throws (a result value, like the other unit parsers).
 */

declare const brand: unique symbol;
/** An amount of US dollars. */
export type Usd = number & { readonly [brand]: 'Usd' };

/** Hours in a billing month (AWS's convention: 365 × 24 ÷ 12). */
export const HOURS_PER_MONTH = 730;
export const SECONDS_PER_MONTH = HOURS_PER_MONTH * 3600;

/**
 * What a price is per. `h` and `month` are per running replica (instance) and time; `million`
 * per million requests; `GB` per gigabyte (10⁹ bytes) transferred; `vCPU-h` and `GB-h` per vCPU
 * or per GB of memory held for an hour (Fargate).
 */
export const PRICE_UNITS = ['h', 'month', 'million', 'GB', 'vCPU-h', 'GB-h'] as const;
export type PriceUnit = (typeof PRICE_UNITS)[number];

export interface Price {
  amount: Usd;
  unit: PriceUnit;
}

const UNIT_LIST = PRICE_UNITS.map((u) => `/${u}`).join(', ');

/** Spellings that are not units here, and the unit meant. */
const UNIT_ALIASES: Readonly<Record<string, PriceUnit>> = {
  hr: 'h', hour: 'h', hours: 'h', hrs: 'h', mo: 'month', mon: 'month', months: 'month',
  m: 'million', M: 'million', mn: 'million', '1M': 'million', 'million requests': 'million', requests: 'million',
  gb: 'GB', Gb: 'GB', GiB: 'GB', 'vcpu-h': 'vCPU-h', 'vCPU-hour': 'vCPU-h', 'gb-h': 'GB-h', 'GB-hour': 'GB-h',
};

const NUMBER = String.raw`(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?`;
const PRICE_RE = new RegExp(`^(-?)\\s*\\$\\s*(-?)\\s*(${NUMBER})\\s*(?:/\\s*(.*?))?\\s*$`);

/** For the JSON Schema, so editors flag a malformed price early. */
export const PRICE_PATTERN = String.raw`^\s*\$\s*(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*/\s*(h|month|million|GB|vCPU-h|GB-h)\s*$`;

export const PRICE_EXAMPLES = '$0.096/h, $50/month, $3.50/million, $0.085/GB';

export function parsePrice(text: unknown): Parsed<Price> {
  if (typeof text === 'number') return fail(`a price needs a dollar sign and a unit: write $${text}/h (units: ${UNIT_LIST})`);
  if (typeof text !== 'string') return fail(`expected a price such as ${PRICE_EXAMPLES}, got ${text === null ? 'null' : typeof text}`);
  const t = text.trim();
  const m = PRICE_RE.exec(t);
  if (!m) {
    if (new RegExp(`^-?${NUMBER}\\s*(/.*)?$`).test(t)) return fail(`a price is in US dollars: write it with a dollar sign, e.g. $${t.replace(/^-/, '')}${t.includes('/') ? '' : '/h'}, got '${t}'`);
    return fail(`expected a price such as ${PRICE_EXAMPLES}, got '${t}'`);
  }
  const [, minusBefore, minusAfter, num, unit] = m;
  if (minusBefore !== '' || minusAfter !== '') return fail(`a price cannot be negative, got '${t}'`);
  if (unit === undefined || unit === '') return fail(`'${t}' has no unit: write e.g. $${num}/h (units: ${UNIT_LIST})`);
  if (!(PRICE_UNITS as readonly string[]).includes(unit)) {
    const alias = UNIT_ALIASES[unit] ?? UNIT_ALIASES[unit.toLowerCase()];
    return fail(`unknown price unit '/${unit}'${alias ? `; did you mean '/${alias}'?` : ''} (units: ${UNIT_LIST})`);
  }
  const amount = Number(num);
  if (!Number.isFinite(amount)) return fail(`'${t}' is not a finite price`);
  return ok({ amount: amount as Usd, unit: unit as PriceUnit });
}

/** Units that are a price per running replica and time. */
export function isPerReplicaTime(unit: PriceUnit): unit is 'h' | 'month' {
  return unit === 'h' || unit === 'month';
}

/** Dollars per replica-hour of a per-time price. */
export function hourlyAmount(price: Price & { unit: 'h' | 'month' }): Usd {
  return (price.unit === 'h' ? price.amount : price.amount / HOURS_PER_MONTH) as Usd;
}

/** `$0.096/h` — the canonical text of a price. */
export function formatPrice(price: Price): string {
  return `$${price.amount}/${price.unit}`;
}
