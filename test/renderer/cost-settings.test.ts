import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { applyPriceOverrides, parsePriceList, type PriceList } from '../../sim-core/cost/price-list.ts';
import { componentCosts, nextOverride, readPrices, renameOverride } from '../../renderer/editor/cost-settings.ts';

const list = parsePriceList(parseDocument(readFileSync(new URL('../../scenarios/prices/aws-us-east-1.yaml', import.meta.url), 'utf8')).toJS()).list as PriceList;

describe('cost settings', () => {
  it('reads prices: absent, a file, inline overrides in order', () => {
    expect(readPrices({})).toEqual({ mode: 'bundled', overrides: [] });
    expect(readPrices({ prices: 'mine.yaml' })).toEqual({ mode: 'file', file: 'mine.yaml', overrides: [] });
    expect(readPrices({ prices: { 'm6i.large': '$0.09/h', 'sqs.requests': '$0.5/million' } }).overrides).toEqual([
      ['m6i.large', '$0.09/h'],
      ['sqs.requests', '$0.5/million'],
    ]);
  });

  it('renames an override keeping the order; proposes the next item not overridden', () => {
    expect(Object.keys(renameOverride([['a', '$1/h'], ['b', '$2/h']], 'a', 'c'))).toEqual(['c', 'b']);
    const first = Object.keys(list.lines)[0];
    expect(nextOverride(list, [])).toEqual([first, list.lines[first].text]);
    expect(nextOverride(list, [[first, '$1/h']])?.[0]).not.toBe(first);
  });

  it('says how each component is billed, with the overrides applied', () => {
    const raw = {
      components: {
        app: { kind: 'service', instance: 'm6i.large', replicas: 2 },
        edge: { kind: 'gateway' },
        pay: { kind: 'external' },
        fixed: { kind: 'service', price: '$50/month' },
        typo: { kind: 'service', instance: 'm6i.larg' },
      },
    };
    const rows = Object.fromEntries(componentCosts(raw, applyPriceOverrides(list, { 'm6i.large': '$0.1/h' }).list).map((r) => [r.name, r]));
    expect(rows.app).toMatchObject({ source: 'instance', summary: 'm6i.large · $73.00/month per replica' });
    expect(rows.edge.source).toBe('usage');
    expect(rows.edge.summary).toContain('apigateway.http.requests');
    expect(rows.pay).toMatchObject({ source: 'none' });
    expect(rows.fixed).toMatchObject({ source: 'price', summary: 'price per replica · $50.00/month per replica' });
    expect(rows.typo.source).toBe('problem');
    expect(rows.typo.summary).toContain("did you mean 'm6i.large'");
  });
});
