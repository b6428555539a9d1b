import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { applyPriceOverrides, parsePriceList, type PriceList } from '../../sim-core/cost/price-list.ts';
import { formatPath } from '../../sim-core/model/errors.ts';

const bundledText = readFileSync(new URL('../../scenarios/prices/aws-us-east-1.yaml', import.meta.url), 'utf8');

function bundled(): PriceList {
  const { list, problems } = parsePriceList(parse(bundledText));
  expect(problems).toEqual([]);
  return list!;
}

const errorsOf = (data: unknown) => parsePriceList(data).problems.map((p) => `${formatPath(p.segments)}: ${p.message}`);

describe('the bundled price list (aws-us-east-1.yaml)', () => {
  it('is valid, dated, and every line has a source and a date', () => {
    const list = bundled();
    expect(list.date).toBe('2026-11');
    for (const line of Object.values(list.lines)) {
      expect(line.source).toMatch(/AWS public on-demand pricing pages, us-east-1/);
      expect(line.date).toBe('2026-11');
    }
  });

  it("holds the issue's figures", () => {
    const prices = Object.fromEntries(Object.entries(bundled().lines).map(([k, l]) => [k, l.text]));
    expect(prices).toEqual({
      'm5.large': '$0.096/h',
      'm6i.large': '$0.096/h',
      'c6i.xlarge': '$0.17/h',
      'eks.control-plane': '$0.10/h',
      'fargate.vcpu': '$0.04048/vCPU-h',
      'fargate.memory': '$0.004445/GB-h',
      'db.m6g.large': '$0.159/h',
      'db.m6g.large.multi-az': '$0.318/h',
      'aurora.db.r6g.large': '$0.26/h',
      'cache.m6g.large': '$0.149/h',
      'kafka.m5.large': '$0.21/h',
      'sqs.requests': '$0.40/million',
      'apigateway.rest.requests': '$3.50/million',
      'apigateway.http.requests': '$1.00/million',
      'cloudfront.egress': '$0.085/GB',
      'internet.egress': '$0.09/GB',
      'cross-az.transfer': '$0.01/GB',
      alb: '$0.0225/h',
    });
  });
});

describe('parsePriceList errors carry their path', () => {
  const line = (price: unknown, extra: Record<string, unknown> = {}) => ({
    name: 'mine',
    date: '2026-01',
    prices: { 'm6i.large': { price, source: 'my invoice', date: '2026-01', ...extra } },
  });

  it('a line without a unit', () => {
    expect(errorsOf(line('$0.096'))).toEqual([
      `prices["m6i.large"].price: '$0.096' has no unit: write e.g. $0.096/h (units: /h, /month, /million, /GB, /vCPU-h, /GB-h)`,
    ]);
  });

  it('a negative price', () => {
    expect(errorsOf(line('-$0.096/h'))).toEqual([`prices["m6i.large"].price: a price cannot be negative, got '-$0.096/h'`]);
  });

  it('a line without source or date, an unknown key, a missing name', () => {
    const data = { date: '2026-01', prices: { x: { price: '$1/h', colour: 'red' } } };
    expect(errorsOf(data)).toEqual([
      'name: missing name',
      "prices.x.colour: unknown key 'colour' (a price line has: price, source, date, note)",
      'prices.x.source: missing source',
      'prices.x.date: missing date',
    ]);
  });

  it('a currency other than USD', () => {
    expect(errorsOf({ ...line('$1/h'), currency: 'EUR' })).toEqual(['currency: only USD prices are supported, got "EUR"']);
  });
});

describe('applyPriceOverrides', () => {
  it('replaces and adds lines, sourced to the scenario, leaving the list it was given alone', () => {
    const list = bundled();
    const { list: out, problems } = applyPriceOverrides(list, { 'm6i.large': '$0.09/h', 'my-vm': '$12/month' });
    expect(problems).toEqual([]);
    expect(out.lines['m6i.large']).toMatchObject({ price: { amount: 0.09, unit: 'h' }, source: 'the scenario (inline prices: override)' });
    expect(out.lines['my-vm'].price).toEqual({ amount: 12, unit: 'month' });
    expect(list.lines['m6i.large'].price.amount).toBe(0.096);
  });
});
