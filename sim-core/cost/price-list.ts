import { problem, type PathSegment, type Problem } from '../model/errors.ts';
import { parsePrice, PRICE_EXAMPLES, type Price } from './money.ts';
import { isObject } from '../model/is-object.ts';

/**
 * A price list: named, dated, one line per priced item, each with its own source and date, so
 * a bill can always say where each figure came from. The file format (YAML or JSON):
 *
 *   name: AWS us-east-1, on-demand
 *   date: '2026-11'
 *   currency: USD
 *   prices:
 *     m6i.large: { price: $0.096/h, source: …, date: '2026-11', note: … }
 *
 * Parsing takes plain data (the CLI reads and parses the file: sim-core has no file system) and
 * reports every problem with its path, never throws.
 */

export interface PriceLine {
  price: Price;
  /** The price as written. */
  text: string;
  source: string;
  date: string;
  note?: string;
}

export interface PriceList {
  name: string;
  date: string;
  lines: Record<string, PriceLine>;
}

const TOP_KEYS = ['name', 'date', 'currency', 'description', 'prices'];
const LINE_KEYS = ['price', 'source', 'date', 'note'];

export function parsePriceList(data: unknown): { list?: PriceList; problems: Problem[] } {
  const problems: Problem[] = [];
  const add = (path: PathSegment[], message: string, atKey?: boolean) => problems.push(problem(path, message, atKey));
  if (!isObject(data)) return { problems: [problem([], 'a price list is a mapping with name, date, currency and prices')] };
  for (const key of Object.keys(data)) if (!TOP_KEYS.includes(key)) add([key], `unknown key '${key}' (a price list has: ${TOP_KEYS.join(', ')})`, true);
  const name = text(data, 'name', [], add);
  const date = text(data, 'date', [], add);
  if (data.currency !== undefined && data.currency !== 'USD') add(['currency'], `only USD prices are supported, got ${JSON.stringify(data.currency)}`);
  const lines: Record<string, PriceLine> = {};
  if (!isObject(data.prices)) add(['prices'], 'expected a mapping of item names to { price, source, date }');
  else {
    for (const [item, raw] of Object.entries(data.prices)) {
      const path = ['prices', item];
      if (!isObject(raw)) {
        add(path, `expected { price: ${PRICE_EXAMPLES.split(', ')[0]}, source: …, date: … }, got ${JSON.stringify(raw)}`);
        continue;
      }
      for (const key of Object.keys(raw)) if (!LINE_KEYS.includes(key)) add([...path, key], `unknown key '${key}' (a price line has: ${LINE_KEYS.join(', ')})`, true);
      const price = parsePrice(raw.price);
      if (!price.ok) add([...path, 'price'], raw.price === undefined ? 'missing price, e.g. $0.096/h' : price.message);
      const source = text(raw, 'source', path, add);
      const lineDate = text(raw, 'date', path, add);
      const note = raw.note === undefined ? undefined : text(raw, 'note', path, add);
      if (price.ok && source !== undefined && lineDate !== undefined) {
        lines[item] = { price: price.value, text: String(raw.price).trim(), source, date: lineDate, ...(note === undefined ? {} : { note }) };
      }
    }
  }
  if (problems.length > 0 || name === undefined || date === undefined) return { problems };
  return { list: { name, date, lines }, problems };
}

/** A required non-empty text field (a YAML date such as 2026-11 must be quoted to stay text). */
function text(obj: Record<string, unknown>, key: string, path: PathSegment[], add: (p: PathSegment[], m: string) => void): string | undefined {
  const v = obj[key];
  if (typeof v === 'string' && v.trim() !== '') return v.trim();
  add([...path, key], v === undefined ? `missing ${key}` : `expected ${key} as text, got ${JSON.stringify(v)}`);
  return undefined;
}

/**
 * The list with the scenario's inline `prices:` overrides applied (`{ m6i.large: $0.09/h }`):
 * each replaces or adds a line whose source is the scenario. Problems are at `prices.<item>`.
 */
export function applyPriceOverrides(list: PriceList, overrides: Readonly<Record<string, string>>): { list: PriceList; problems: Problem[] } {
  const problems: Problem[] = [];
  const lines = { ...list.lines };
  for (const [item, textValue] of Object.entries(overrides)) {
    const price = parsePrice(textValue);
    if (!price.ok) problems.push(problem(['prices', item], price.message));
    else lines[item] = { price: price.value, text: textValue.trim(), source: 'the scenario (inline prices: override)', date: 'as given in the scenario' };
  }
  return { list: { ...list, lines }, problems };
}
