import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { computeCost } from '../../sim-core/cost/compute-cost.ts';
import { planCost } from '../../sim-core/cost/cost-plan.ts';
import { parsePriceList } from '../../sim-core/cost/price-list.ts';
import { loadScenario } from '../../sim-core/model/load.ts';
import { compareScenarios } from '../../sim-core/run/compare.ts';
import { inThreadExecutor } from '../../sim-core/run/in-thread-executor.ts';
import { buildReportHtml } from '../../renderer/report/build-report.ts';
import { arrowHead } from '../../renderer/report/TopologyPicture.tsx';
import type { ScenarioDocument } from '../../renderer/state/store-types.ts';
import { runScenario } from '../helpers/scenario.ts';

/** A priced two-endpoint shop with a database slowdown from 10 s to 15 s; 2 replications, seed 5. */
const TEXT = (workers = 2) => `# Assumptions: <peak> traffic & a slow database
archsim: 1
name: tiny-shop
run: { duration: 30s, warmup: 5s, replications: 2, seed: 5 }
workload: { arrivals: 60/s, mix: { browse: 3, checkout: 1 } }
endpoints:
  browse: { call: web.browse, slo: 50ms }
  checkout: { call: web.checkout, slo: 200ms }
components:
  web: { kind: service, replicas: 2, workers: ${workers}, instance: m6i.large, operations: { browse: { cpu: exp(5ms) }, checkout: { cpu: exp(8ms), steps: [ { call: db.write } ] } } }
  db: { kind: service, workers: 4, operations: { write: { cpu: exp(10ms) } } }
incidents:
  - { at: 10s, for: 5s, target: db, effect: slow(x3) }
`;

function documentOf(text: string): ScenarioDocument {
  const { scenario, errors } = loadScenario(text);
  if (!scenario) throw new Error(JSON.stringify(errors));
  return { id: 'd1', name: 'tiny-shop.yaml', format: 'yaml', text, scenario, errors: [], savedText: text, past: [], future: [], layout: {} };
}

function pricedRun(text: string) {
  const run = runScenario(text);
  const list = parsePriceList(parse(readFileSync(new URL('../../scenarios/prices/aws-us-east-1.yaml', import.meta.url), 'utf8'))).list!;
  const { plan } = planCost(documentOf(text).scenario!.components, list);
  return { ...run, cost: computeCost(plan!, run.components) };
}

describe('buildReportHtml on a real run of a tiny scenario', () => {
  const doc = documentOf(TEXT());
  const result = pricedRun(TEXT());
  const html = buildReportHtml(doc, { documentId: 'd1', status: 'done', result, startedAt: 0 }, undefined, { date: new Date('2025-03-04T05:06:00Z') });

  it('is one self-contained HTML document: inline style, no script, no external URL', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<style>');
    expect(html).toContain('--c1: #E69F00');
    expect(html).not.toMatch(/<script|<link|src="http|href="http|url\(/i);
    expect(html).toContain('<title>tiny-shop — archsim report</title>');
    expect(html).toContain('2025-03-04 05:06 UTC');
  });

  it('carries the scenario text, comments included, escaped in a <pre>', () => {
    expect(html).toContain('<pre class="assumptions"># Assumptions: &lt;peak&gt; traffic &amp; a slow database');
    expect(html).toContain('effect: slow(x3)');
  });

  it('has the endpoint table with both endpoints and overall, and numbers with their ± CI', () => {
    for (const name of ['browse', 'checkout', 'overall']) expect(html).toContain(`<th scope="row">${name}</th>`);
    expect(html).toMatch(/ms<span class="ci">±[\d.]+ ms<\/span>/);
    expect(html).toMatch(/\d+(\.\d+)?\/s/);
  });

  it('draws the charts as inline SVG: the CDF with a path per endpoint, time series with the incident shaded', () => {
    expect(html).toContain('data-testid="chart-latency-cdf"');
    expect((html.match(/<svg class="chart"/g) ?? []).length).toBeGreaterThanOrEqual(4);
    expect(html).toContain('<title>db: slow(x3)</title>');
    expect(html).toMatch(/<path d="M[\d.,L]+"/);
  });

  it('has the cost (2 × m6i.large = $140.16/month fixed) and availability', () => {
    expect(html).toContain('data-testid="cost-breakdown"');
    expect(html).toContain('m6i.large');
    expect(html).toContain('$140');
    expect(html).toContain('data-testid="availability"');
  });

  it('says so when there is no run', () => {
    expect(buildReportHtml(doc, undefined)).toContain('Not run yet');
  });
});

describe('buildReportHtml with a comparison', () => {
  it('adds the paired table with verdicts and overlaid CDFs', async () => {
    const a = documentOf(TEXT(2)).scenario!;
    const b = documentOf(TEXT(4)).scenario!;
    const comparison = await compareScenarios([a, b], { executor: inThreadExecutor() });
    const doc = documentOf(TEXT());
    const html = buildReportHtml(doc, undefined, comparison, { names: ['two workers', 'four workers'] });
    expect(html).toContain('data-testid="compare-table"');
    expect(html).toContain('A: two workers');
    expect(html).toContain('B − A (paired)');
    expect(html).toMatch(/lower|higher|no sig\. difference|identical/);
    expect(html).toContain('Overall latency distribution (CDF)');
  });
});

describe('the report’s topology picture', () => {
  const doc = documentOf(TEXT());
  const html = buildReportHtml(doc, undefined, undefined, { date: new Date('2025-03-04T05:06:00Z') });

  it('draws every component and call as static SVG, before the assumptions', () => {
    const topology = html.slice(html.indexOf('<h2>Topology</h2>'), html.indexOf('<h2>Assumptions</h2>'));
    expect(topology).toContain('<svg class="topology-svg"');
    expect(topology).toContain('aria-label="Topology: 2 components, 1 connections"');
    expect(topology.match(/class="topo-node"/g)).toHaveLength(2);
    expect(topology).toContain('web → db: call');
    expect(topology).toMatch(/<text class="topo-sub"[^>]*>service {2}×2<\/text>/);
    expect(topology).toContain('browse, checkout');
    expect(html).not.toMatch(/url\(/);
  });

  it('uses the canvas positions the user arranged', () => {
    const moved = buildReportHtml({ ...doc, layout: { db: { x: 1000, y: 40 } } }, undefined);
    expect(moved).toContain('translate(916,10)');
  });
});

describe('arrowHead', () => {
  it('points along the last segment', () => {
    expect(arrowHead('M0,0 L10,0')).toBe('M10,0 L1,4.5 L1,-4.5 Z');
    expect(arrowHead('M0,0 C0,5 10,5 10,10')).toBe('M10,10 L5.5,1 L14.5,1 Z');
  });
});
